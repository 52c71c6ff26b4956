// Identifiers: UUIDv7 (RFC 9562), time-ordered so that new rows land at the end of their B-tree
// instead of on a random page, which keeps inserts into large tables cheap.
//
// Monotonic within the process (RFC 9562 §6.2, method 2): an id made in the same millisecond as
// the one before it, or after the wall clock stepped back, is the one before it plus one. So
// ordering rows by id breaks ties in the order they were made: under the simulated clock every
// document uploaded before the clock moves has the same created_at, and "oldest first" then
// rested on the order the database happened to return ties in (PostgreSQL's follows where an
// updated row lands).
import { randomFillSync } from "node:crypto";

// Random bytes are drawn 4 KiB at a time: one system call per 256 ids instead of one per id.
const pool = new Uint8Array(4096);
let offset = pool.length;
const bytes = new Uint8Array(16);
let lastMs = -1;

function writeMs(ms: number): void {
  let m = ms;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = m & 0xff;
    m = Math.floor(m / 256);
  }
}

/** Adds one to the 56 bits below the variant (bytes 9-15); false when they wrapped to zero. */
function increment(): boolean {
  for (let i = 15; i >= 9; i--) {
    const b = ((bytes[i] ?? 0) + 1) & 0xff;
    bytes[i] = b;
    if (b !== 0) return true;
  }
  return false;
}

export function newId(): string {
  // Wall time on purpose: ids only need to be unique and ordered as made, never claim time.
  const now = Date.now();
  if (now > lastMs) {
    if (offset >= pool.length) {
      randomFillSync(pool);
      offset = 0;
    }
    bytes.set(pool.subarray(offset, offset + 16));
    offset += 16;
    lastMs = now;
    writeMs(now);
    bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
    bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  } else if (!increment()) {
    // 2^56 ids in one millisecond will not happen; if the counter wraps, borrow the next one.
    lastMs += 1;
    writeMs(lastMs);
  }
  const hex = Buffer.from(bytes).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
