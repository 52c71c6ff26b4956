import { describe, expect, it } from "vitest";

describe("fixture on sqlite", () => {
  it("passes", () => expect(1).toBe(1));
  it("fails once", () => expect(1).toBe(2));
  it("fails twice", () => expect(2).toBe(3));
});
