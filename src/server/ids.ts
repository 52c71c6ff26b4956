// Identifiers: UUIDv7 (RFC 9562), time-ordered so that new rows land at the end of their B-tree
// instead of on a random page, which keeps inserts into large tables cheap.
import { randomFillSync } from "node:crypto";

// Random bytes are drawn 4 KiB at a time: one system call per 256 ids instead of one per id.
const pool = new Uint8Array(4096);
let offset = pool.length;
const bytes = new Uint8Array(16);

export function newId(): string {
  if (offset >= pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  bytes.set(pool.subarray(offset, offset + 16));
  offset += 16;
  // Wall time on purpose: ids only need to be unique and roughly ordered, never claim time.
  let ms = Date.now();
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms & 0xff;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Buffer.from(bytes).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
