// The catalog as every signed-in user reads it.
import { Type } from "typebox";
import { listActivities } from "../../admin/use-cases/list-activities.ts";
import { listProducts } from "../../admin/use-cases/list-products.ts";
import { callerOf } from "../authenticate.ts";
import { errors } from "../responses.ts";
import { Activity, Product } from "../schemas/admin.ts";
import type { App, HttpDeps } from "../types.ts";

export function catalogRoutes(app: App, { ctx }: HttpDeps): void {
  app.get(
    "/api/v1/catalog/products",
    {
      schema: {
        tags: ["catalog"],
        summary: "Products and workloads, with how each is claimed",
        response: { 200: Type.Object({ items: Type.Array(Product) }), ...errors(401) },
      },
    },
    async (req) => listProducts(ctx, callerOf(req).principal),
  );
  app.get(
    "/api/v1/catalog/activities",
    {
      schema: {
        tags: ["catalog"],
        summary: "Activities (partner roles)",
        response: { 200: Type.Object({ items: Type.Array(Activity) }), ...errors(401) },
      },
    },
    async (req) => listActivities(ctx, callerOf(req).principal),
  );
}
