// `claimdesk serve --workers N`: N server processes behind one port (node:cluster; the primary
// hands connections to the workers in turn). PostgreSQL only: on SQLite all processes share one
// writer lock that better-sqlite3 waits for synchronously, so a second process stalls both event
// loops rather than adding throughput; it is refused with a message (exit code 2).
// The first worker starts alone (migrations, seeding, the first admin), the rest after it is
// ready. SIGTERM or SIGINT stops every worker gracefully (each finishes its requests) and then
// the primary; a worker that dies otherwise is replaced.
import cluster, { type Worker } from "node:cluster";
import { type Config, ConfigError } from "./config.ts";
import { engineOf } from "./db/engine.ts";

export function checkWorkers(config: Config, workers: number): void {
  if (!Number.isInteger(workers) || workers < 1 || workers > 64)
    throw new ConfigError([`--workers must be a whole number from 1 to 64 (got ${workers})`]);
  if (workers > 1 && engineOf(config.databaseUrl) === "sqlite")
    throw new ConfigError([
      "--workers above 1 needs PostgreSQL (DATABASE_URL=postgres://...): SQLite has a single writer, " +
        "so more processes only wait on each other. Run one process on SQLite.",
    ]);
}

const out = (s: string) => process.stdout.write(s);

/** Runs in the primary: forks, watches and stops the workers. */
export async function runPrimary(workers: number): Promise<void> {
  let stopping = false;
  const ready = new Set<Worker>();
  let url = "";
  const fork = (index: number) => {
    const w = cluster.fork({ CLAIMDESK_WORKER_INDEX: String(index) });
    w.on("message", (m: unknown) => {
      if (typeof m === "object" && m !== null && "ready" in m && typeof m.ready === "string") {
        url = m.ready;
        ready.add(w);
      }
    });
    w.on("exit", (code, signal) => {
      ready.delete(w);
      if (stopping) return;
      out(`worker ${index} exited (${signal ?? code}); starting another\n`);
      setTimeout(() => fork(index), 1000);
    });
    return w;
  };
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const all = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
    await Promise.all(
      all.map(
        (w) =>
          new Promise<void>((resolve) => {
            if (w.isDead()) return resolve();
            w.once("exit", () => resolve());
            w.process.kill(signal);
          }),
      ),
    );
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
  const first = fork(1);
  await new Promise<void>((resolve, reject) => {
    const check = setInterval(() => {
      if (ready.has(first)) {
        clearInterval(check);
        resolve();
      }
    }, 20);
    first.once("exit", (code) => {
      clearInterval(check);
      reject(new Error(`the first worker exited with ${code} before it was ready`));
    });
  }).catch((err: Error) => {
    out(`${err.message}\n`);
    process.exit(1);
  });
  for (let i = 2; i <= workers; i++) fork(i);
  await new Promise<void>((resolve) => {
    const check = setInterval(() => {
      if (ready.size >= workers) {
        clearInterval(check);
        resolve();
      }
    }, 20);
  });
  out(`Claimdesk: ${workers} workers running at ${url}\n`);
}
