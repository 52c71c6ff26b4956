// `npm run bench:web`: how soon the dashboard is usable on a database of BENCH_CLAIMS claims
// (default 1,000,000), in Debian's Chromium against a real server, beside a bare baseline measured
// in the same run: the app's sign-in page, which loads the same JavaScript and asks for no data.
// "Usable" = the status counts and the first row of the claims table are on the screen.
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import cliProgress from "cli-progress";
import { chromium, type Page } from "playwright-core";
import { days } from "../src/domain/calendar.ts";
import { createOrganization, createUser, upsertCustomer } from "../src/server/admin/directory.ts";
import { bootstrap } from "../src/server/bootstrap.ts";
import { ManualClock } from "../src/server/context.ts";
import { seedClaims } from "../src/server/seed/bulk-seed.ts";
import { startServer } from "../src/server/server.ts";
import { testConfig } from "../test/http/http-support.ts";
import { createTestDb } from "../test/support/engines.ts";

const TOTAL = Number(process.env.BENCH_CLAIMS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const START = Date.now() - days(90);
const PATHS = ["editing", "submitted", "under_review", "partner_action_required", "approved", "rejected"];
const PASSWORD = "bench-password-123";

// The app as users get it.
execFileSync(process.execPath, ["scripts/build-web.mjs"], { stdio: "inherit" });

// BENCH_DATA_DIR keeps the seeded database there, and reuses it on the next run.
const keep = process.env.BENCH_DATA_DIR;
const db = keep
  ? { engine: "sqlite" as const, url: `sqlite:${keep}/bench.db`, dataDir: keep, drop: async () => {} }
  : await createTestDb("sqlite");
const seedCtx = await bootstrap({ databaseUrl: db.url, dataDir: db.dataDir, clock: new ManualClock(START) });
const seeded = await seedCtx.db.kysely
  .selectFrom("claims")
  .select(seedCtx.db.kysely.fn.countAll<number>().as("n"))
  .executeTakeFirstOrThrow();
if (Number(seeded.n) < TOTAL) await seed();
await seedCtx.db.close();

async function seed() {
  const org = await createOrganization(seedCtx, { name: "Bench Partners", partnerIds: ["7654321"] });
  await upsertCustomer(seedCtx, {
    tenantId: randomUUID(),
    domain: "bench.example.com",
    name: "Bench customer",
    subscriptions: [],
  });
  await createUser(seedCtx, {
    email: "partner@bench.example",
    name: "Partner",
    password: PASSWORD,
    role: "global_admin",
    organizationId: org.id,
    locale: "en",
  });
  await createUser(seedCtx, {
    email: "reviewer@bench.example",
    name: "Reviewer",
    password: PASSWORD,
    role: "reviewer",
    organizationId: null,
    locale: "en",
  });
  const bar = new cliProgress.SingleBar(
    { format: "  seeding [{bar}] {value}/{total} claims", noTTYOutput: true, notTTYSchedule: 5000 },
    cliProgress.Presets.shades_classic,
  );
  bar.start(TOTAL, 0);
  const tenantId = randomUUID();
  await seedClaims(seedCtx, {
    count: TOTAL,
    organizationId: org.id,
    partnerId: "7654321",
    numberPrefix: "WB",
    pick: (i) => ({
      path: PATHS[i % PATHS.length] ?? "editing",
      at: START + (i % 80) * 86_400_000,
      product: `WB${i}`,
      tenantId,
    }),
    batchSize: 500,
    onProgress: (n) => bar.update(n),
  });
  bar.stop();
}

const server = await startServer(testConfig(db, { simulatedClock: false, logLevel: "warn" }), {
  sweep: false,
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
});

async function measure(page: Page, ready: () => Promise<unknown>): Promise<number> {
  await page.goto(`${server.url}/`);
  await ready();
  return page.evaluate(() => performance.now());
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

try {
  const rows: [string, number][] = [];
  const anon = await browser.newPage();
  const shell: number[] = [];
  for (let i = 0; i < RUNS; i++)
    shell.push(
      await measure(anon, () => anon.getByRole("heading", { name: "Sign in to Claimdesk" }).waitFor()),
    );
  rows.push(["sign-in page: same JavaScript, no data (baseline)", median(shell)]);
  for (const who of ["partner", "reviewer"]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.getByLabel("Email").fill(`${who}@bench.example`);
    await page.getByRole("textbox", { name: "Password" }).fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Customer associations" }).waitFor();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++)
      times.push(
        await measure(page, async () => {
          await page.locator("section[aria-labelledby='all'] tbody tr").first().waitFor();
          await page.waitForFunction(() => !document.body.textContent?.includes("…"));
        }),
      );
    rows.push([
      `dashboard as ${who === "partner" ? "the partner (1 organisation)" : "a reviewer (all claims)"}`,
      median(times),
    ]);
    await context.close();
  }
  const base = rows[0]?.[1] ?? 1;
  process.stdout.write(
    `\n${TOTAL.toLocaleString("en")} claims, median of ${RUNS} loads, from navigation start\n\n`,
  );
  process.stdout.write("| page | ms | ratio to baseline |\n|---|---|---|\n");
  for (const [name, ms] of rows)
    process.stdout.write(`| ${name} | ${Math.round(ms)} | ${(ms / base).toFixed(2)} |\n`);
} finally {
  await browser.close();
  await server.stop();
  await db.drop();
}
