// What every use case is handed: the database and the side effects behind small interfaces, so a
// test can pin the clock or pick a storage.
import type { Policy } from "../domain/policy.ts";
import type { CalendarCache } from "./calendars/calendar-cache.ts";
import type { Db } from "./db/engine.ts";
import type { BlobStore } from "./documents/blob-store.ts";

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that stands still until moved: tests and the simulated-clock mode travel in time with it. */
export class ManualClock implements Clock {
  constructor(private current: number) {}
  now(): number {
    return this.current;
  }
  set(instant: number): void {
    if (instant < this.current) throw new Error("the clock cannot move backwards");
    this.current = instant;
  }
  advance(ms: number): void {
    this.set(this.current + ms);
  }
}

export interface AppContext {
  db: Db;
  /** The claims clock: real, manual (tests) or simulated (training mode). */
  clock: Clock;
  policy: Policy;
  calendars: CalendarCache;
  blobs: BlobStore;
}
