// Time: the simulated clock (only in that mode) and an immediate sweep.
import { Type } from "typebox";
import { RefusalError } from "../../../domain/refusal.ts";
import { sweep } from "../../jobs/sweeper.ts";
import type { SimulatedClock } from "../../simulated-clock.ts";
import { callerOf } from "../authenticate.ts";
import { HttpProblem } from "../problem.ts";
import { errors } from "../responses.ts";
import type { App, HttpDeps } from "../types.ts";

function requireProgramAdmin(role: string): void {
  if (role !== "program_admin")
    throw new RefusalError({ code: "forbidden", detail: "only a program admin may do this" });
}

export function systemRoutes(app: App, { ctx, simulatedClock }: HttpDeps): void {
  const clock = simulatedClock ? (ctx.clock as SimulatedClock) : null;
  const ClockBody = Type.Object({ now: Type.String({ format: "date-time" }) });

  app.get(
    "/api/v1/system/clock",
    {
      schema: {
        tags: ["system"],
        summary: "The claims clock (simulated-clock mode only)",
        response: { 200: ClockBody, ...errors(401, 404) },
      },
    },
    async () => {
      if (!clock)
        throw new HttpProblem(
          404,
          "not_found",
          "the simulated clock is off (CLAIMDESK_SIMULATED_CLOCK=1 turns it on)",
        );
      await clock.refresh();
      return { now: new Date(clock.now()).toISOString() };
    },
  );

  app.put(
    "/api/v1/system/clock",
    {
      schema: {
        tags: ["system"],
        summary: "Move the simulated clock forward (program admin; does not sweep)",
        body: Type.Object({ now: Type.String({ format: "date-time" }) }, { additionalProperties: false }),
        response: { 200: ClockBody, ...errors(401, 403, 404, 422) },
      },
    },
    async (req) => {
      if (!clock)
        throw new HttpProblem(
          404,
          "not_found",
          "the simulated clock is off (CLAIMDESK_SIMULATED_CLOCK=1 turns it on)",
        );
      requireProgramAdmin(callerOf(req).principal.role);
      await clock.set(Date.parse(req.body.now));
      return { now: new Date(clock.now()).toISOString() };
    },
  );

  app.post(
    "/api/v1/system/sweep",
    {
      schema: {
        tags: ["system"],
        summary: "Fire every due deadline now (program admin)",
        body: Type.Optional(Type.Object({}, { additionalProperties: false })),
        response: {
          200: Type.Object({ fired: Type.Integer(), claims: Type.Integer() }),
          ...errors(401, 403),
        },
      },
    },
    async (req) => {
      requireProgramAdmin(callerOf(req).principal.role);
      const r = await sweep(ctx);
      return { fired: r.fired, claims: r.claims };
    },
  );
}
