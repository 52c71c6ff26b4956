// The catalog as every signed-in user reads it.
import { Type } from "typebox";
import { errors } from "../responses.ts";
import type { App, HttpDeps } from "../types.ts";

export function catalogRoutes(app: App, { ctx }: HttpDeps): void {
  const db = ctx.db.kysely;
  app.get(
    "/api/v1/catalog/products",
    {
      schema: {
        tags: ["catalog"],
        summary: "Products and workloads, with how each is claimed",
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                code: Type.String(),
                name: Type.String(),
                solutionArea: Type.String(),
                basis: Type.Enum(["workload", "subscription"]),
                active: Type.Boolean(),
              }),
            ),
          }),
          ...errors(401),
        },
      },
    },
    async () => {
      const rows = await db
        .selectFrom("products")
        .selectAll()
        .orderBy("solution_area")
        .orderBy("name")
        .execute();
      return {
        items: rows.map((p) => ({
          code: p.code,
          name: p.name,
          solutionArea: p.solution_area,
          basis: p.basis as "workload" | "subscription",
          active: p.active === 1,
        })),
      };
    },
  );
  app.get(
    "/api/v1/catalog/activities",
    {
      schema: {
        tags: ["catalog"],
        summary: "Activities (partner roles)",
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({ code: Type.String(), name: Type.String(), incentivised: Type.Boolean() }),
            ),
          }),
          ...errors(401),
        },
      },
    },
    async () => {
      const rows = await db.selectFrom("activities").selectAll().orderBy("code").execute();
      return { items: rows.map((a) => ({ code: a.code, name: a.name, incentivised: a.incentivised === 1 })) };
    },
  );
}
