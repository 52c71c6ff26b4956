// What the OpenID Connect use cases are handed besides the context: real time, the secret box for
// client secrets, the discovered IdP configurations, and the public address the IdP returns to.
import type { AppContext, Clock } from "../../context.ts";
import type { OidcClients } from "./oidc-client.ts";
import type { SecretBox } from "./secret-box.ts";

export interface OidcDeps {
  ctx: AppContext;
  wall: Clock;
  box: SecretBox;
  clients: OidcClients;
  /** BASE_URL without a trailing slash: the callback is `${baseUrl}/api/v1/session/oidc/callback`. */
  baseUrl: string;
}

export const CALLBACK_PATH = "/api/v1/session/oidc/callback";
export const callbackUrl = (d: OidcDeps) => `${d.baseUrl}${CALLBACK_PATH}`;
/** A sign-in started must come back within this time (the state row is then worthless). */
export const LOGIN_TTL_MS = 10 * 60_000;
