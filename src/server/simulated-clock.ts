// CLAIMDESK_SIMULATED_CLOCK=1: the claims clock starts at the real time and stands still until a
// program admin moves it forward. Kept in the database so every server process reads the same
// time; each request and each sweep refreshes it first.
import { type Kysely, sql } from "kysely";
import { RefusalError } from "../domain/refusal.ts";
import type { Clock } from "./context.ts";
import type { DB } from "./db/schema.ts";

const KEY = "simulated_clock";

export class SimulatedClock implements Clock {
  #now: number;

  private constructor(
    private readonly db: Kysely<DB>,
    now: number,
  ) {
    this.#now = now;
  }

  static async open(db: Kysely<DB>, realNow: number): Promise<SimulatedClock> {
    await db
      .insertInto("settings")
      .values({ key: KEY, value: String(realNow) })
      .onConflict((oc) => oc.column("key").doNothing())
      .execute();
    const clock = new SimulatedClock(db, realNow);
    await clock.refresh();
    return clock;
  }

  now(): number {
    return this.#now;
  }

  async refresh(): Promise<void> {
    const row = await this.db
      .selectFrom("settings")
      .select("value")
      .where("key", "=", KEY)
      .executeTakeFirst();
    if (row) this.#now = Number(row.value);
  }

  /** Moves forward only; moving does not sweep. */
  async set(instant: number): Promise<void> {
    await this.refresh();
    if (!Number.isFinite(instant) || instant < this.#now) {
      throw new RefusalError({
        code: "validation_failed",
        detail: `the clock only moves forward (it reads ${new Date(this.#now).toISOString()})`,
        errors: [{ field: "now", message: "is before the clock's current time" }],
      });
    }
    // Guarded: of two concurrent moves the clock keeps the later time, never goes back.
    const moved = await this.db
      .updateTable("settings")
      .set({ value: String(instant) })
      .where("key", "=", KEY)
      .where(sql`cast(value as bigint)`, "<=", instant)
      .executeTakeFirst();
    if (moved.numUpdatedRows !== 1n) {
      await this.refresh();
      throw new RefusalError({
        code: "validation_failed",
        detail: `the clock only moves forward (it reads ${new Date(this.#now).toISOString()})`,
        errors: [{ field: "now", message: "is before the clock's current time" }],
      });
    }
    this.#now = instant;
  }
}
