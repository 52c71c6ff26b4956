// Users as principals.
import type { Kysely } from "kysely";
import type { Role } from "../../domain/vocabulary.ts";
import type { DB, UsersTable } from "../db/schema.ts";
import type { Principal } from "../principal.ts";

export type UserPrincipal = Extract<Principal, { kind: "user" }>;

export function principalOf(
  u: Pick<UsersTable, "id" | "name" | "role" | "organization_id" | "locale">,
): UserPrincipal {
  return {
    kind: "user",
    id: u.id,
    name: u.name,
    role: u.role as Role,
    organizationId: u.organization_id,
    locale: u.locale,
  };
}

export async function activeUser(db: Kysely<DB>, id: string): Promise<UsersTable | undefined> {
  return db
    .selectFrom("users")
    .selectAll()
    .where("id", "=", id)
    .where("disabled_at", "is", null)
    .executeTakeFirst();
}

export function userJson(u: UsersTable) {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role as Role,
    organizationId: u.organization_id,
    locale: u.locale,
  };
}
