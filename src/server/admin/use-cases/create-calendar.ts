// A business-day calendar: the public holidays of a region (from the holiday library), the weekend
// days, and the time zone a business day ends in (program admin).
import { isKnownRegion, isKnownTimeZone } from "../../../domain/holidays.ts";
import { mayManageCalendars } from "../../../domain/policies/admin.ts";
import { forbidden, invalidField } from "../../../domain/refusal.ts";
import type { AppContext } from "../../context.ts";
import { transact } from "../../db/transact.ts";
import type { Principal } from "../../principal.ts";
import type { CalendarView } from "../calendar-view.ts";

export interface NewCalendar {
  id: string;
  name: string;
  region: string;
  timeZone: string;
  weekend?: number[];
}

const DEFAULT_WEEKEND = [0, 6];

export async function createCalendar(
  ctx: AppContext,
  principal: Principal,
  input: NewCalendar,
): Promise<CalendarView> {
  if (!mayManageCalendars(principal)) throw forbidden("only a program admin may do this");
  if (!isKnownRegion(input.region))
    throw invalidField(
      "region",
      `unknown region ${input.region} (country code, then optional state: US, ES-MD)`,
    );
  if (!isKnownTimeZone(input.timeZone)) throw invalidField("timeZone", `unknown time zone ${input.timeZone}`);
  const weekend = input.weekend ?? DEFAULT_WEEKEND;
  await transact(ctx.db, async (trx) => {
    const taken = await trx
      .selectFrom("calendars")
      .select("id")
      .where("id", "=", input.id)
      .executeTakeFirst();
    if (taken) throw invalidField("id", "is taken");
    await trx
      .insertInto("calendars")
      .values({
        id: input.id,
        name: input.name,
        region: input.region,
        time_zone: input.timeZone,
        weekend: JSON.stringify(weekend),
        updated_at: ctx.clock.now(),
      })
      .execute();
  });
  return { id: input.id, name: input.name, region: input.region, timeZone: input.timeZone, weekend };
}
