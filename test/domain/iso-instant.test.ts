// The fast ISO writer must agree with Date#toISOString everywhere, not just on today's dates.
import { describe, expect, it } from "vitest";
import { isoDate, isoInstant } from "../../src/domain/iso-instant.ts";

const edges = [
  0,
  -1,
  1,
  86_399_999,
  86_400_000,
  -86_400_000,
  -62_167_219_200_000, // 0000-01-01
  -62_167_219_200_001, // one ms before: toISOString's signed years
  253_402_300_799_999, // 9999-12-31T23:59:59.999Z
  253_402_300_800_000, // 10000-01-01
  Date.UTC(2000, 1, 29, 12),
  Date.UTC(2100, 1, 28, 23, 59, 59, 999),
  Date.UTC(2100, 2, 1),
  Date.UTC(1600, 1, 29),
  Date.UTC(2026, 11, 2, 13, 8, 38, 7),
  1.5, // not a whole millisecond
];

describe("isoInstant", () => {
  it("writes what toISOString writes at the edges", () => {
    for (const t of edges) {
      expect(isoInstant(t), String(t)).toBe(new Date(t).toISOString());
      expect(isoDate(t), String(t)).toBe(new Date(t).toISOString().slice(0, 10));
    }
  });

  it("writes what toISOString writes on 200,000 instants across four centuries", () => {
    // A fixed linear congruential sequence: the same instants on every run.
    let x = 12_345;
    const span = Date.UTC(2200, 0, 1) - Date.UTC(1800, 0, 1);
    let mismatches = 0;
    for (let i = 0; i < 200_000; i++) {
      x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
      const t = Date.UTC(1800, 0, 1) + Math.floor((x / 2_147_483_648) * span);
      if (isoInstant(t) !== new Date(t).toISOString()) mismatches++;
      if (isoDate(t) !== new Date(t).toISOString().slice(0, 10)) mismatches++;
    }
    expect(mismatches).toBe(0);
  });

  it("throws as toISOString does on an invalid instant", () => {
    expect(() => isoInstant(Number.NaN)).toThrow(RangeError);
  });
});
