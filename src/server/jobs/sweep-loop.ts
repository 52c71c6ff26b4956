// The in-process sweeper: every SWEEP_INTERVAL_SECONDS, fire what is due. Safe beside other
// server processes (see sweeper.ts); stops cleanly on shutdown. It sweeps in slices of SLICE
// claims, one transaction each, and yields to the event loop between them: on SQLite a
// transaction holds the only connection, so a backlog of thousands of due timers must not hold
// it in one go while requests wait.
import type { FastifyBaseLogger } from "fastify";
import { foldClaimCounts } from "../claims/claim-count-fold.ts";
import type { AppContext } from "../context.ts";
import { sweepBatch } from "./sweeper.ts";

const SLICE = 100;

export interface SweepLoop {
  stop(): Promise<void>;
}

export interface SweepHooks {
  /** Runs before each sweep (refresh the simulated clock, purge old idempotency keys). */
  before?: () => Promise<void>;
  fired?: (timers: number) => void;
}

export function startSweepLoop(
  ctx: AppContext,
  intervalSeconds: number,
  log: FastifyBaseLogger,
  hooks: SweepHooks = {},
): SweepLoop {
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = (async () => {
      await hooks.before?.();
      let fired = 0;
      let claims = 0;
      while (!stopped) {
        const r = await sweepBatch(ctx, SLICE);
        fired += r.fired;
        claims += r.claims;
        hooks.fired?.(r.fired);
        // Fewer rows than asked: nothing else is due. No progress: the rest is locked by others.
        if (r.seen < SLICE || r.claims === 0) break;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      if (fired > 0) log.info({ fired, claims }, "deadlines fired");
      // The counters' slots back into one row each (PostgreSQL; claim-count-fold.ts).
      if (!stopped) await foldClaimCounts(ctx.db);
    })()
      .catch((err: unknown) => log.error({ err }, "sweep failed"))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, intervalSeconds * 1000);
  timer.unref();
  tick();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
