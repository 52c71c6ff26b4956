// A new partner organisation with its partner IDs (program admin).
import { mayManageOrganizations, organizationAbilities } from "../../../domain/policies/admin.ts";
import { forbidden } from "../../../domain/refusal.ts";
import type { AppContext } from "../../context.ts";
import { transact } from "../../db/transact.ts";
import type { Principal } from "../../principal.ts";
import { type NewOrganization, writeOrganization } from "../directory.ts";
import type { OrganizationView } from "../organization-view.ts";

export async function createOrganization(
  ctx: AppContext,
  principal: Principal,
  input: NewOrganization,
): Promise<OrganizationView> {
  if (!mayManageOrganizations(principal)) throw forbidden("only a program admin creates organisations");
  const created = await transact(ctx.db, (trx) => writeOrganization(trx, ctx.clock.now(), input));
  return { ...created, abilities: organizationAbilities(principal, created) };
}
