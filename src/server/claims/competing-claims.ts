// Other organisations' claims on the same association keys: the operator's side-by-side view of
// who else claims this customer's products. For a whole page of claims in two statements (the
// holders with their organisation, then their first submission), never one query per claim.
// A partner's unsubmitted draft is left out: to the operator it does not exist (RULES.md §1).
import { sql } from "kysely";
import type { Status } from "../../domain/vocabulary.ts";
import { compiledPerEngine } from "../db/compiled-query.ts";
import type { Engine } from "../db/engine.ts";
import type { Executor } from "../db/transact.ts";

export interface CompetingClaim {
  id: string;
  number: string;
  organizationId: string;
  organizationName: string;
  products: string[];
  status: Status;
  createdAt: string;
  /** The first submission; null if the history holds none (a claim always has one once past Editing). */
  submittedAt: string | null;
}

const iso = (t: number): string => new Date(t).toISOString();

const holders = (db: Executor, ids: string[]) =>
  db
    .selectFrom("claim_products as mine")
    .innerJoin("claim_products as other", (j) =>
      j
        .onRef("other.association_key", "=", "mine.association_key")
        .onRef("other.claim_id", "!=", "mine.claim_id"),
    )
    .innerJoin("claims", "claims.id", "other.claim_id")
    .innerJoin("organizations", "organizations.id", "claims.organization_id")
    .select([
      "mine.claim_id as mine",
      "claims.id",
      "claims.number",
      "claims.organization_id",
      "organizations.name as organization_name",
      "claims.products",
      "claims.status",
      "claims.created_at",
    ])
    .where("mine.claim_id", "in", ids)
    // A literal: bound, it would match the partial indexes' predicate (migration 0020) and make
    // SQLite re-plan the statement on every run (the bound value decides whether they apply).
    .where("claims.status", "<>", sql.lit("editing"))
    .orderBy("claims.created_at")
    .orderBy("claims.id");
// One claim's (GET, the answer to an action): the text compiled once, not built per request.
const holdersOfOne = compiledPerEngine((db, id: string) => holders(db, [id]));

export async function competingClaimsOf(
  db: Executor,
  engine: Engine,
  claims: { id: string; organization_id: string }[],
): Promise<Map<string, CompetingClaim[]>> {
  const out = new Map<string, CompetingClaim[]>(claims.map((c) => [c.id, []]));
  const [only] = claims;
  if (!only) return out;
  const rows =
    claims.length === 1
      ? await holdersOfOne(engine, db, only.id)
      : await holders(
          db,
          claims.map((c) => c.id),
        ).execute();
  const orgOf = new Map(claims.map((c) => [c.id, c.organization_id]));
  const kept = rows.filter((h) => h.organization_id !== orgOf.get(h.mine));
  const submitted = await firstSubmissions(db, [...new Set(kept.map((h) => h.id))]);
  for (const h of kept) {
    const list = out.get(h.mine);
    if (!list || list.some((c) => c.id === h.id)) continue;
    const at = submitted.get(h.id);
    list.push({
      id: h.id,
      number: h.number,
      organizationId: h.organization_id,
      organizationName: h.organization_name,
      products: JSON.parse(h.products) as string[],
      status: h.status as Status,
      createdAt: iso(h.created_at),
      submittedAt: at === undefined ? null : iso(at),
    });
  }
  return out;
}

async function firstSubmissions(db: Executor, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("history")
    .select(["claim_id", (eb) => eb.fn.min("at").as("at")])
    .where("claim_id", "in", ids)
    .where("event", "=", "submitted")
    .groupBy("claim_id")
    .execute();
  return new Map(rows.map((r) => [r.claim_id, Number(r.at)]));
}
