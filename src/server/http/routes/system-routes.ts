// Time: the simulated clock (only in that mode) and an immediate sweep.
import { Type } from "typebox";
import type { SimulatedClock } from "../../simulated-clock.ts";
import { moveClock, readClock } from "../../system/clock.ts";
import { sweepNow } from "../../system/sweep-now.ts";
import { callerOf } from "../authenticate.ts";
import { errors } from "../responses.ts";
import type { App, HttpDeps } from "../types.ts";

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
    async (req) => readClock(clock, callerOf(req).principal),
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
    async (req) => moveClock(clock, callerOf(req).principal, req.body),
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
    async (req) => sweepNow(ctx, callerOf(req).principal),
  );
}
