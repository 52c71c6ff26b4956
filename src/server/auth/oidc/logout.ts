// Logout with the IdP. RP-initiated: a session opened through an IdP with an end_session_endpoint
// remembers the IdP's logout URL, which DELETE /api/v1/session answers for the browser to follow.
// Back-channel: the IdP posts a logout_token (a JWT it signed) and every session it names ends.
import { createRemoteJWKSet, decodeJwt, jwtVerify } from "jose";
import type { Kysely } from "kysely";
import { RefusalError } from "../../../domain/refusal.ts";
import type { DB } from "../../db/schema.ts";
import { transact } from "../../db/transact.ts";
import { sessionCache } from "../principal-cache.ts";
import { sha256 } from "../secrets.ts";
import { CLOCK_TOLERANCE_S } from "./oidc-client.ts";
import type { OidcDeps } from "./oidc-deps.ts";
import { listProviders } from "./provider-store.ts";

const BACKCHANNEL_EVENT = "http://schemas.openid.net/event/backchannel-logout";
const refused = (detail: string) => new RefusalError({ code: "unauthenticated", detail });

/** The IdP logout URL of the session held in `cookie`, if an IdP opened it (read before it ends). */
export async function idpLogoutUrl(db: Kysely<DB>, cookie: string): Promise<string | null> {
  const row = await db
    .selectFrom("oidc_sessions")
    .select("logout_url")
    .where("session_hash", "=", sha256(cookie))
    .executeTakeFirst();
  await db.deleteFrom("oidc_sessions").where("session_hash", "=", sha256(cookie)).execute();
  return row?.logout_url ?? null;
}

export async function backchannelLogout(d: OidcDeps, logoutToken: string): Promise<{ ended: number }> {
  let unverified: ReturnType<typeof decodeJwt>;
  try {
    unverified = decodeJwt(logoutToken);
  } catch {
    throw refused("logout_token is not a JWT");
  }
  const aud = Array.isArray(unverified.aud) ? unverified.aud : [unverified.aud];
  // Only to find whose keys to verify with; nothing of it is believed before the signature is.
  const candidates = (await listProviders(d.ctx.db.kysely, null)).filter(
    (p) =>
      p.issuer.replace(/\/$/, "") === String(unverified.iss).replace(/\/$/, "") && aud.includes(p.clientId),
  );
  for (const provider of candidates) {
    const config = await d.clients.configuration(provider);
    const meta = config.serverMetadata();
    if (!meta.jwks_uri) continue;
    let payload: Awaited<ReturnType<typeof jwtVerify>>["payload"];
    try {
      ({ payload } = await jwtVerify(logoutToken, createRemoteJWKSet(new URL(meta.jwks_uri)), {
        issuer: meta.issuer,
        audience: provider.clientId,
        clockTolerance: CLOCK_TOLERANCE_S,
        currentDate: new Date(d.wall.now()),
        maxTokenAge: "5 minutes",
        requiredClaims: ["iat", "jti"],
      }));
    } catch {
      continue;
    }
    const events = payload.events;
    if (typeof events !== "object" || events === null || !(BACKCHANNEL_EVENT in events))
      throw refused("logout_token carries no back-channel logout event");
    if ("nonce" in payload) throw refused("a logout_token carries no nonce");
    const sid = typeof payload.sid === "string" ? payload.sid : null;
    const sub = typeof payload.sub === "string" ? payload.sub : null;
    if (!sid && !sub) throw refused("logout_token names neither a subject nor a session");
    const ended = await transact(d.ctx.db, (trx) => endProviderSessions(trx, provider.id, sub, sid));
    forgetSessions(ended);
    return { ended: ended.length };
  }
  throw refused("logout_token is not signed by a configured identity provider");
}

/**
 * Ends the sessions `providerId` opened (only `sub`'s, or `sid`'s, when named), inside the caller's
 * transaction; answers their hashes for forgetSessions once it has committed.
 */
export async function endProviderSessions(
  trx: Kysely<DB>,
  providerId: string,
  sub: string | null = null,
  sid: string | null = null,
): Promise<string[]> {
  let q = trx.selectFrom("oidc_sessions").select("session_hash").where("provider_id", "=", providerId);
  if (sub) q = q.where("subject", "=", sub);
  if (sid) q = q.where("sid", "=", sid);
  const hashes = (await q.execute()).map((r) => r.session_hash);
  if (!hashes.length) return hashes;
  await trx.deleteFrom("sessions").where("id_hash", "in", hashes).execute();
  await trx.deleteFrom("oidc_sessions").where("session_hash", "in", hashes).execute();
  return hashes;
}

/** This process drops ended sessions at once; others within the principal cache's few seconds. */
export function forgetSessions(hashes: string[]): void {
  for (const h of hashes) sessionCache.forget(h);
}
