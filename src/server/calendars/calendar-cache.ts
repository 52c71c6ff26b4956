// Business calendars by id, loaded from the database and kept briefly in memory: they change
// rarely, and stored deadlines are never recomputed when they do.
import type { Kysely } from "kysely";
import type { BusinessCalendar } from "../../domain/calendar.ts";
import { businessCalendar, DEFAULT_CALENDAR } from "../../domain/holidays.ts";
import type { DB } from "../db/schema.ts";

const TTL_MS = 60_000;

export class CalendarCache {
  readonly #entries = new Map<string, { cal: BusinessCalendar; loadedAt: number }>();

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

  invalidate(): void {
    this.#entries.clear();
  }
}
