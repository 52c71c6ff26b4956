// A running Claimdesk server: database, HTTP, the in-process sweeper. `serve` and the HTTP tests
// start it the same way.
import type { FastifyInstance } from "fastify";
import { bootstrap } from "./bootstrap.ts";
import { ClaimImportRunner, type ClaimImportRunnerOptions } from "./claims/bulk/run-claim-import.ts";
import { DEFAULT_UPLOAD_LIMITS } from "./claims/use-cases/attach-document.ts";
import type { Config } from "./config.ts";
import { type AppContext, type Clock, systemClock } from "./context.ts";
import { plannerStatistics } from "./db/planner-statistics.ts";
import { ensureFirstAdmin, type FirstAdmin } from "./first-admin.ts";
import { buildApp } from "./http/build-app.ts";
import type { IdempotencyOptions } from "./http/idempotency.ts";
import { purgeIdempotencyKeys } from "./idempotency/idempotency-store.ts";
import { removeAbandonedRevenue } from "./incentives/revenue-import.ts";
import { type SweepLoop, startSweepLoop } from "./jobs/sweep-loop.ts";
import { parseAllowList, type Resolver, WebhookEgress } from "./notify/egress.ts";
import { createMailTransport } from "./notify/mail-transport.ts";
import { Notifier } from "./notify/notifier.ts";
import { loadSecret } from "./notify/secret.ts";
import { PreflightRunner } from "./preflight/preflight-runner.ts";
import { SimulatedClock } from "./simulated-clock.ts";

export interface RunningServer {
  app: FastifyInstance;
  routes: { method: string; url: string; auth: boolean }[];
  ctx: AppContext;
  url: string;
  firstAdmin: FirstAdmin | null;
  notifier: Notifier;
  /** Reads attached documents after their commit (issue 14). */
  preflight: PreflightRunner;
  /** Creates bulk-filed drafts; resumes imports whose process died (issue 14). */
  claimImports: ClaimImportRunner;
  stop(): Promise<void>;
}

export async function startServer(
  config: Config,
  opts: {
    wall?: Clock;
    uploads?: { maxBytes: number; maxFilesPerClaim: number };
    /** Off: no sweeper and no notifier timer (tests drive both themselves). */
    sweep?: boolean;
    afterSend?: (messageId: string) => Promise<void>;
    /** How webhook hosts resolve (tests: no DNS); default: the system's resolver. */
    webhookResolver?: Resolver;
    idempotency?: IdempotencyOptions;
    claimImports?: Omit<ClaimImportRunnerOptions, "wall">;
  } = {},
): Promise<RunningServer> {
  const wall = opts.wall ?? systemClock;
  const ctx = await bootstrap({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    storage: config.documentStorage,
  });
  if (config.simulatedClock) ctx.clock = await SimulatedClock.open(ctx.db.kysely, wall.now());
  await removeAbandonedRevenue(ctx, wall.now());
  const firstAdmin = await ensureFirstAdmin(ctx, {
    email: config.adminEmail,
    password: config.adminPassword,
  });
  const webhookEgress = new WebhookEgress(
    parseAllowList(config.webhooksAllowHosts.join(",")).allow,
    opts.webhookResolver,
  );
  const secret = loadSecret(config.secret, config.dataDir);
  const claimImports = new ClaimImportRunner(ctx, {
    wall,
    onError: (err) => app.log.error({ err }, "claim import failed"),
    ...opts.claimImports,
  });
  const { app, metrics, routes } = await buildApp(
    {
      ctx,
      wall,
      secret,
      secureCookies: config.baseUrl.startsWith("https:"),
      simulatedClock: config.simulatedClock,
      uploads: opts.uploads ?? DEFAULT_UPLOAD_LIMITS,
      benchRoutes: process.env.CLAIMDESK_BENCH_ROUTES === "1",
      webhooksAllowHttp: config.webhooksAllowHttp,
      webhookEgress,
      baseUrl: config.baseUrl,
      rateLimits: config.rateLimits,
      metricsToken: config.metricsToken,
      idempotency: { leaseMs: (config.idempotencyLeaseSeconds ?? 30) * 1000, ...opts.idempotency },
      claimImports,
    },
    { logLevel: config.logLevel },
  );
  const address = await app.listen({ port: config.port, host: config.host });
  let loop: SweepLoop | null = null;
  if (opts.sweep !== false) {
    const statistics = plannerStatistics(ctx.db, wall);
    loop = startSweepLoop(ctx, config.sweepIntervalSeconds, app.log, {
      before: async () => {
        if (ctx.clock instanceof SimulatedClock) await ctx.clock.refresh();
        await purgeIdempotencyKeys(ctx.db.kysely, wall);
        await statistics();
      },
      fired: (n) => metrics.deadlinesFired.inc(n),
    });
  }
  const transport = createMailTransport(config.smtpUrl, config.dataDir, (msg, extra) =>
    app.log.info(extra, msg),
  );
  const notifier = new Notifier({
    ctx,
    wall,
    secret,
    baseUrl: config.baseUrl,
    from: config.mailFrom,
    transport,
    log: app.log,
    afterSend: opts.afterSend,
    egress: webhookEgress,
  });
  if (opts.sweep !== false) notifier.start(config.notifyIntervalSeconds);
  app.log.info({ mail: transport.describe }, "notifier ready");
  // Always on (unlike the sweeper): a pending preflight must be done within seconds, tests included.
  const preflight = new PreflightRunner(ctx, {
    wall,
    onError: (err) => app.log.error({ err }, "preflight pass failed"),
  });
  preflight.start();
  // Always on too: at start and every poll it resumes imports left by a process that died.
  claimImports.start();
  return {
    app,
    routes,
    ctx,
    url: address,
    firstAdmin,
    notifier,
    preflight,
    claimImports,
    stop: async () => {
      // In-flight requests finish, then the sweeper and notifier stop, then the database closes.
      await app.close();
      await claimImports.stop();
      await loop?.stop();
      await notifier.stop();
      await preflight.stop();
      await ctx.db.close();
    },
  };
}
