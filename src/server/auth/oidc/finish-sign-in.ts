// GET /api/v1/session/oidc/callback: the IdP sends the browser back with a code. The state is taken
// once (a replay finds nothing), the library exchanges the code and validates the ID token, and
// the user gets a session under today's rules (a new id, the previous one destroyed, CSRF token).
import { RefusalError } from "../../../domain/refusal.ts";
import type { SignInFailure } from "../../../domain/sign-in-failures.ts";
import { transact } from "../../db/transact.ts";
import { forgetUser } from "../principal-cache.ts";
import { sameSecret, sha256 } from "../secrets.ts";
import { createSession, destroySession } from "../sessions.ts";
import { oidc } from "./oidc-client.ts";
import { LOGIN_TTL_MS, type OidcDeps } from "./oidc-deps.ts";
import { findProvider } from "./provider-store.ts";
import { provisionUser } from "./provision.ts";

const refused = (detail: string, reason: SignInFailure) =>
  new RefusalError({ code: "unauthenticated", detail, reason });

/** The library's message, then its cause's, which names the claim judged (aud, exp, nonce, ...). */
function message(err: unknown): string {
  if (!(err instanceof Error)) return "invalid";
  return err.cause instanceof Error ? `${err.message}: ${err.cause.message}` : err.message;
}

/**
 * What the user is told. openid-client wraps oauth4webapi's error, whose own cause names the claim
 * that failed; an error the IdP sent back (?error=access_denied) is an AuthorizationResponseError.
 */
function failureOf(err: unknown): SignInFailure {
  if (err instanceof oidc.AuthorizationResponseError) return "idp_refused";
  const inner = err instanceof Error ? err.cause : undefined;
  const judged = inner instanceof Error ? inner.cause : undefined;
  const claim =
    typeof judged === "object" && judged !== null && "claim" in judged ? String(judged.claim) : "";
  if (claim === "aud" || claim === "azp") return "wrong_audience";
  if (claim === "exp" || claim === "iat" || claim === "nbf") return "token_expired";
  return "token_invalid";
}

export interface CallbackInput {
  /** The callback URL as the browser called it (code, state, iss, or error). */
  url: URL;
  /** The state cookie set by the start route. */
  stateCookie: string | undefined;
  previousCookie: string | undefined;
}

async function takeLogin(d: OidcDeps, state: string) {
  const db = d.ctx.db.kysely;
  const row = await db
    .selectFrom("oidc_logins")
    .selectAll()
    .where("state_hash", "=", sha256(state))
    .executeTakeFirst();
  if (!row) return null;
  const gone = await db.deleteFrom("oidc_logins").where("state_hash", "=", row.state_hash).executeTakeFirst();
  // Two callbacks racing with one state: only the one that deleted the row goes on.
  if (gone.numDeletedRows !== 1n) return null;
  return d.wall.now() - row.created_at > LOGIN_TTL_MS ? null : row;
}

export async function finishOidcSignIn(d: OidcDeps, input: CallbackInput) {
  const state = input.url.searchParams.get("state");
  if (!state) throw refused("the identity provider's answer carries no state", "sign_in_expired");
  if (!input.stateCookie || !sameSecret(input.stateCookie, state))
    throw refused("this sign-in was started in another browser; start again", "other_browser");
  const login = await takeLogin(d, state);
  if (!login) throw refused("this sign-in is used or expired; start again", "sign_in_expired");
  const provider = await findProvider(d.ctx.db.kysely, login.provider_id);
  if (!provider?.enabled)
    throw refused("the identity provider is no longer configured or switched off", "provider_unavailable");
  const config = await d.clients.configuration(provider).catch(() => {
    throw refused(`${provider.name} does not answer; try again later`, "provider_unavailable");
  });
  let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
  try {
    tokens = await oidc.authorizationCodeGrant(config, input.url, {
      pkceCodeVerifier: login.code_verifier,
      expectedState: state,
      expectedNonce: login.nonce,
      idTokenExpected: true,
    });
  } catch (err) {
    throw refused(`the identity provider's answer was refused: ${message(err)}`, failureOf(err));
  }
  const claims = tokens.claims();
  if (!claims) throw refused("the identity provider sent no ID token", "token_invalid");
  const endSession = config.serverMetadata().end_session_endpoint;
  const logoutUrl = endSession
    ? oidc.buildEndSessionUrl(config, {
        ...(tokens.id_token ? { id_token_hint: tokens.id_token } : {}),
        post_logout_redirect_uri: `${d.baseUrl}/`,
      }).href
    : null;
  const now = d.wall.now();
  const { cookie, userId, changed } = await transact(d.ctx.db, async (trx) => {
    const { user, changed } = await provisionUser(trx, provider, claims, now);
    if (input.previousCookie) await destroySession(trx, input.previousCookie);
    const session = await createSession(trx, user.id, d.wall);
    await trx
      .insertInto("oidc_sessions")
      .values({
        session_hash: sha256(session.cookie),
        provider_id: provider.id,
        subject: claims.sub,
        sid: typeof claims.sid === "string" ? claims.sid : null,
        logout_url: logoutUrl,
        created_at: now,
      })
      .execute();
    return { cookie: session.cookie, userId: user.id, changed };
  });
  // A role (or name) the IdP changed applies at once to the user's other sessions and tokens, as
  // an administrator's change does, not after the principal cache's few seconds.
  if (changed) forgetUser(userId);
  return { cookie, returnTo: login.return_to };
}
