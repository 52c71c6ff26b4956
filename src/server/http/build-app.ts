// The Fastify application: operational routes now; the API routes of API.md register here.
import Fastify, { type FastifyInstance } from "fastify";
import { sql } from "kysely";
import type { AppContext } from "../context.ts";

export async function buildApp(ctx: AppContext, opts: { logLevel?: string } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: opts.logLevel ?? "info", redact: ["req.headers.authorization", "req.headers.cookie"] },
    genReqId: () => crypto.randomUUID(),
  });
  app.get("/healthz", async () => ({ status: "ok" }));
  app.get("/readyz", async (_req, reply) => {
    try {
      await sql`select 1`.execute(ctx.db.kysely);
      return { status: "ready", database: ctx.db.engine };
    } catch (err) {
      return reply.code(503).send({ status: "unavailable", detail: (err as Error).message });
    }
  });
  return app;
}
