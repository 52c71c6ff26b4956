// Another location's partner ID for an organisation (program admin). A partner ID belongs to one
// organisation only.
import { mayAddPartnerId } from "../../../domain/policies/admin.ts";
import { seesOrganization } from "../../../domain/policies/subject.ts";
import { forbidden, invalidField, notFound } from "../../../domain/refusal.ts";
import type { AppContext } from "../../context.ts";
import { transact } from "../../db/transact.ts";
import type { Principal } from "../../principal.ts";

export async function addPartnerId(
  ctx: AppContext,
  principal: Principal,
  input: { organizationId: string; partnerId: string },
): Promise<{ organizationId: string; partnerId: string }> {
  const org = { id: input.organizationId };
  if (!seesOrganization(principal, org.id)) throw notFound("no such organisation");
  if (!mayAddPartnerId(principal, org)) throw forbidden("only a program admin adds partner IDs");
  if (!/^\d{6,7}$/.test(input.partnerId)) throw invalidField("partnerId", "is not a 6-7 digit partner ID");
  await transact(ctx.db, async (trx) => {
    const found = await trx
      .selectFrom("organizations")
      .select("id")
      .where("id", "=", org.id)
      .executeTakeFirst();
    if (!found) throw notFound("no such organisation");
    const taken = await trx
      .selectFrom("partner_ids")
      .select("organization_id")
      .where("partner_id", "=", input.partnerId)
      .executeTakeFirst();
    if (taken) throw invalidField("partnerId", "is already registered");
    await trx
      .insertInto("partner_ids")
      .values({ partner_id: input.partnerId, organization_id: org.id })
      .execute();
  });
  return { organizationId: org.id, partnerId: input.partnerId };
}
