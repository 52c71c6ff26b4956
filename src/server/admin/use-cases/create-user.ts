// A new user: a program admin creates any; a global admin partner users of its own organisation.
import {
  defaultOrganizationForNewUser,
  mayAssignRole,
  mayManageUser,
  mayManageUsers,
} from "../../../domain/policies/admin.ts";
import { forbidden } from "../../../domain/refusal.ts";
import type { AppContext } from "../../context.ts";
import { transact } from "../../db/transact.ts";
import type { Principal } from "../../principal.ts";
import { type NewUser, prepareUser, writeUser } from "../directory.ts";
import { type AdminUserView, adminUserView } from "../user-view.ts";

export async function createUser(
  ctx: AppContext,
  principal: Principal,
  input: NewUser,
): Promise<AdminUserView> {
  if (!mayManageUsers(principal)) throw forbidden("only program admins and global admins create users");
  if (!mayAssignRole(principal, input.role)) throw forbidden("a global admin creates partner users only");
  const target = {
    role: input.role,
    organizationId: input.organizationId ?? defaultOrganizationForNewUser(principal),
  };
  if (!mayManageUser(principal, target))
    throw forbidden("a global admin creates users in its own organisation only");
  const prepared = await prepareUser({ ...input, organizationId: target.organizationId });
  return transact(ctx.db, async (trx) => {
    const { id } = await writeUser(trx, ctx.clock.now(), prepared);
    const row = await trx.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    return adminUserView(principal, row);
  });
}
