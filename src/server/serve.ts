// `claimdesk serve` / `npm start`: start the server, print where it runs (and the first admin's
// sign-in when one was generated), stop cleanly on SIGTERM/SIGINT. With `--workers N` the
// primary process forks N of these (cluster.ts).
import cluster from "node:cluster";
import { checkWorkers, runPrimary } from "./cluster.ts";
import type { Config } from "./config.ts";
import { startServer } from "./server.ts";

export async function serve(config: Config, options: { workers?: number } = {}): Promise<void> {
  const workers = options.workers ?? 1;
  checkWorkers(config, workers);
  if (workers > 1 && cluster.isPrimary) return runPrimary(workers);
  const server = await startServer(config);
  const out = (s: string) => process.stdout.write(s);
  const index = Number(process.env.CLAIMDESK_WORKER_INDEX ?? 1);
  if (cluster.isWorker) process.send?.({ ready: server.url });
  if (index > 1) {
    // The first worker printed the banner; the others just say they are up.
    out(`worker ${index} ready (pid ${process.pid})\n`);
    return stopOnSignals(server);
  }
  // The address it listens on (PORT=0 picks a free one); BASE_URL is only for links in mail.
  out(`\nClaimdesk is running at ${server.url} (database ${server.ctx.db.label})\n`);
  out(`API documentation: ${server.url}/docs\n`);
  if (config.simulatedClock) out("Simulated clock: on (PUT /api/v1/system/clock moves it)\n");
  const admin = server.firstAdmin;
  if (admin?.generatedPassword) {
    out(
      `\nFirst program admin created. Sign in once with:\n  email:    ${admin.email}\n  password: ${admin.generatedPassword}\n(shown only now)\n\n`,
    );
  } else if (admin) {
    out(`First program admin created: ${admin.email}\n\n`);
  }
  stopOnSignals(server);
}

function stopOnSignals(server: Awaited<ReturnType<typeof startServer>>): void {
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    server.app.log.info({ signal }, "shutting down");
    await server.stop();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}
