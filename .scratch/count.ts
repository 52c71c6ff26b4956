import Database from "better-sqlite3";
import { Session } from "node:inspector/promises";
import { writeFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { days } from "../src/domain/calendar.ts";
import { createOrganization, upsertCustomer } from "../src/server/admin/directory.ts";
import { bootstrap } from "../src/server/bootstrap.ts";
import { ManualClock } from "../src/server/context.ts";
import { sweep } from "../src/server/jobs/sweeper.ts";
import { seedClaims } from "../src/server/seed/bulk-seed.ts";
import { createTestDb } from "../test/support/engines.ts";
const START = Date.parse("2026-03-02T09:00:00.000Z");
const counts = new Map<string, number>();
const proto = Object.getPrototypeOf(new Database(":memory:").prepare("select 1"));
for (const m of ["run", "all", "get"]) {
  const orig = proto[m];
  proto[m] = function (...a: unknown[]) { if (process.env.NOCOUNT) return orig.apply(this, a); const k = String(this.source).slice(0, 60).replace(/\s+/g, " "); const t = performance.now(); const r = orig.apply(this, a); counts.set(k, (counts.get(k) ?? 0) + performance.now() - t); return r; };
}
const target = await createTestDb("sqlite");
const clock = new ManualClock(START);
const ctx = await bootstrap({ databaseUrl: target.url, dataDir: target.dataDir, clock });
const org = await createOrganization(ctx, { name: "B", partnerIds: ["7654321"] });
const tenantId = randomUUID();
await upsertCustomer(ctx, { tenantId, domain: "b.example.com", name: "B", subscriptions: [] });
await seedClaims(ctx, { count: Number(process.env.N ?? 2000), organizationId: org.id, partnerId: "7654321", numberPrefix: "DU",
  pick: (i) => ({ path: "partner_action_required", at: START - days(i % 60), product: `DU${i}`, tenantId }), batchSize: 500 });
clock.set(START + days(30));
counts.clear();
const session = new Session(); session.connect();
await session.post("Profiler.enable"); await session.post("Profiler.start");
const t0 = performance.now();
const r = await sweep(ctx, { batchSize: Number(process.env.B ?? 500) });
const ms = performance.now() - t0;
const { profile } = await session.post("Profiler.stop");
writeFileSync("/tmp/perfrun/sweep.cpuprofile", JSON.stringify(profile));
console.log("timers/s", Math.round(r.fired / (ms / 1000)));
console.log(r);
for (const [k, n] of [...counts].sort((a, b) => b[1] - a[1])) console.log(n.toFixed(0), "ms", k);
await ctx.db.close(); await target.drop();
