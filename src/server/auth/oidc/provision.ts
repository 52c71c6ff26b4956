// Who an ID token signs in. No account takeover by e-mail alone: a provider signs in users of the
// organisation it is configured for only (an address of another organisation is refused, whatever
// the IdP says), the address's domain must be allowed, and an address the IdP calls unverified is
// refused. A first sign-in creates the user (no password) with the mapped role; later ones bring
// its name, locale and role up to date. A user disabled in Claimdesk stays out.
import type { Transaction } from "kysely";
import { isRoleChange, roleFitsProvider } from "../../../domain/policies/index.ts";
import { RefusalError } from "../../../domain/refusal.ts";
import type { SignInFailure } from "../../../domain/sign-in-failures.ts";
import type { DB, UsersTable } from "../../db/schema.ts";
import { newId } from "../../ids.ts";
import { principalOf } from "../users.ts";
import { emailDomain, type IdentityProvider } from "./provider-store.ts";
import { mappedRole } from "./role-mapping.ts";

const refused = (detail: string, reason: SignInFailure) =>
  new RefusalError({ code: "unauthenticated", detail, reason });
const forbidden = (detail: string, reason: SignInFailure) =>
  new RefusalError({ code: "forbidden", detail, reason });

const LOCALES = ["en", "es"];

function localeOf(claims: Record<string, unknown>): string | null {
  const raw = typeof claims.locale === "string" ? claims.locale.slice(0, 2).toLowerCase() : "";
  return LOCALES.includes(raw) ? raw : null;
}

export async function provisionUser(
  trx: Transaction<DB>,
  provider: IdentityProvider,
  claims: Record<string, unknown> & { sub: string },
  now: number,
): Promise<{ user: UsersTable; changed: boolean }> {
  const email = typeof claims.email === "string" ? claims.email.trim().toLowerCase() : "";
  if (!email)
    throw refused("the identity provider sent no e-mail address (request the email scope)", "no_email");
  if ("email_verified" in claims && claims.email_verified !== true)
    throw refused("the identity provider has not verified this e-mail address", "email_unverified");
  if (!provider.allowedDomains.includes(emailDomain(email)))
    throw refused(`${provider.name} may not sign in addresses of this domain`, "domain_not_allowed");
  const role = mappedRole(provider.roleMapping, claims);
  if (!role || !roleFitsProvider(role, provider.organizationId))
    throw forbidden(`${provider.name} gives you no Claimdesk role; ask your administrator`, "no_role");

  const linked = await trx
    .selectFrom("user_identities")
    .innerJoin("users", "users.id", "user_identities.user_id")
    .selectAll("users")
    .where("user_identities.provider_id", "=", provider.id)
    .where("user_identities.subject", "=", claims.sub)
    .executeTakeFirst();
  let user =
    linked ?? (await trx.selectFrom("users").selectAll().where("email", "=", email).executeTakeFirst());
  if (user && user.organization_id !== provider.organizationId)
    throw forbidden(`${provider.name} signs in users of its own organisation only`, "other_organization");
  const name =
    typeof claims.name === "string" && claims.name.trim() ? claims.name.trim().slice(0, 200) : null;
  const locale = localeOf(claims);
  if (!user) {
    user = {
      id: newId(),
      email,
      name: name ?? email,
      password_hash: null,
      role,
      organization_id: provider.organizationId,
      locale: locale ?? "en",
      time_zone: null,
      created_at: now,
      disabled_at: null,
    };
    await trx.insertInto("users").values(user).execute();
  }
  if (user.disabled_at !== null) throw refused("this account is disabled in Claimdesk", "account_disabled");
  if (!linked)
    await trx
      .insertInto("user_identities")
      .values({ provider_id: provider.id, subject: claims.sub, user_id: user.id })
      .execute();
  const changes = {
    ...(name && name !== user.name ? { name } : {}),
    ...(locale && locale !== user.locale ? { locale } : {}),
    ...(isRoleChange(principalOf(user).role, role) ? { role } : {}),
  };
  if (Object.keys(changes).length) {
    await trx.updateTable("users").set(changes).where("id", "=", user.id).execute();
    user = { ...user, ...changes };
  }
  return { user, changed: Object.keys(changes).length > 0 };
}
