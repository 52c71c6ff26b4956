// The in-process sweeper: every SWEEP_INTERVAL_SECONDS, fire what is due. Safe beside other
// server processes (see sweeper.ts); stops cleanly on shutdown.
import type { FastifyBaseLogger } from "fastify";
import type { AppContext } from "../context.ts";
import { sweep } from "./sweeper.ts";

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
      const r = await sweep(ctx);
      hooks.fired?.(r.fired);
      if (r.fired > 0) log.info({ fired: r.fired, claims: r.claims }, "deadlines fired");
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
