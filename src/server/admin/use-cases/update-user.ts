// Change a user's role, name or locale, or disable the user: disabling ends their sessions and
// revokes their tokens in the same transaction. Sessions and tokens run on real time, so `wall`
// stamps those changes, never the (possibly simulated) claims clock.
import {
  isRoleChange,
  mayAssignRole,
  mayChangeRole,
  mayDisableUser,
  mayManageUser,
  mayMoveBetweenRoles,
} from "../../../domain/policies/admin.ts";
import { seesOrganization } from "../../../domain/policies/subject.ts";
import { forbidden, invalidField, notFound } from "../../../domain/refusal.ts";
import type { Role } from "../../../domain/vocabulary.ts";
import { forgetUser } from "../../auth/principal-cache.ts";
import { userJson } from "../../auth/users.ts";
import type { AppContext, Clock } from "../../context.ts";
import { transact } from "../../db/transact.ts";
import type { Principal } from "../../principal.ts";
import { type AdminUserView, adminUserView } from "../user-view.ts";

export interface UserChanges {
  role?: Role;
  name?: string;
  locale?: "en" | "es";
  disabled?: boolean;
}

export async function updateUser(
  ctx: AppContext,
  principal: Principal,
  input: { id: string; changes: UserChanges },
  wall: Clock,
): Promise<AdminUserView> {
  const { changes } = input;
  const view = await transact(ctx.db, async (trx) => {
    const row = await trx.selectFrom("users").selectAll().where("id", "=", input.id).executeTakeFirst();
    // Another organisation's user is 404 to a partner user, before any 403 (ids cannot be probed).
    if (!row || !seesOrganization(principal, row.organization_id)) throw notFound("no such user");
    const target = userJson(row);
    if (!mayManageUser(principal, target)) throw forbidden("only program and global admins manage users");
    const role = changes.role;
    if (role && !mayMoveBetweenRoles(target.role, role))
      throw invalidField("role", "cannot move a user between a partner and the operator");
    if (role && !mayAssignRole(principal, role)) throw forbidden("a global admin assigns partner roles only");
    // Managing is settled above, so what is left to refuse here is the caller's own account.
    if (
      (changes.disabled && !mayDisableUser(principal, target)) ||
      (isRoleChange(target.role, role) && !mayChangeRole(principal, target))
    )
      throw invalidField("role", "you cannot demote or disable yourself");
    const now = wall.now();
    await trx
      .updateTable("users")
      .set({
        ...(role ? { role } : {}),
        ...(changes.name ? { name: changes.name } : {}),
        ...(changes.locale ? { locale: changes.locale } : {}),
        ...(changes.disabled === undefined ? {} : { disabled_at: changes.disabled ? now : null }),
      })
      .where("id", "=", target.id)
      .execute();
    if (changes.disabled) {
      await trx.deleteFrom("sessions").where("user_id", "=", target.id).execute();
      await trx
        .updateTable("access_tokens")
        .set({ revoked_at: now })
        .where("user_id", "=", target.id)
        .where("revoked_at", "is", null)
        .execute();
    }
    const saved = await trx
      .selectFrom("users")
      .selectAll()
      .where("id", "=", target.id)
      .executeTakeFirstOrThrow();
    return adminUserView(principal, saved);
  });
  // Once committed: the user's cached sessions and tokens carry the old role, name or access.
  forgetUser(input.id);
  return view;
}
