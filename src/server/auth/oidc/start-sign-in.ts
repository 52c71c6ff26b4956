// GET /api/v1/session/oidc/{providerId}/start: the authorization code flow with PKCE (S256). The
// state, nonce and code verifier stay on the server (oidc_logins, keyed by the state's hash); the
// browser gets the state in an HttpOnly cookie too, so a callback is honoured only in the browser
// that started it (no login CSRF).
import { notFound, RefusalError } from "../../../domain/refusal.ts";
import { sha256 } from "../secrets.ts";
import { oidc } from "./oidc-client.ts";
import { callbackUrl, LOGIN_TTL_MS, type OidcDeps } from "./oidc-deps.ts";
import { findProvider } from "./provider-store.ts";

/** Only a path of this server: "/claims/1" yes; "//evil.example", "/\\evil", "https://…" no. */
export function safeReturnTo(returnTo: string | undefined): string {
  if (!returnTo?.startsWith("/") || returnTo.startsWith("//")) return "/";
  // A control character or a backslash could turn into another origin on the way out ("/\\evil").
  const unsafe = [...returnTo].some((c) => c === "\\" || c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
  return unsafe ? "/" : returnTo;
}

export async function startOidcSignIn(d: OidcDeps, input: { providerId: string; returnTo?: string }) {
  const db = d.ctx.db.kysely;
  const provider = await findProvider(db, input.providerId);
  if (!provider?.enabled) throw notFound("no such identity provider");
  const config = await d.clients.configuration(provider).catch(() => {
    throw new RefusalError({
      code: "unauthenticated",
      detail: `${provider.name} does not answer its discovery document; try again later`,
      reason: "provider_unavailable",
    });
  });
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const verifier = oidc.randomPKCECodeVerifier();
  const now = d.wall.now();
  await db
    .deleteFrom("oidc_logins")
    .where("created_at", "<", now - LOGIN_TTL_MS)
    .execute();
  await db
    .insertInto("oidc_logins")
    .values({
      state_hash: sha256(state),
      provider_id: provider.id,
      nonce,
      code_verifier: verifier,
      return_to: safeReturnTo(input.returnTo),
      created_at: now,
    })
    .execute();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: callbackUrl(d),
    scope: "openid email profile",
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state,
    nonce,
  });
  return { url: url.href, state };
}
