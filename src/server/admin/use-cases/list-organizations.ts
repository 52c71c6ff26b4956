// The organisations the caller administers: every one for a program admin, its own for a global
// admin. A fixed number of queries, not one per organisation.
import { administeredOrganization, mayViewOrganizations } from "../../../domain/policies/admin.ts";
import { forbidden } from "../../../domain/refusal.ts";
import type { AppContext } from "../../context.ts";
import type { Principal } from "../../principal.ts";
import { type OrganizationView, readOrganizations } from "../organization-view.ts";

export async function listOrganizations(
  ctx: AppContext,
  principal: Principal,
  _input: Record<string, never> = {},
): Promise<{ items: OrganizationView[] }> {
  if (!mayViewOrganizations(principal)) throw forbidden("administration is for program and global admins");
  return { items: await readOrganizations(ctx.db.kysely, principal, administeredOrganization(principal)) };
}
