// The notifier's steps write the claim's history ("notified"), so on a hot claim they race the
// requests that write the same claim. transact() already re-runs a lost race a few times; when a
// claim stays hot longer than that, the notifier waits a little and tries again, saying so only at
// debug level: a lost race is expected traffic, not a failure. Other errors are not caught here.
import { isWriteConflict } from "../db/transact.ts";

export interface DebugLog {
  debug(obj: object, msg: string): void;
}

export interface ConflictRetryOptions {
  attempts?: number;
  /** The first wait; each further wait doubles, with jitter so that racing processes spread out. */
  baseMs?: number;
}

/** The step's result, or null when it lost every race (the caller tries again in its next round). */
export async function retryConflicts<T>(
  what: string,
  step: () => Promise<T>,
  log: DebugLog,
  o: ConflictRetryOptions = {},
): Promise<T | null> {
  const attempts = o.attempts ?? 5;
  const baseMs = o.baseMs ?? 10;
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (err) {
      if (!isWriteConflict(err)) throw err;
      if (attempt >= attempts) {
        log.debug({ what, attempts }, "write conflict persisted; left for the next round");
        return null;
      }
      const wait = baseMs * 2 ** (attempt - 1) * (0.5 + Math.random());
      log.debug({ what, attempt, waitMs: Math.round(wait) }, "write conflict; retrying");
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}
