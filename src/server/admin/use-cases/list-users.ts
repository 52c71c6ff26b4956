// The users the caller administers (a program admin: all; a global admin: its organisation's), each
// with what the caller may do to it, and the roles the caller may give.
import { administeredOrganization, assignableRoles, mayManageUsers } from "../../../domain/policies/admin.ts";
import { forbidden } from "../../../domain/refusal.ts";
import type { Role } from "../../../domain/vocabulary.ts";
import type { AppContext } from "../../context.ts";
import type { Principal } from "../../principal.ts";
import { type AdminUserView, adminUserView } from "../user-view.ts";

export async function listUsers(
  ctx: AppContext,
  principal: Principal,
  _input: Record<string, never> = {},
): Promise<{ items: AdminUserView[]; assignableRoles: Role[] }> {
  if (!mayManageUsers(principal)) throw forbidden("administration is for program and global admins");
  const only = administeredOrganization(principal);
  let q = ctx.db.kysely.selectFrom("users").selectAll().where("disabled_at", "is", null).orderBy("email");
  if (only !== null) q = q.where("organization_id", "=", only);
  const rows = await q.execute();
  return { items: rows.map((u) => adminUserView(principal, u)), assignableRoles: assignableRoles(principal) };
}
