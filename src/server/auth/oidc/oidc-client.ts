// The certified OpenID Connect client (openid-client 6): discovery once per provider version, then
// the library builds the authorization URL and validates the code exchange and the ID token
// (signature, issuer, audience, expiry, nonce, PKCE, with CLOCK_TOLERANCE_S of skew).
import * as oidc from "openid-client";
import type { Clock } from "../../context.ts";
import type { IdentityProvider } from "./provider-store.ts";
import type { SecretBox } from "./secret-box.ts";

export const CLOCK_TOLERANCE_S = 30;

/**
 * Plain http is accepted for a loopback issuer only (tests and local development); any other
 * issuer must be https, which openid-client enforces unless told otherwise.
 */
export function isLoopbackIssuer(issuer: string): boolean {
  try {
    const { protocol, hostname } = new URL(issuer);
    return (
      protocol === "http:" && (hostname === "127.0.0.1" || hostname === "[::1]" || hostname === "localhost")
    );
  } catch {
    return false;
  }
}

export class OidcClients {
  private readonly cache = new Map<string, { version: number; server: Promise<oidc.ServerMetadata> }>();

  constructor(
    private readonly box: SecretBox,
    private readonly wall: Clock,
  ) {}

  /**
   * The provider's configuration for one exchange: discovery is cached per provider version
   * (updatedAt); the client part is built afresh, so that its clock follows Claimdesk's wall clock.
   */
  async configuration(p: IdentityProvider): Promise<oidc.Configuration> {
    const hit = this.cache.get(p.id);
    let server = hit && hit.version === p.updatedAt ? hit.server : null;
    if (!server) {
      server = this.discover(p.issuer);
      this.cache.set(p.id, { version: p.updatedAt, server });
      server.catch(() => this.cache.delete(p.id));
    }
    const secret = p.sealedSecret ? this.box.open(p.sealedSecret) : undefined;
    const config = new oidc.Configuration(
      await server,
      p.clientId,
      {
        ...(secret ? { client_secret: secret } : {}),
        // The library reads the real time; Claimdesk's wall clock (which tests travel) decides.
        [oidc.clockSkew]: Math.round((this.wall.now() - Date.now()) / 1000),
        [oidc.clockTolerance]: CLOCK_TOLERANCE_S,
      },
      secret ? undefined : oidc.None(),
    );
    if (isLoopbackIssuer(p.issuer)) oidc.allowInsecureRequests(config);
    return config;
  }

  /** The issuer's discovery document, checked by the library (its issuer must match). */
  async discover(issuer: string): Promise<oidc.ServerMetadata> {
    const config = await oidc.discovery(
      new URL(issuer),
      // Discovery needs no client; the id is a placeholder that nothing sends.
      "claimdesk",
      undefined,
      oidc.None(),
      isLoopbackIssuer(issuer) ? { execute: [oidc.allowInsecureRequests] } : undefined,
    );
    return config.serverMetadata();
  }
}

export { oidc };
