// The session resource (API.md §4.1): the signed-in user, the CSRF token, the user's organisation and
// what the web app may show them. The abilities come from the same predicates that guard each use
// case, so the screens never decide permissions of their own.

import { sessionAbilities } from "../../../domain/policies/abilities.ts";
import { assignableRoles } from "../../../domain/policies/admin.ts";
import type { AppContext } from "../../context.ts";
import type { UsersTable } from "../../db/schema.ts";
import { principalOf, userJson } from "../users.ts";

export interface SessionHolder {
  user: UsersTable;
  csrfToken: string | null;
}

async function organizationOf(ctx: AppContext, organizationId: string | null) {
  if (!organizationId) return null;
  const db = ctx.db.kysely;
  const org = await db
    .selectFrom("organizations")
    .select(["id", "name"])
    .where("id", "=", organizationId)
    .executeTakeFirst();
  if (!org) return null;
  const ids = await db
    .selectFrom("partner_ids")
    .select("partner_id")
    .where("organization_id", "=", organizationId)
    .orderBy("partner_id")
    .execute();
  return { ...org, partnerIds: ids.map((i) => i.partner_id) };
}

/** GET /api/v1/session, and the answer of every other session route. */
export async function getSession(ctx: AppContext, holder: SessionHolder) {
  const { user } = holder;
  const principal = principalOf(user);
  return {
    user: userJson(user),
    csrfToken: holder.csrfToken ?? "",
    organization: await organizationOf(ctx, user.organization_id),
    timeZone: user.time_zone,
    abilities: sessionAbilities(principal),
    assignableRoles: assignableRoles(principal),
  };
}

export type SessionAnswer = Awaited<ReturnType<typeof getSession>>;
