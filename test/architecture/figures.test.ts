// Issue 10's figures stay at their goal: no query-builder call in the HTTP layer and no role string
// compared outside src/domain/policies (and the transition table's vocabulary).
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("architecture figures", () => {
  it("counts 0 queries in src/server/http and 0 role comparisons outside the policies", () => {
    const r = spawnSync(process.execPath, ["scripts/architecture-metrics.mjs", "--check"], {
      encoding: "utf8",
    });
    expect(r.stdout).toContain("queriesInHttp: 0");
    expect(r.stdout).toContain("roleComparisons: 0");
    expect(r.status).toBe(0);
  });
});
