// The identity_providers rows and their in-memory shape. The client secret leaves this file only
// decrypted for the token request, never in an answer (hasSecret says whether there is one).
import type { Kysely } from "kysely";
import type { Role } from "../../../domain/vocabulary.ts";
import type { DB, IdentityProvidersTable } from "../../db/schema.ts";

export interface RoleMapping {
  /** The ID token claim to read (a string or an array of strings), e.g. "groups" or "roles". */
  claim: string;
  /** Claim value -> Claimdesk role; the first entry whose value the user has wins. */
  values: Record<string, Role>;
  /** The role of a user with none of the values; without it such a user is refused. */
  default?: Role;
}

export interface IdentityProvider {
  id: string;
  organizationId: string | null;
  name: string;
  issuer: string;
  clientId: string;
  sealedSecret: string | null;
  allowedDomains: string[];
  roleMapping: RoleMapping;
  passwordsAllowed: boolean;
  /** Switched off: it signs no one in, and does not keep its organisation from passwords. */
  enabled: boolean;
  updatedAt: number;
}

export function providerOf(r: IdentityProvidersTable): IdentityProvider {
  return {
    id: r.id,
    organizationId: r.organization_id,
    name: r.name,
    issuer: r.issuer,
    clientId: r.client_id,
    sealedSecret: r.client_secret_enc,
    allowedDomains: JSON.parse(r.allowed_domains) as string[],
    roleMapping: JSON.parse(r.role_mapping) as RoleMapping,
    passwordsAllowed: r.passwords_allowed === 1,
    enabled: r.enabled === 1,
    updatedAt: r.updated_at,
  };
}

export async function findProvider(db: Kysely<DB>, id: string): Promise<IdentityProvider | null> {
  const row = await db.selectFrom("identity_providers").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? providerOf(row) : null;
}

/** Every provider, or one organisation's (`""` matches none: a partner user without one). */
export async function listProviders(
  db: Kysely<DB>,
  organizationId: string | null,
): Promise<IdentityProvider[]> {
  let q = db.selectFrom("identity_providers").selectAll().orderBy("name").orderBy("id");
  if (organizationId !== null) q = q.where("organization_id", "=", organizationId);
  return (await q.execute()).map(providerOf);
}

/**
 * Local passwords are off for an organisation (null: the operator) when one of its enabled IdPs
 * says so. A switched-off provider does not count: otherwise switching it off would lock everyone out.
 */
export async function passwordsAllowedFor(db: Kysely<DB>, organizationId: string | null): Promise<boolean> {
  const q = db
    .selectFrom("identity_providers")
    .select("id")
    .where("passwords_allowed", "=", 0)
    .where("enabled", "=", 1);
  const off = await (organizationId === null
    ? q.where("organization_id", "is", null)
    : q.where("organization_id", "=", organizationId)
  ).executeTakeFirst();
  return off === undefined;
}

export const emailDomain = (email: string) => email.trim().toLowerCase().split("@").pop() ?? "";
