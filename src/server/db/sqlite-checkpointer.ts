// WAL checkpoints off the event loop. A checkpoint copies committed pages from the WAL into the
// database file and fsyncs both; on a busy disk that took 0.35-1.6 s, and SQLite's automatic
// checkpoint runs it inside the commit of whichever connection crosses the threshold: our only
// connection, on the server's only thread. So the main connection turns automatic checkpoints off
// and this worker thread, with a connection of its own, runs PASSIVE checkpoints on a timer.
// PASSIVE never waits for readers or writers: commits go on while it copies.
//
// The WAL restarts from its beginning (and is cut back to journal_size_limit) only when a writer
// finds every frame copied. Under sustained writes that never happens: new frames arrive while a
// checkpoint copies, and the WAL grew by ~40 MB a second without end at the benchmark's transition
// rate. So past LIMIT_FRAMES the worker copies again at once until a pass finds little new, then
// asks the main thread for a short window with its connection idle (`whileIdle`: queries wait,
// asynchronously, the event loop runs on), copies the rest and truncates the WAL. The first commit
// into an empty WAL fsyncs its header (synchronous=NORMAL), which on the main thread stalled the
// event loop for 100-180 ms: the worker makes that first commit itself, in the window. The window
// costs one small copy and its fsyncs, once per LIMIT_FRAMES of writes.
//
// The worker is plain JavaScript given as a string, so it runs the same under tsx and from the
// compiled dist/.
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

const INTERVAL_MS = 1000;
/** 16,384 frames: 64 MiB of 4 KiB pages, the size journal_size_limit cuts the WAL back to. */
const LIMIT_FRAMES = 16_384;
/** A pass that found fewer new frames than this is close enough to finish in the window. */
const SMALL_FRAMES = 1_024;

const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma("busy_timeout = 5000");
let timer = null;
let stopped = false;
// [busy, frames in the WAL, frames copied]; null when busy or locked (the next tick tries again).
const passive = () => {
  try {
    const [r] = db.pragma("wal_checkpoint(PASSIVE)");
    return r;
  } catch (err) {
    return null;
  }
};
const schedule = () => {
  if (!stopped) timer = setTimeout(tick, workerData.intervalMs);
};
const tick = () => {
  let r = passive();
  for (let passes = 0; r && r.log > workerData.limitFrames && passes < 10; passes++) {
    const copied = r.checkpointed;
    r = passive();
    if (r && r.checkpointed - copied < workerData.smallFrames) {
      // Close: the main thread idles its connection, and the rest is copied in one short pass.
      parentPort.postMessage("pause");
      return;
    }
  }
  schedule();
};
timer = setTimeout(tick, workerData.intervalMs);
parentPort.on("message", (m) => {
  if (m === "paused") {
    // A window granted after "stop" arrived: the connection is closed, there is nothing to copy.
    if (stopped) return;
    // The main connection runs nothing now: copy the rest and truncate the WAL (TRUNCATE waits
    // for nobody here, but another process may be reading: then it is busy, and we try later).
    let r = null;
    try {
      db.pragma("busy_timeout = 100");
      [r] = db.pragma("wal_checkpoint(TRUNCATE)");
      // The first commit into an empty WAL writes and fsyncs its header: done here, off the
      // event loop, by rewriting user_version as it is (one page, no data changes).
      if (r && r.busy === 0) db.pragma("user_version = " + Number(db.pragma("user_version", { simple: true })));
    } catch (err) {
      r = null;
    } finally {
      db.pragma("busy_timeout = 5000");
    }
    parentPort.postMessage({ caughtUp: r });
    schedule();
    return;
  }
  if (m !== "stop") return;
  stopped = true;
  clearTimeout(timer);
  db.close();
  parentPort.close();
});
`;

export interface Checkpointer {
  stop(): Promise<void>;
  /** Resolves after the next catch-up window (tests). */
  caughtUp(): Promise<{ busy: number; log: number; checkpointed: number } | null>;
}

export interface CheckpointerOptions {
  /** The worker failed: the caller turns automatic checkpoints back on. */
  onFailure: () => void;
  /** Runs `work` while the main connection runs nothing else. */
  whileIdle: (work: () => Promise<void>) => Promise<void>;
  intervalMs?: number;
  limitFrames?: number;
}

export function startCheckpointer(path: string, o: CheckpointerOptions): Checkpointer {
  const driver = createRequire(import.meta.url).resolve("better-sqlite3");
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: {
      path,
      driver,
      intervalMs: o.intervalMs ?? INTERVAL_MS,
      limitFrames: o.limitFrames ?? LIMIT_FRAMES,
      smallFrames: SMALL_FRAMES,
    },
  });
  // An idle checkpointer must not keep a finished CLI command alive.
  worker.unref();
  let finishWindow: (() => void) | null = null;
  let ended = false;
  const waiters: ((r: { busy: number; log: number; checkpointed: number } | null) => void)[] = [];
  worker.on("message", (m: unknown) => {
    if (m === "pause") {
      void o.whileIdle(
        () =>
          new Promise<void>((resolve) => {
            // The worker may have ended while this waited for the connection.
            if (ended) return resolve();
            finishWindow = resolve;
            worker.postMessage("paused");
          }),
      );
      return;
    }
    if (typeof m === "object" && m !== null && "caughtUp" in m) {
      finishWindow?.();
      finishWindow = null;
      const r = m.caughtUp as { busy: number; log: number; checkpointed: number } | null;
      for (const w of waiters.splice(0)) w(r);
    }
  });
  worker.on("error", (err) => {
    process.emitWarning(`SQLite checkpointer stopped: ${err.message}`);
    finishWindow?.();
    o.onFailure();
  });
  const exited = new Promise<void>((resolve) =>
    worker.once("exit", () => {
      // A window still open when the worker ends must not hold the connection for ever.
      ended = true;
      finishWindow?.();
      resolve();
    }),
  );
  return {
    caughtUp: () => new Promise((resolve) => waiters.push(resolve)),
    stop: async () => {
      // Waiting for it to finish must keep the process alive until it has.
      worker.ref();
      worker.postMessage("stop");
      await exited;
    },
  };
}
