// The consent link's flood guard: per client address, over the page and the API together, counted
// in the database so that every server process shares it. Real time (sessions' clock), never the
// simulated one.
import { RefusalError } from "../../domain/refusal.ts";
import { hit, type Limit } from "../auth/rate-limit.ts";
import type { AppContext, Clock } from "../context.ts";

export const CONSENT_LIMIT: Limit = { max: 60, windowMs: 10 * 60_000 };

/** Counts one request from `address`; refuses it (rate_limited) past the limit. */
export async function admitConsentRequest(ctx: AppContext, wall: Clock, address: string): Promise<void> {
  const wait = await hit(ctx.db.kysely, `consent:${address}`, CONSENT_LIMIT, wall);
  if (wait !== null)
    throw new RefusalError({
      code: "rate_limited",
      detail: `too many requests; try again in ${wait} s`,
      retryAfterSeconds: wait,
    });
}
