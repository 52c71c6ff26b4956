// Eligibility (RULES.md §12): when a claim is sent to assessment (consent passed or the
// customer confirmed) it is assessed against every programme, in the same transaction, and the
// result is stored per programme. Eligible products become earning keys that revenue joins on.
// An admin can re-assess after a programme change, with a preview first.
import type { Kysely } from "kysely";
import type { ClaimState } from "../../domain/claim-state.ts";
import { type Assessment, assess, dayOf, type IneligibleReason, monthOf } from "../../domain/incentives.ts";
import type { Engine } from "../db/engine.ts";
import { type Column, deleteWhereIn, insertRows } from "../db/fixed-statements.ts";
import type { ClaimsTable, DB } from "../db/schema.ts";
import { listPrograms, type Program, rulesOf } from "./programs.ts";

interface Context {
  programs: Program[];
  incentivised: Map<string, boolean>;
  basis: Map<string, string>;
}

async function loadContext(db: Kysely<DB>): Promise<Context> {
  const [programs, activities, products] = await Promise.all([
    listPrograms(db),
    db.selectFrom("activities").select(["code", "incentivised"]).execute(),
    db.selectFrom("products").select(["code", "basis"]).execute(),
  ]);
  return {
    programs,
    incentivised: new Map(activities.map((a) => [a.code, Number(a.incentivised) === 1])),
    basis: new Map(products.map((p) => [p.code, p.basis])),
  };
}

function assessAll(c: Context, claim: ClaimsTable, assessmentAt: number): Map<string, Assessment> {
  const products = JSON.parse(claim.products) as string[];
  return new Map(
    c.programs.map((p) => [
      p.code,
      assess(
        {
          products,
          activity: claim.activity,
          activityIncentivised: c.incentivised.get(claim.activity) ?? false,
          enrolled: p.enrolledOrganizations.includes(claim.organization_id),
          assessedOn: dayOf(assessmentAt),
        },
        rulesOf(p),
      ),
    ]),
  );
}

/** The eligibility and earning-key rows of one claim's assessment results. */
function storedRows(
  c: Context,
  claim: ClaimsTable,
  state: ClaimState,
  results: Map<string, Assessment>,
  now: number,
) {
  const assessmentAt = state.assessmentAt ?? now;
  const eligibility = [...results].map(([program, a]) => ({
    claim_id: claim.id,
    program_code: program,
    status: a.status,
    reasons: JSON.stringify(a.reasons),
    products: JSON.stringify(a.products),
    assessed_at: now,
  }));
  const keys = [...results].flatMap(([program, a]) =>
    a.products.map((product) => ({
      claim_id: claim.id,
      program_code: program,
      product,
      organization_id: claim.organization_id,
      tenant_id: claim.tenant_id,
      subscription_id: c.basis.get(product) === "subscription" ? claim.subscription_id : null,
      from_month: monthOf(assessmentAt),
      until_month: state.withdrawnAt === null ? null : monthOf(state.withdrawnAt),
    })),
  );
  return { eligibility, keys };
}

type EligibilityRow = ReturnType<typeof storedRows>["eligibility"][number];
type EarningKeyRow = ReturnType<typeof storedRows>["keys"][number];

// PostgreSQL's types as migration 0004 made them, for the set-based inserts.
const ELIGIBILITY: Column<EligibilityRow>[] = [
  { name: "claim_id", pg: "text" },
  { name: "program_code", pg: "text" },
  { name: "status", pg: "text" },
  { name: "reasons", pg: "text" },
  { name: "products", pg: "text" },
  { name: "assessed_at", pg: "bigint" },
];
const EARNING_KEYS: Column<EarningKeyRow>[] = [
  { name: "claim_id", pg: "text" },
  { name: "program_code", pg: "text" },
  { name: "product", pg: "text" },
  { name: "organization_id", pg: "text" },
  { name: "tenant_id", pg: "text" },
  { name: "subscription_id", pg: "text" },
  { name: "from_month", pg: "text" },
  { name: "until_month", pg: "text" },
];

async function store(
  db: Kysely<DB>,
  c: Context,
  claim: ClaimsTable,
  state: ClaimState,
  results: Map<string, Assessment>,
  now: number,
) {
  const { eligibility, keys } = storedRows(c, claim, state, results, now);
  await db.deleteFrom("eligibility").where("claim_id", "=", claim.id).execute();
  await db.deleteFrom("earning_keys").where("claim_id", "=", claim.id).execute();
  if (eligibility.length) await db.insertInto("eligibility").values(eligibility).execute();
  if (keys.length) await db.insertInto("earning_keys").values(keys).execute();
}

export interface IncentiveChange {
  claim: ClaimsTable;
  before: ClaimState;
  after: ClaimState;
  now: number;
}

const sentToAssessment = (c: IncentiveChange) =>
  c.before.assessmentAt === null && c.after.assessmentAt !== null;
const withdrawnAfterAssessment = (c: IncentiveChange) =>
  c.before.withdrawnAt === null && c.after.withdrawnAt !== null && c.after.assessmentAt !== null;

/**
 * Called by the claim writer inside the change's transaction: assesses a claim that was just sent
 * to assessment, and stops the earnings of one withdrawn after it (our decision: no earnings after
 * the month of the withdrawal).
 */
export async function syncIncentives(
  db: Kysely<DB>,
  claim: ClaimsTable,
  before: ClaimState,
  after: ClaimState,
  now: number,
): Promise<void> {
  const change = { claim, before, after, now };
  if (sentToAssessment(change) && after.assessmentAt !== null) {
    const c = await loadContext(db);
    await store(db, c, claim, after, assessAll(c, claim, after.assessmentAt), now);
  }
  if (withdrawnAfterAssessment(change)) await stopEarnings(db, [change]);
}

/**
 * The same for a batch of claims (the sweeper: consent periods that pass together): the programmes
 * read once, and the rows of every claim sent to assessment written in a few set-based statements
 * instead of seven per claim.
 */
export async function syncIncentivesMany(
  db: Kysely<DB>,
  engine: Engine,
  changes: IncentiveChange[],
): Promise<void> {
  const assessed = changes.filter(sentToAssessment);
  if (assessed.length) {
    const c = await loadContext(db);
    const rows = assessed.map(({ claim, after, now }) =>
      storedRows(c, claim, after, assessAll(c, claim, after.assessmentAt ?? now), now),
    );
    const ids = assessed.map((a) => a.claim.id);
    await deleteWhereIn(db, engine, "eligibility", "claim_id", ids);
    await deleteWhereIn(db, engine, "earning_keys", "claim_id", ids);
    await insertRows(
      db,
      engine,
      "eligibility",
      ELIGIBILITY,
      rows.flatMap((r) => r.eligibility),
    );
    await insertRows(
      db,
      engine,
      "earning_keys",
      EARNING_KEYS,
      rows.flatMap((r) => r.keys),
    );
  }
  await stopEarnings(db, changes.filter(withdrawnAfterAssessment));
}

/** A withdrawal after assessment: earnings stop with the month of the withdrawal. */
async function stopEarnings(db: Kysely<DB>, withdrawn: IncentiveChange[]) {
  for (const { claim, after } of withdrawn) {
    if (after.withdrawnAt === null) continue;
    await db
      .updateTable("earning_keys")
      .set({ until_month: monthOf(after.withdrawnAt) })
      .where("claim_id", "=", claim.id)
      .execute();
  }
}

export interface EligibilityChange {
  claimId: string;
  claimNumber: string;
  program: string;
  before: { status: string; reasons: string[] } | null;
  after: { status: string; reasons: IneligibleReason[]; products: string[] };
}

/**
 * Assesses every assessed claim again against today's programmes; answers what would change (or
 * did, with `apply`). A claim keeps its own assessment date: a programme's dates are judged on it.
 */
export async function reassess(db: Kysely<DB>, apply: boolean, now: number): Promise<EligibilityChange[]> {
  const c = await loadContext(db);
  const rows = await db.selectFrom("eligibility").selectAll().execute();
  const current = new Map(rows.map((e) => [`${e.claim_id} ${e.program_code}`, e]));
  const ids = [...new Set(rows.map((e) => e.claim_id))];
  const changes: EligibilityChange[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const claims = await db
      .selectFrom("claims")
      .selectAll()
      .where("id", "in", ids.slice(i, i + 500))
      .execute();
    for (const claim of claims) {
      const state = JSON.parse(claim.state) as ClaimState;
      if (state.assessmentAt === null) continue;
      const results = assessAll(c, claim, state.assessmentAt);
      let changed = false;
      for (const [program, a] of results) {
        const was = current.get(`${claim.id} ${program}`);
        const same =
          was &&
          was.status === a.status &&
          was.reasons === JSON.stringify(a.reasons) &&
          was.products === JSON.stringify(a.products);
        if (same) continue;
        changed = true;
        changes.push({
          claimId: claim.id,
          claimNumber: claim.number,
          program,
          before: was ? { status: was.status, reasons: JSON.parse(was.reasons) as string[] } : null,
          after: { status: a.status, reasons: a.reasons, products: a.products },
        });
      }
      if (apply && changed) await store(db, c, claim, state, results, now);
    }
  }
  return changes;
}

/**
 * The claim resource's `eligibility`: one entry per programme. A claim whose consent period ended
 * a moment ago (fired in memory, not yet written by the sweeper) shows each programme pending.
 */
export async function eligibilityOf(db: Kysely<DB>, claimId: string) {
  const rows = await db
    .selectFrom("eligibility")
    .select(["program_code", "status", "reasons"])
    .where("claim_id", "=", claimId)
    .orderBy("program_code")
    .execute();
  if (rows.length)
    return rows.map((r) => ({
      program: r.program_code,
      status: r.status,
      reasons: JSON.parse(r.reasons) as string[],
    }));
  const programs = await db.selectFrom("programs").select("code").orderBy("code").execute();
  return programs.map((p) => ({ program: p.code, status: "pending", reasons: [] as string[] }));
}
