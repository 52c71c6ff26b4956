// Ids are UUIDv7 and strictly increasing within the process, so that ordering by id keeps the
// order rows were made in when their timestamps tie.
import { describe, expect, it } from "vitest";
import { newId } from "../../src/server/ids.ts";

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("newId", () => {
  it("makes 200,000 valid UUIDv7 ids, each greater than the one before, many in one millisecond", () => {
    const ids = Array.from({ length: 200_000 }, newId);
    let sameMs = 0;
    const out: string[] = [];
    for (let i = 1; i < ids.length; i++) {
      const [a, b] = [ids[i - 1] as string, ids[i] as string];
      if (!(b > a)) out.push(`${a} then ${b}`);
      if (a.slice(0, 13) === b.slice(0, 13)) sameMs++;
    }
    expect(out).toEqual([]);
    expect(ids.filter((id) => !V7.test(id))).toEqual([]);
    // Without this the test would not show the ties it is about.
    expect(sameMs).toBeGreaterThan(1000);
  });

  it("carries the time in its first 48 bits", () => {
    const before = Date.now();
    const id = newId().replaceAll("-", "");
    const ms = Number.parseInt(id.slice(0, 12), 16);
    // Equal to the clock, or a little ahead of it after ids borrowed from the next millisecond.
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThan(Date.now() + 1000);
  });
});
