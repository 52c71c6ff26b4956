// Administration of identity providers (issue 15): a program admin for the operator's and every
// organisation's, a global admin for its own. Another organisation's provider is not found; the
// client secret is written, replaced or removed, never read back (hasSecret).
import {
  assignableRoles,
  identityProviderAbilities,
  identityProviderScope,
  mayAssignRole,
  mayManageIdentityProviders,
  roleFitsProvider,
  seesOrganization,
} from "../../../domain/policies/index.ts";
import { forbidden, invalidField, notFound } from "../../../domain/refusal.ts";
import { transact } from "../../db/transact.ts";
import { newId } from "../../ids.ts";
import type { UserPrincipal } from "../users.ts";
import { endProviderSessions, forgetSessions } from "./logout.ts";
import { isLoopbackIssuer, type OidcClients } from "./oidc-client.ts";
import { callbackUrl, type OidcDeps } from "./oidc-deps.ts";
import { findProvider, type IdentityProvider, listProviders, type RoleMapping } from "./provider-store.ts";

export interface ProviderInput {
  name: string;
  issuer: string;
  clientId: string;
  /** A string sets it, null removes it (a public client), absent keeps it. */
  clientSecret?: string | null;
  allowedDomains: string[];
  roleMapping: RoleMapping;
  passwordsAllowed?: boolean;
  /** false switches the provider off (no new sign-ins; the sessions it opened end). */
  enabled?: boolean;
}

function view(d: OidcDeps, s: UserPrincipal, p: IdentityProvider) {
  return {
    id: p.id,
    organizationId: p.organizationId,
    name: p.name,
    issuer: p.issuer,
    clientId: p.clientId,
    hasSecret: p.sealedSecret !== null,
    allowedDomains: p.allowedDomains,
    roleMapping: p.roleMapping,
    passwordsAllowed: p.passwordsAllowed,
    enabled: p.enabled,
    redirectUri: callbackUrl(d),
    abilities: identityProviderAbilities(s, p),
  };
}

export type ProviderView = ReturnType<typeof view>;

function checked(s: UserPrincipal, organizationId: string | null, input: Partial<ProviderInput>) {
  if (input.issuer !== undefined) {
    let url: URL | null = null;
    try {
      url = new URL(input.issuer);
    } catch {}
    if (!url || (url.protocol !== "https:" && !isLoopbackIssuer(input.issuer)))
      throw invalidField("issuer", "must be an https URL (http only for a loopback address)");
  }
  const domains = input.allowedDomains?.map((x) => x.trim().toLowerCase());
  if (domains?.some((x) => !/^[a-z0-9.-]+\.[a-z]{2,}$/.test(x)))
    throw invalidField("allowedDomains", "must be e-mail domains such as example.com");
  if (input.roleMapping) {
    const roles = [
      ...Object.values(input.roleMapping.values),
      ...(input.roleMapping.default ? [input.roleMapping.default] : []),
    ];
    for (const role of roles) {
      if (!roleFitsProvider(role, organizationId))
        throw invalidField(
          "roleMapping",
          `${role} is not a role of ${organizationId ? "an organisation" : "the operator"}`,
        );
      if (!mayAssignRole(s, role)) throw invalidField("roleMapping", `you may not give the role ${role}`);
    }
  }
  return domains;
}

/** 404 for a provider (or organisation) the caller may not see, 403 for one it sees but may not manage. */
function guard(s: UserPrincipal, organizationId: string | null) {
  if (!seesOrganization(s, organizationId)) throw notFound("no such identity provider");
  if (!mayManageIdentityProviders(s, organizationId))
    throw forbidden("you may not manage identity providers");
}

export async function listIdentityProviders(d: OidcDeps, s: UserPrincipal) {
  const scope = identityProviderScope(s);
  if (!mayManageIdentityProviders(s, scope)) throw forbidden("you may not manage identity providers");
  const roles = assignableRoles(s);
  return {
    items: (await listProviders(d.ctx.db.kysely, scope)).map((p) => view(d, s, p)),
    redirectUri: callbackUrl(d),
    // What a mapping row may name, by the provider's side, so that the form offers no role the
    // server would refuse.
    mappableRoles: {
      organization: roles.filter((r) => roleFitsProvider(r, "organization")),
      operator: roles.filter((r) => roleFitsProvider(r, null)),
    },
  };
}

/**
 * "Test discovery": fetches the issuer's /.well-known/openid-configuration as sign-in will, and
 * answers what matters for configuring it. The issuer must be https (or loopback), as for a
 * provider itself, so that this is no way to make the server fetch anything else.
 */
export async function testDiscovery(d: OidcDeps, s: UserPrincipal, issuer: string) {
  const scope = identityProviderScope(s);
  if (!mayManageIdentityProviders(s, scope)) throw forbidden("you may not manage identity providers");
  checked(s, scope, { issuer });
  let meta: Awaited<ReturnType<OidcClients["discover"]>>;
  try {
    meta = await d.clients.discover(issuer);
  } catch (err) {
    throw invalidField("issuer", `discovery failed: ${err instanceof Error ? err.message : "no answer"}`);
  }
  return {
    issuer: meta.issuer,
    authorizationEndpoint: meta.authorization_endpoint ?? null,
    tokenEndpoint: meta.token_endpoint ?? null,
    endSessionEndpoint: meta.end_session_endpoint ?? null,
    backchannelLogout: meta.backchannel_logout_supported === true,
    pkceS256: (meta.code_challenge_methods_supported ?? []).includes("S256"),
  };
}

export async function createIdentityProvider(
  d: OidcDeps,
  s: UserPrincipal,
  input: ProviderInput & { organizationId: string | null },
) {
  const db = d.ctx.db.kysely;
  const { organizationId } = input;
  if (!seesOrganization(s, organizationId)) throw notFound("no such organization");
  guard(s, organizationId);
  if (organizationId !== null) {
    const org = await db
      .selectFrom("organizations")
      .select("id")
      .where("id", "=", organizationId)
      .executeTakeFirst();
    if (!org) throw notFound("no such organization");
  }
  const domains = checked(s, organizationId, input) ?? [];
  const id = newId();
  const now = d.wall.now();
  await db
    .insertInto("identity_providers")
    .values({
      id,
      organization_id: organizationId,
      name: input.name,
      issuer: input.issuer,
      client_id: input.clientId,
      client_secret_enc: input.clientSecret ? d.box.seal(input.clientSecret) : null,
      allowed_domains: JSON.stringify(domains),
      role_mapping: JSON.stringify(input.roleMapping),
      passwords_allowed: input.passwordsAllowed === false ? 0 : 1,
      enabled: input.enabled === false ? 0 : 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const created = await findProvider(db, id);
  if (!created) throw notFound("no such identity provider");
  return view(d, s, created);
}

export async function updateIdentityProvider(
  d: OidcDeps,
  s: UserPrincipal,
  id: string,
  input: Partial<ProviderInput>,
) {
  const db = d.ctx.db.kysely;
  const p = await findProvider(db, id);
  if (!p) throw notFound("no such identity provider");
  guard(s, p.organizationId);
  const domains = checked(s, p.organizationId, input);
  const secret = input.clientSecret;
  const switchedOff = input.enabled === false && p.enabled;
  const ended = await transact(d.ctx.db, async (trx) => {
    await trx
      .updateTable("identity_providers")
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.issuer !== undefined ? { issuer: input.issuer } : {}),
        ...(input.clientId !== undefined ? { client_id: input.clientId } : {}),
        ...(secret !== undefined ? { client_secret_enc: secret ? d.box.seal(secret) : null } : {}),
        ...(domains ? { allowed_domains: JSON.stringify(domains) } : {}),
        ...(input.roleMapping ? { role_mapping: JSON.stringify(input.roleMapping) } : {}),
        ...(input.passwordsAllowed !== undefined
          ? { passwords_allowed: input.passwordsAllowed ? 1 : 0 }
          : {}),
        ...(input.enabled !== undefined ? { enabled: input.enabled ? 1 : 0 } : {}),
        // Always later than before: the discovery cache keys on it.
        updated_at: Math.max(d.wall.now(), p.updatedAt + 1),
      })
      .where("id", "=", id)
      .execute();
    // Switching a provider off is what an administrator does when it is not to be trusted: the
    // sessions it opened end with it, as a back-channel logout of everyone would.
    return switchedOff ? endProviderSessions(trx, id) : [];
  });
  forgetSessions(ended);
  const updated = await findProvider(db, id);
  if (!updated) throw notFound("no such identity provider");
  return view(d, s, updated);
}

export async function deleteIdentityProvider(d: OidcDeps, s: UserPrincipal, id: string) {
  const db = d.ctx.db.kysely;
  const p = await findProvider(db, id);
  if (!p) throw notFound("no such identity provider");
  guard(s, p.organizationId);
  await d.ctx.db.kysely.transaction().execute(async (trx) => {
    await trx.deleteFrom("user_identities").where("provider_id", "=", id).execute();
    await trx.deleteFrom("oidc_logins").where("provider_id", "=", id).execute();
    await trx.deleteFrom("identity_providers").where("id", "=", id).execute();
  });
}
