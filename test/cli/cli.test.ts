// The command line as a user meets it: bad arguments exit 2 with a message; the demo world has a
// claim in every status and prints its sign-ins; sweep and users add work.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { STATUSES } from "../../src/domain/vocabulary.ts";

const run = promisify(execFile);
// Vitest sets Vite's BASE_URL ("/") in its own environment; the CLI must not inherit it.
const { BASE_URL: _viteBase, ...inherited } = process.env;
const dir = mkdtempSync(join(tmpdir(), "claimdesk-cli-"));
const url = `sqlite:${join(dir, "cli.db")}`;

async function cli(args: string[], env: Record<string, string> = {}) {
  try {
    const r = await run(process.execPath, ["bin/claimdesk.js", ...args], {
      env: { ...inherited, DATABASE_URL: url, ...env },
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe("claimdesk CLI", () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("answers bad arguments and bad configuration with exit code 2 and a message", async () => {
    const unknown = await cli(["frobnicate"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command");
    const badRole = await cli([
      "users",
      "add",
      "--email",
      "a@b.example",
      "--role",
      "boss",
      "--password",
      "long-enough-pw",
    ]);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain("expected one of");
    const badUrl = await cli(["migrate"], { DATABASE_URL: "mysql://nope" });
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toContain("DATABASE_URL");
    const shortPassword = await cli([
      "users",
      "add",
      "--email",
      "a@b.example",
      "--role",
      "reviewer",
      "--password",
      "short",
    ]);
    expect(shortPassword.code).toBe(2);
    expect(shortPassword.stderr).toContain("password");
  });

  it("loads a demo world with claims in every status, once", async () => {
    const demo = await cli(["demo"]);
    expect(demo.code).toBe(0);
    for (const status of STATUSES)
      expect(demo.stdout).toMatch(new RegExp(`CA-\\d{4}-\\d{6}\\s+${status}\\s`));
    for (const role of ["global_admin", "incentives_admin", "billing_admin", "reviewer", "program_admin"]) {
      expect(demo.stdout).toContain(role);
    }
    expect(demo.stdout).toContain("password for all");
    // Issue 11: a newcomer is shown customers free to file a claim for (tenant id, domain, name).
    const free = demo.stdout.split("Customers with no claim yet")[1]?.split("\n\n")[0] ?? "";
    const rows = free.split("\n").filter((l) => /^\s+[0-9a-f-]{36}\s+\S+\.example\.com\s+\S/.test(l));
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(free).toContain("Adventure Works");
    const again = await cli(["demo"]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already loaded");
    const verify = await cli(["verify-history"]);
    expect(verify.code).toBe(0);
    const sweep = await cli(["sweep"]);
    expect(sweep.stdout).toMatch(/fired 0 timers/);
  });

  it("adds a user", async () => {
    const add = await cli([
      "users",
      "add",
      "--email",
      "New.Reviewer@Example.com",
      "--role",
      "reviewer",
      "--password",
      "a-long-password",
    ]);
    expect(add.code).toBe(0);
    expect(add.stdout).toContain("added new.reviewer@example.com (reviewer)");
    const dup = await cli([
      "users",
      "add",
      "--email",
      "new.reviewer@example.com",
      "--role",
      "reviewer",
      "--password",
      "a-long-password",
    ]);
    expect(dup.code).toBe(2);
    expect(dup.stderr).toContain("already in use");
  });

  it("shows the mail backlog and retries failed mail", async () => {
    // The demo's claims left events in the outbox; no server has run, so no message exists yet.
    const status = await cli(["mail"]);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/waiting: 0\n/);
    expect(status.stdout).toMatch(/failed:\s+0\n/);
    expect(status.stdout).toMatch(/events not yet turned into messages: [1-9]\d*/);
    const none = await cli(["mail", "retry", "--id", "0190c8a1-0000-7000-8000-000000000000"]);
    expect(none.code).toBe(1);
    expect(none.stdout).toContain("0 messages back in the queue");
    const all = await cli(["mail", "retry"]);
    expect(all.code).toBe(0);
  });

  it("imports revenue from a file, with every bad row named, and calculates the months' statements", async () => {
    const bad = join(dir, "bad.csv");
    const good = join(dir, "good.csv");
    const tenant = "6f1f0c2e-1111-4222-8333-944455556666";
    const sub = "7f1f0c2e-1111-4222-8333-944455556666";
    writeFileSync(
      bad,
      `tenantId,subscriptionId,product,month,amount,currency\n${tenant},${sub},teams,2030-3,1.00,USD\n`,
    );
    writeFileSync(
      good,
      `tenantId,subscriptionId,product,month,amount,currency\n${tenant},${sub},teams,2030-03,1.00,USD\n`,
    );
    const refused = await cli(["revenue", "import", bad]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain("line 2, month: must be YYYY-MM");
    expect(refused.stdout).toContain("not imported");
    const dry = await cli(["revenue", "import", good, "--dry-run"]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("1 rows, months 2030-03, 0 errors: good (dry run, nothing imported)");
    const real = await cli(["revenue", "import", good]);
    expect(real.code).toBe(0);
    expect(real.stdout).toMatch(/imported in/);
    expect(real.stdout).toContain("2030-03: 0 payout statements calculated");
  });
});
