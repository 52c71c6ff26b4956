// Bulk-seeding claims in a chosen state for tests of scale and for benchmarks: the state comes from
// the pure transition table (so it is a state the rules can reach), rows go in by multi-row INSERT.
// Seeded claims start with an empty history chain, which verify-history accepts.

import type { BusinessCalendar } from "../../domain/calendar.ts";
import { type ClaimState, initialState } from "../../domain/claim-state.ts";
import type { Actor, Command } from "../../domain/commands.ts";
import type { Policy } from "../../domain/policy.ts";
import { pendingTimers, timerKey } from "../../domain/timers.ts";
import { decide } from "../../domain/transitions.ts";
import { CountDeltas } from "../claims/claim-counts.ts";
import { derivedColumns } from "../claims/derived-columns.ts";
import { GENESIS_HASH } from "../claims/history-chain.ts";
import type { AppContext } from "../context.ts";
import type { ClaimsTable } from "../db/schema.ts";
import { newId } from "../ids.ts";

const partner: Actor = { kind: "user", role: "incentives_admin" };
const reviewer: Actor = { kind: "user", role: "reviewer" };
type Path = { command: Command; actor: Actor }[];
const submitted: Path = [
  { command: { type: "upload" }, actor: partner },
  { command: { type: "submit" }, actor: partner },
];
const underReview: Path = [...submitted, { command: { type: "start-review" }, actor: reviewer }];

/** The ways into each seedable state, as commands for the transition table. */
export const PATHS: Record<string, Path> = {
  editing: [],
  submitted,
  under_review: underReview,
  partner_action_required: [
    ...underReview,
    {
      command: { type: "request-information", reasons: ["missing_or_old_dates"], comment: "dates?" },
      actor: reviewer,
    },
  ],
  approved: [...underReview, { command: { type: "approve" }, actor: reviewer }],
  rejected: [
    ...underReview,
    { command: { type: "reject", reasons: ["insufficient_poe"], comment: "no" }, actor: reviewer },
  ],
  withdrawn: [{ command: { type: "withdraw", reason: "other" }, actor: partner }],
};

export function stateAfter(path: string, at: number, calendar: BusinessCalendar, policy: Policy): ClaimState {
  let state = initialState();
  for (const step of PATHS[path] ?? []) {
    const d = decide(state, step.command, step.actor, { now: at, calendar, policy });
    if (!d.ok) throw new Error(`seed path ${path}: ${d.refusal.detail}`);
    state = d.state;
  }
  return state;
}

export interface SeedSpec {
  count: number;
  organizationId: string;
  partnerId: string;
  /** Picks each claim's state path, creation time and product. */
  pick: (i: number) => { path: string; at: number; product: string; tenantId: string };
  numberPrefix: string;
  batchSize?: number;
  onProgress?: (done: number) => void;
}

export async function seedClaims(ctx: AppContext, spec: SeedSpec): Promise<string[]> {
  const calendar = await ctx.calendars.get(ctx.db.kysely, null);
  const batch = spec.batchSize ?? 400;
  const ids: string[] = [];
  const stateCache = new Map<string, ClaimState>();
  for (let start = 0; start < spec.count; start += batch) {
    const rows: ClaimsTable[] = [];
    const products: { claim_id: string; product: string; association_key: string }[] = [];
    const deadlines: { claim_id: string; timer: string; kind: string; warn: number; due_at: number }[] = [];
    for (let i = start; i < Math.min(spec.count, start + batch); i++) {
      const p = spec.pick(i);
      const key = `${p.path}@${p.at}`;
      let state = stateCache.get(key);
      if (!state) {
        state = stateAfter(p.path, p.at, calendar, ctx.policy);
        stateCache.set(key, state);
      }
      const id = newId();
      ids.push(id);
      rows.push({
        id,
        number: `${spec.numberPrefix}-${String(i).padStart(7, "0")}`,
        organization_id: spec.organizationId,
        partner_id: spec.partnerId,
        tenant_id: p.tenantId,
        subscription_id: null,
        customer_domain: "seed.example.com",
        customer_name: "Seeded customer",
        activity: "deployment",
        products: JSON.stringify([p.product]),
        customer_contact: JSON.stringify({ name: "Casey", email: "casey@seed.example.com" }),
        partner_contact: JSON.stringify({ name: "Paula", email: "paula@seed.example.com" }),
        ...derivedColumns(state),
        version: 1,
        revision: 1,
        copied_from: null,
        history_seq: 0,
        history_hash: GENESIS_HASH,
        created_by: "seed",
        created_at: p.at,
        updated_at: p.at,
      });
      products.push({ claim_id: id, product: p.product, association_key: `w:${p.tenantId}:${p.product}` });
      for (const t of pendingTimers(state)) {
        deadlines.push({
          claim_id: id,
          timer: timerKey(t),
          kind: t.kind,
          warn: t.warn ? 1 : 0,
          due_at: t.at,
        });
      }
    }
    await ctx.db.kysely.transaction().execute(async (trx) => {
      await trx.insertInto("claims").values(rows).execute();
      const counts = new CountDeltas(ctx.db.engine);
      for (const r of rows) counts.add(r.id, r.organization_id, r.status, 1);
      await counts.apply(trx);
      await trx.insertInto("claim_products").values(products).execute();
      for (let j = 0; j < deadlines.length; j += batch) {
        await trx
          .insertInto("deadlines")
          .values(deadlines.slice(j, j + batch))
          .execute();
      }
    });
    spec.onProgress?.(Math.min(spec.count, start + batch));
    // SQLite's driver never waits on I/O: yield so that timers (a progress display) get to run.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return ids;
}
