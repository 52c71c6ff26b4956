// Views share parsed JSON columns (src/server/claims/parsed-json.ts): an entry is the same object
// for the same text, a different one for changed text, and nobody can modify a shared one.
import { describe, expect, it } from "vitest";
import { ParsedJson } from "../../src/server/claims/parsed-json.ts";

describe("ParsedJson", () => {
  it("answers the same text with the same value, and changed text with a new one", () => {
    const cache = new ParsedJson<{ status: string; reasons: string[] }>();
    const a = cache.parse('{"status":"submitted","reasons":[]}');
    expect(cache.parse('{"status":"submitted","reasons":[]}')).toBe(a);
    const b = cache.parse('{"status":"approved","reasons":[]}');
    expect(b).not.toBe(a);
    expect(b.status).toBe("approved");
  });

  it("freezes what it shares, to the leaves", () => {
    const cache = new ParsedJson<{ reasons: string[]; consent: { status: string } }>();
    const v = cache.parse('{"reasons":["a"],"consent":{"status":"running"}}');
    expect(() => v.reasons.push("b")).toThrow(TypeError);
    expect(() => {
      v.consent.status = "objected";
    }).toThrow(TypeError);
    expect(cache.parse('{"reasons":["a"],"consent":{"status":"running"}}').consent.status).toBe("running");
  });
});
