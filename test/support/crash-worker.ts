// The victim of test/concurrency/crash.test.ts: boots on the test's database and drives fresh claims
// through the real use cases as fast as it can, moving its clock and sweeping now and then, until
// the test kills it with SIGKILL. Never stops by itself unless something unexpected goes wrong.
//
// Input (environment): DATABASE_URL, DATA_DIR, CRASH_ORG_ID, CRASH_PARTNER_ID, CRASH_START (epoch
// ms the clock starts at), CRASH_SEED (integer). Output (stdout), one line each:
//   ready                          bootstrapped
//   > <action> <claim number>      an action starts (the kill may land before its "ok")
//   ok <action> <claim number> <status after>
//   no <action> <claim number> <refusal code>   refused (a deadline fired first, say): nothing written
//   > customer, > sweep            a customer upserted, a sweep, each a transaction or more
//   swept <fired>                  the sweep's timers fired
// Anything unexpected: a message on stderr and exit code 1.
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { days, hours } from "../../src/domain/calendar.ts";
import type { ClaimState } from "../../src/domain/claim-state.ts";
import { RefusalError } from "../../src/domain/refusal.ts";
import type { Role } from "../../src/domain/vocabulary.ts";
import { upsertCustomer } from "../../src/server/admin/directory.ts";
import { bootstrap } from "../../src/server/bootstrap.ts";
import { actOnClaim, type TransitionCommand } from "../../src/server/claims/use-cases/act-on-claim.ts";
import { addComment } from "../../src/server/claims/use-cases/add-comment.ts";
import { attachDocument } from "../../src/server/claims/use-cases/attach-document.ts";
import { createClaim } from "../../src/server/claims/use-cases/create-claim.ts";
import { customerDecision } from "../../src/server/claims/use-cases/customer-decision.ts";
import { type AppContext, ManualClock } from "../../src/server/context.ts";
import { sweep } from "../../src/server/jobs/sweeper.ts";
import type { Principal } from "../../src/server/principal.ts";
import { rng } from "./helpers.ts";

// The same bytes as world.ts's MINIMAL_PDF (not imported: world.ts pulls in the test helpers).
const MINIMAL_PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
  "latin1",
);

function need(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`crash-worker: ${name} is required`);
  return v;
}

const user = (role: Role, organizationId: string | null, name: string): Principal => ({
  kind: "user",
  id: randomUUID(),
  name,
  role,
  organizationId,
  locale: "en",
});

const say = (line: string) => process.stdout.write(`${line}\n`);

interface Lane {
  id: string;
  number: string;
  steps: number;
}

async function main(): Promise<void> {
  const orgId = need("CRASH_ORG_ID");
  const partnerId = need("CRASH_PARTNER_ID");
  const clock = new ManualClock(Number(need("CRASH_START")));
  const random = rng(Number(process.env.CRASH_SEED ?? "1"));
  const chance = (p: number) => random() < p;
  const ctx: AppContext = await bootstrap({
    databaseUrl: need("DATABASE_URL"),
    dataDir: need("DATA_DIR"),
    clock,
    poolSize: 2,
  });
  const partner = user("incentives_admin", orgId, "Crash partner");
  const reviewer = user("reviewer", null, "Crash reviewer");
  say("ready");

  async function step(action: string, lane: Lane, run: () => Promise<object>): Promise<boolean> {
    say(`> ${action} ${lane.number}`);
    try {
      const r = await run();
      const status = "status" in r ? String(r.status) : "-";
      say(`ok ${action} ${lane.number} ${status}`);
      return true;
    } catch (err) {
      if (!(err instanceof RefusalError)) throw err;
      say(`no ${action} ${lane.number} ${err.refusal.code}`);
      return false;
    }
  }

  async function newLane(): Promise<Lane> {
    const tenantId = randomUUID();
    const domain = `t${tenantId.slice(0, 8)}.crash.example`;
    say("> customer");
    await upsertCustomer(ctx, {
      tenantId,
      domain,
      name: `Customer ${tenantId.slice(0, 4)}`,
      subscriptions: [{ id: randomUUID(), product: "d365_sales", status: "active" }],
    });
    const lane: Lane = { id: "", number: "(new)", steps: 0 };
    say(`> create ${lane.number}`);
    const row = await createClaim(ctx, partner, {
      partnerId,
      customer: { tenantId, domain, name: "Customer" },
      activity: "deployment",
      products: ["teams"],
      customerContact: { name: "Casey Customer", email: "casey@customer.example", locale: "en" },
      partnerContact: { name: "Paula Partner", email: "paula@partner.example" },
    });
    lane.id = row.id;
    lane.number = row.number;
    say(`ok create ${lane.number} ${row.status}`);
    return lane;
  }

  const act = (lane: Lane, who: Principal, command: TransitionCommand) =>
    step(command.type, lane, () => actOnClaim(ctx, who, lane.id, command));

  /** One step of a claim, chosen from its stored state; false once the claim is left to its timers. */
  async function advance(lane: Lane): Promise<boolean> {
    const row = await ctx.db.kysely
      .selectFrom("claims")
      .select(["state"])
      .where("id", "=", lane.id)
      .executeTakeFirstOrThrow();
    const s = JSON.parse(row.state) as ClaimState;
    lane.steps += 1;
    if (lane.steps > 14) return false;
    switch (s.status) {
      case "editing":
        if (s.documentCount === 0 || chance(0.15)) {
          await step("attach", lane, () =>
            attachDocument(ctx, partner, lane.id, {
              filename: "poe.pdf",
              source: Readable.from([MINIMAL_PDF]),
            }),
          );
        } else await act(lane, partner, { type: "submit" });
        return true;
      case "submitted":
        if (chance(0.05)) await act(lane, partner, { type: "withdraw", reason: "other" });
        else await act(lane, reviewer, { type: "start-review" });
        return true;
      case "under_review": {
        const r = random();
        if (r < 0.3) {
          await act(lane, reviewer, {
            type: "request-information",
            reasons: ["missing_or_old_dates"],
            comment: "dates?",
          });
        } else if (r < 0.65) await act(lane, reviewer, { type: "approve" });
        else {
          await act(lane, reviewer, { type: "reject", reasons: ["insufficient_poe"], comment: "not enough" });
        }
        return true;
      }
      case "partner_action_required":
        if (!s.infoAnswered) {
          if (chance(0.7)) {
            await step("comment", lane, () => addComment(ctx, partner, lane.id, "here are the dates"));
          } else {
            await step("attach", lane, () =>
              attachDocument(ctx, partner, lane.id, {
                filename: "dates.pdf",
                source: Readable.from([MINIMAL_PDF]),
              }),
            );
          }
        } else await act(lane, partner, { type: "resubmit", comment: chance(0.5) ? "see above" : null });
        return true;
      case "approved":
        if (s.consent?.status !== "running" || chance(0.6)) return false;
        if (chance(0.7)) {
          await step("customer-deny", lane, () =>
            customerDecision(ctx, lane.id, "deny", { name: "Casey", comment: "not them" }),
          );
        } else
          await step("customer-confirm", lane, () =>
            customerDecision(ctx, lane.id, "confirm", { name: "Casey" }),
          );
        return true;
      case "rejected":
        if (s.dispute === null) {
          const open = s.deadlines.some((d) => d.kind === "dispute_window");
          if (!open || chance(0.3)) return false;
          await act(lane, partner, { type: "dispute", justification: "we did the work" });
          return true;
        }
        if (s.dispute.status !== "open" || chance(0.2)) return false;
        if (chance(0.4)) await act(lane, reviewer, { type: "uphold-dispute", comment: "still not enough" });
        else {
          await act(lane, reviewer, {
            type: "overturn-dispute",
            comment: "fair enough",
            to: chance(0.5) ? "approved" : "under_review",
          });
        }
        return true;
    }
  }

  const lanes: Lane[] = [];
  for (let n = 0; ; n++) {
    while (lanes.length < 3) lanes.push(await newLane());
    const i = Math.floor(random() * lanes.length);
    const lane = lanes[i];
    if (lane && !(await advance(lane))) lanes.splice(i, 1);
    if (n % 4 === 3) {
      // Hours to a few days: enough that SLA warnings, reminders and deadlines keep falling due.
      clock.advance(chance(0.5) ? hours(1 + Math.floor(random() * 12)) : days(1 + Math.floor(random() * 3)));
      say("> sweep");
      const r = await sweep(ctx);
      say(`swept ${r.fired}`);
    }
  }
}

main().catch((err: unknown) => {
  process.stderr.write(
    `crash-worker failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
