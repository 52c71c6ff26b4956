// SQLite's planner statistics kept fresh while the server runs. Bootstrap runs PRAGMA optimize on
// open, but a new installation opens on empty tables, and a server that then runs for months would
// plan its queries on "no statistics": with none, SQLite chose history_event_at over the primary
// key for one claim's first submission and scanned every submission of every claim. SQLite's
// advice for long-lived connections is to run it again periodically (hourly); with the
// analysis_limit bootstrap sets, it takes milliseconds and re-analyses only tables that changed.
import { sql } from "kysely";
import type { Clock } from "../context.ts";
import type { Db } from "./engine.ts";

export const STATISTICS_EVERY_MS = 3_600_000;

/** A step for a periodic loop: refreshes the statistics when the last refresh is an hour old. */
export function plannerStatistics(
  db: Db,
  wall: Clock,
  everyMs = STATISTICS_EVERY_MS,
): () => Promise<boolean> {
  let last = wall.now();
  return async () => {
    if (db.engine !== "sqlite" || wall.now() - last < everyMs) return false;
    last = wall.now();
    await sql`pragma optimize = 0x10002`.execute(db.kysely);
    return true;
  };
}
