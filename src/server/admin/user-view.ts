// Users as the administration answers them: the public fields and what the caller may do with each.
import { userAbilities } from "../../domain/policies/admin.ts";
import type { Subject } from "../../domain/policies/subject.ts";
import { userJson } from "../auth/users.ts";
import type { UsersTable } from "../db/schema.ts";

export type AdminUserView = ReturnType<typeof userJson> & { abilities: ReturnType<typeof userAbilities> };

export function adminUserView(viewer: Subject, row: UsersTable): AdminUserView {
  const u = userJson(row);
  return { ...u, abilities: userAbilities(viewer, u) };
}
