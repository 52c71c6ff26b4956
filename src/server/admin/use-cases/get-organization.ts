// One organisation. Another organisation is 404 to a partner user (ids cannot be probed), before
// the role decides.
import { mayViewOrganizations } from "../../../domain/policies/admin.ts";
import { seesOrganization } from "../../../domain/policies/subject.ts";
import { forbidden, notFound } from "../../../domain/refusal.ts";
import type { AppContext } from "../../context.ts";
import type { Principal } from "../../principal.ts";
import { type OrganizationView, readOrganizations } from "../organization-view.ts";

export async function getOrganization(
  ctx: AppContext,
  principal: Principal,
  input: { id: string },
): Promise<OrganizationView> {
  if (!seesOrganization(principal, input.id)) throw notFound("no such organisation");
  if (!mayViewOrganizations(principal)) throw forbidden("administration is for program and global admins");
  const [org] = await readOrganizations(ctx.db.kysely, principal, input.id);
  if (!org) throw notFound("no such organisation");
  return org;
}
