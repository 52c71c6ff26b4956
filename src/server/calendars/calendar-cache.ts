// Business calendars by id, loaded from the database and kept briefly in memory: they change
// rarely, and stored deadlines are never recomputed when they do.
import type { Kysely } from "kysely";
import type { BusinessCalendar } from "../../domain/calendar.ts";
import { businessCalendar, DEFAULT_CALENDAR } from "../../domain/holidays.ts";
import type { DB } from "../db/schema.ts";

const TTL_MS = 60_000;

export class CalendarCache {
  readonly #entries = new Map<string, { cal: BusinessCalendar; loadedAt: number }>();
  /** Organisation id -> its calendar id, for lists that read claims without joining organisations. */
  readonly #orgs = new Map<string, { calendarId: string | null; loadedAt: number }>();

  async get(db: Kysely<DB>, id: string | null): Promise<BusinessCalendar> {
    const key = id ?? DEFAULT_CALENDAR.id;
    const hit = this.#entries.get(key);
    // Real time on purpose: this is cache freshness, not claim time.
    const wall = performance.now();
    if (hit && wall - hit.loadedAt < TTL_MS) return hit.cal;
    const row = await db.selectFrom("calendars").selectAll().where("id", "=", key).executeTakeFirst();
    const cal = row
      ? businessCalendar({
          id: row.id,
          region: row.region,
          timeZone: row.time_zone,
          weekend: JSON.parse(row.weekend),
        })
      : businessCalendar(DEFAULT_CALENDAR);
    this.#entries.set(key, { cal, loadedAt: wall });
    return cal;
  }

  /**
   * The calendars of a page's organisations: one query for those not seen within the TTL (a
   * partner's page has one organisation), none when all are known. Only what a screen shows of a
   * deadline depends on it (business days left), never a stored deadline.
   */
  async forOrganizations(db: Kysely<DB>, organizationIds: string[]): Promise<Map<string, BusinessCalendar>> {
    const wall = performance.now();
    const missing = [...new Set(organizationIds)].filter((id) => {
      const hit = this.#orgs.get(id);
      return !hit || wall - hit.loadedAt >= TTL_MS;
    });
    if (missing.length > 0) {
      const rows = await db
        .selectFrom("organizations")
        .select(["id", "calendar_id"])
        .where("id", "in", missing)
        .execute();
      if (this.#orgs.size > 10_000) this.#orgs.clear();
      for (const r of rows) this.#orgs.set(r.id, { calendarId: r.calendar_id, loadedAt: wall });
    }
    const out = new Map<string, BusinessCalendar>();
    for (const id of new Set(organizationIds))
      out.set(id, await this.get(db, this.#orgs.get(id)?.calendarId ?? null));
    return out;
  }

  invalidate(): void {
    this.#entries.clear();
    this.#orgs.clear();
  }
}
