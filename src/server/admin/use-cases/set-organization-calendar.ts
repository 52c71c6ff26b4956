// The calendar an organisation's new deadlines use (null: the default). Stored deadlines keep their
// times (RULES.md §3), so only the cache is refreshed.
import { mayEditOrganization } from "../../../domain/policies/admin.ts";
import { seesOrganization } from "../../../domain/policies/subject.ts";
import { forbidden, notFound } from "../../../domain/refusal.ts";
import type { AppContext } from "../../context.ts";
import { transact } from "../../db/transact.ts";
import type { Principal } from "../../principal.ts";
import { requireCalendar } from "../directory.ts";

export async function setOrganizationCalendar(
  ctx: AppContext,
  principal: Principal,
  input: { organizationId: string; calendarId: string | null },
): Promise<{ organizationId: string; calendarId: string | null }> {
  const org = { id: input.organizationId };
  if (!seesOrganization(principal, org.id)) throw notFound("no such organisation");
  if (!mayEditOrganization(principal, org)) throw forbidden("only a program admin sets calendars");
  const { calendarId } = input;
  await transact(ctx.db, async (trx) => {
    if (calendarId) await requireCalendar(trx, "calendarId", calendarId);
    const r = await trx
      .updateTable("organizations")
      .set({ calendar_id: calendarId })
      .where("id", "=", org.id)
      .executeTakeFirst();
    if (r.numUpdatedRows !== 1n) throw notFound("no such organisation");
  });
  ctx.calendars.invalidate();
  return { organizationId: org.id, calendarId };
}
