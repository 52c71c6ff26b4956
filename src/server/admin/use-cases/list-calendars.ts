// The business-day calendars: shared configuration every user may read.
import { mayViewCalendars } from "../../../domain/policies/admin.ts";
import { forbidden } from "../../../domain/refusal.ts";
import type { AppContext } from "../../context.ts";
import type { Principal } from "../../principal.ts";
import { type CalendarView, calendarView } from "../calendar-view.ts";

export async function listCalendars(
  ctx: AppContext,
  principal: Principal,
  _input: Record<string, never> = {},
): Promise<{ items: CalendarView[] }> {
  if (!mayViewCalendars(principal)) throw forbidden("sign in to read calendars");
  const rows = await ctx.db.kysely.selectFrom("calendars").selectAll().orderBy("id").execute();
  return { items: rows.map(calendarView) };
}
