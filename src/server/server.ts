// A running Claimdesk server: database, HTTP, the in-process sweeper. `serve` and the HTTP tests
// start it the same way.
import type { FastifyInstance } from "fastify";
import { bootstrap } from "./bootstrap.ts";
import { DEFAULT_UPLOAD_LIMITS } from "./claims/use-cases/attach-document.ts";
import type { Config } from "./config.ts";
import { type AppContext, type Clock, systemClock } from "./context.ts";
import { ensureFirstAdmin, type FirstAdmin } from "./first-admin.ts";
import { buildApp } from "./http/build-app.ts";
import { purgeIdempotencyKeys } from "./http/idempotency.ts";
import { type SweepLoop, startSweepLoop } from "./jobs/sweep-loop.ts";
import { SimulatedClock } from "./simulated-clock.ts";

export interface RunningServer {
  app: FastifyInstance;
  routes: { method: string; url: string; auth: boolean }[];
  ctx: AppContext;
  url: string;
  firstAdmin: FirstAdmin | null;
  stop(): Promise<void>;
}

export async function startServer(
  config: Config,
  opts: { wall?: Clock; uploads?: { maxBytes: number; maxFilesPerClaim: number }; sweep?: boolean } = {},
): Promise<RunningServer> {
  const wall = opts.wall ?? systemClock;
  const ctx = await bootstrap({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    storage: config.documentStorage,
  });
  if (config.simulatedClock) ctx.clock = await SimulatedClock.open(ctx.db.kysely, wall.now());
  const firstAdmin = await ensureFirstAdmin(ctx, {
    email: config.adminEmail,
    password: config.adminPassword,
  });
  const { app, metrics, routes } = await buildApp(
    {
      ctx,
      wall,
      secureCookies: config.baseUrl.startsWith("https:"),
      simulatedClock: config.simulatedClock,
      uploads: opts.uploads ?? DEFAULT_UPLOAD_LIMITS,
      benchRoutes: process.env.CLAIMDESK_BENCH_ROUTES === "1",
    },
    { logLevel: config.logLevel },
  );
  const address = await app.listen({ port: config.port, host: config.host });
  let loop: SweepLoop | null = null;
  if (opts.sweep !== false) {
    loop = startSweepLoop(ctx, config.sweepIntervalSeconds, app.log, {
      before: async () => {
        if (ctx.clock instanceof SimulatedClock) await ctx.clock.refresh();
        await purgeIdempotencyKeys(ctx.db.kysely, wall);
      },
      fired: (n) => metrics.deadlinesFired.inc(n),
    });
  }
  return {
    app,
    routes,
    ctx,
    url: address,
    firstAdmin,
    stop: async () => {
      // In-flight requests finish, then the sweeper stops, then the database closes.
      await app.close();
      await loop?.stop();
      await ctx.db.close();
    },
  };
}
