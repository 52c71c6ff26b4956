// WAL checkpoints off the event loop. A checkpoint copies committed pages from the WAL into the
// database file and fsyncs both; on a busy disk that took 0.35-1.6 s, and SQLite's automatic
// checkpoint runs it inside the commit of whichever connection crosses the threshold: our only
// connection, on the server's only thread. So the main connection turns automatic checkpoints off
// and this worker thread, with a connection of its own, runs PASSIVE checkpoints on a timer.
// PASSIVE never waits for readers or writers: commits go on while it copies, and the WAL restarts
// from its beginning once everything in it has been copied. The worker is plain JavaScript given
// as a string, so it runs the same under tsx and from the compiled dist/.
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

const INTERVAL_MS = 1000;

const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma("busy_timeout = 5000");
let timer = null;
const tick = () => {
  try {
    db.pragma("wal_checkpoint(PASSIVE)");
  } catch (err) {
    // Busy or locked: the next tick tries again; the WAL just grows a little meanwhile.
  }
  timer = setTimeout(tick, workerData.intervalMs);
};
timer = setTimeout(tick, workerData.intervalMs);
parentPort.on("message", (m) => {
  if (m !== "stop") return;
  clearTimeout(timer);
  db.close();
  parentPort.close();
});
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

export function startCheckpointer(
  path: string,
  /** The worker failed: the caller turns automatic checkpoints back on. */
  onFailure: () => void,
  intervalMs = INTERVAL_MS,
): Checkpointer {
  const driver = createRequire(import.meta.url).resolve("better-sqlite3");
  const worker = new Worker(WORKER, { eval: true, workerData: { path, driver, intervalMs } });
  // An idle checkpointer must not keep a finished CLI command alive.
  worker.unref();
  worker.on("error", (err) => {
    process.emitWarning(`SQLite checkpointer stopped: ${err.message}`);
    onFailure();
  });
  const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  return {
    stop: async () => {
      // Waiting for it to finish must keep the process alive until it has.
      worker.ref();
      worker.postMessage("stop");
      await exited;
    },
  };
}
