// The environment is read once at start, and a bad value names its variable (API.md §6).
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/server/config.ts";

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
}

describe("configuration from the environment", () => {
  it("IDEMPOTENCY_LEASE_SECONDS: 30 by default, a whole number of seconds when set", () => {
    expect(loadConfig({}).idempotencyLeaseSeconds).toBe(30);
    expect(loadConfig({ IDEMPOTENCY_LEASE_SECONDS: "120" }).idempotencyLeaseSeconds).toBe(120);
  });

  it.each(["0", "1", "1.5", "ten", "3601"])("IDEMPOTENCY_LEASE_SECONDS=%s is refused by name", (raw) => {
    expect(problemsOf({ IDEMPOTENCY_LEASE_SECONDS: raw })).toEqual([
      `IDEMPOTENCY_LEASE_SECONDS=${raw}: expected a whole number from 2 to 3600`,
    ]);
  });

  it("several bad values are all named at once", () => {
    const problems = problemsOf({ PORT: "http", SWEEP_INTERVAL_SECONDS: "0", DOCUMENT_STORAGE: "s3" });
    expect(problems.map((p) => p.split(":")[0]).sort()).toEqual([
      "DOCUMENT_STORAGE=s3",
      "PORT=http",
      "SWEEP_INTERVAL_SECONDS=0",
    ]);
  });
});
