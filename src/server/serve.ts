// `claimdesk serve` / `npm start`: migrate, ensure the first admin, listen, sweep; stop cleanly on
// SIGTERM/SIGINT (in-flight requests finish, the sweeper stops, the database closes).
import { bootstrap } from "./bootstrap.ts";
import type { Config } from "./config.ts";
import { ensureFirstAdmin } from "./first-admin.ts";
import { buildApp } from "./http/build-app.ts";
import { startSweepLoop } from "./jobs/sweep-loop.ts";

export async function serve(config: Config): Promise<void> {
  const ctx = await bootstrap({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    storage: config.documentStorage,
  });
  const admin = await ensureFirstAdmin(ctx, { email: config.adminEmail, password: config.adminPassword });
  const app = await buildApp(ctx, { logLevel: config.logLevel });
  await app.listen({ port: config.port, host: config.host });
  const loop = startSweepLoop(ctx, config.sweepIntervalSeconds, app.log);
  const where = `${config.baseUrl} (database ${ctx.db.label})`;
  process.stdout.write(`\nClaimdesk is running at ${where}\n`);
  if (admin?.generatedPassword) {
    process.stdout.write(
      `First program admin created. Sign in once with:\n  email:    ${admin.email}\n  password: ${admin.generatedPassword}\n(shown only now)\n\n`,
    );
  } else if (admin) {
    process.stdout.write(`First program admin created: ${admin.email}\n\n`);
  }
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, "shutting down");
    await app.close();
    await loop.stop();
    await ctx.db.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}
