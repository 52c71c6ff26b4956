// GET /api/v1/session/providers?email=: which "Sign in with …" buttons the sign-in page offers for
// an address, by the providers' allowed domains, and whether a password is still accepted. Judged
// by the domain only, so the answer says nothing about whether the account exists.
import type { OidcDeps } from "./oidc-deps.ts";
import { emailDomain, listProviders } from "./provider-store.ts";

export async function signInOptions(d: OidcDeps, email: string) {
  const domain = emailDomain(email);
  const matching = (await listProviders(d.ctx.db.kysely, null)).filter(
    (p) => p.enabled && domain && p.allowedDomains.includes(domain),
  );
  return {
    providers: matching.map((p) => ({
      id: p.id,
      name: p.name,
      startUrl: `/api/v1/session/oidc/${encodeURIComponent(p.id)}/start`,
    })),
    passwordAllowed: matching.every((p) => p.passwordsAllowed),
  };
}
