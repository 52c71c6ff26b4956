// The consent link's flood guard, over the page and the API together, counted in the database so
// that every server process shares it. Real time (sessions' clock), never the simulated one.
// Counted per link and address: a mail scanner behind the customer's own gateway opening other
// links does not hold this customer off theirs. A much higher address-wide limit still stops one
// address from walking many links (docs/SECURITY.md "Consent links").
import { RefusalError } from "../../domain/refusal.ts";
import { hit, type Limit } from "../auth/rate-limit.ts";
import { sha256 } from "../auth/secrets.ts";
import type { AppContext, Clock } from "../context.ts";

export const CONSENT_LIMIT: Limit = { max: 60, windowMs: 10 * 60_000 };
export const CONSENT_ADDRESS_LIMIT: Limit = { max: 1000, windowMs: 10 * 60_000 };

/** Counts one request from `address` for the link `token`; refuses it (rate_limited) past a limit. */
export async function admitConsentRequest(
  ctx: AppContext,
  wall: Clock,
  address: string,
  token: string,
): Promise<void> {
  // The token is the customer's credential: only a digest of it is ever stored.
  const link = sha256(token).slice(0, 32);
  const wait =
    (await hit(ctx.db.kysely, `consent:link:${link}:${address}`, CONSENT_LIMIT, wall)) ??
    (await hit(ctx.db.kysely, `consent:address:${address}`, CONSENT_ADDRESS_LIMIT, wall));
  if (wait !== null)
    throw new RefusalError({
      code: "rate_limited",
      detail: `too many requests; try again in ${wait} s`,
      retryAfterSeconds: wait,
    });
}
