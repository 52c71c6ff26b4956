// Reading a claim for an action: lock it (PostgreSQL), check the caller may see it, and fire its
// due deadlines first so the action is judged on the state it has now (RULES.md §4).
import type { Kysely } from "kysely";
import type { BusinessCalendar } from "../../domain/calendar.ts";
import type { ClaimState } from "../../domain/claim-state.ts";
import { mayViewClaimIn } from "../../domain/policies/claims.ts";
import { notFound } from "../../domain/refusal.ts";
import { visibleChange } from "../../domain/sla.ts";
import { fireDue } from "../../domain/timers.ts";
import type { AppContext } from "../context.ts";
import { compiledForDatabase } from "../db/compiled-query.ts";
import type { ClaimsTable, DB } from "../db/schema.ts";
import { actorRef, type Principal, SYSTEM } from "../principal.ts";
import type { Entry } from "./claim-writer.ts";

export interface LoadedClaim {
  row: ClaimsTable;
  /** The state as stored. */
  stored: ClaimState;
  /** The state after firing what was due: what the action is judged on. */
  state: ClaimState;
  /** History entries of those firings (actor: system). */
  fired: Entry[];
  /** How many timers fired. */
  timersFired: number;
  calendar: BusinessCalendar;
  /** The version the claim has once the firings are written. */
  version: number;
  now: number;
}

type Lock = "none" | "update" | "skip_locked";

const claimRow = (db: Kysely<DB>, id: string) =>
  db
    .selectFrom("claims")
    .innerJoin("organizations", "organizations.id", "claims.organization_id")
    .selectAll("claims")
    .select("organizations.calendar_id")
    .where("claims.id", "=", id);
// Every action reads its claim first: each lock's text is built once per database, not per action.
const claimRows: Record<Lock, ReturnType<typeof compiledForDatabase<[string], ClaimRowWithCalendar>>> = {
  none: compiledForDatabase(claimRow),
  update: compiledForDatabase((db, id: string) => claimRow(db, id).forUpdate("claims")),
  skip_locked: compiledForDatabase((db, id: string) => claimRow(db, id).forUpdate("claims").skipLocked()),
};
type ClaimRowWithCalendar = ClaimsTable & { calendar_id: string | null };

export async function selectClaim(
  ctx: AppContext,
  db: Kysely<DB>,
  id: string,
  lock: Lock = "none",
): Promise<ClaimRowWithCalendar | undefined> {
  // Row locks are PostgreSQL's; SQLite's writer holds the whole database already.
  const mode: Lock = ctx.db.engine === "postgres" ? lock : "none";
  const [row] = await claimRows[mode](ctx.db.kysely, db, id);
  return row;
}

export async function prepareClaim(
  ctx: AppContext,
  db: Kysely<DB>,
  row: ClaimsTable & { calendar_id: string | null },
): Promise<LoadedClaim> {
  const now = ctx.clock.now();
  const calendar = await ctx.calendars.get(db, row.calendar_id);
  const stored = JSON.parse(row.state) as ClaimState;
  const firing = fireDue(stored, now, { calendar, policy: ctx.policy });
  const system = actorRef(SYSTEM);
  const { calendar_id: _c, ...claim } = row;
  return {
    row: claim,
    stored,
    state: firing.state,
    fired: firing.events.map((event) => ({ event, actor: system })),
    timersFired: firing.fired.length,
    calendar,
    version: row.version + (visibleChange(stored, firing.state) ? 1 : 0),
    now,
  };
}

/**
 * Loads a claim for the caller, locked for the rest of the transaction; 404 if absent, foreign, or a
 * draft the caller may not see (the operator): an action or comment cannot reach what a read hides.
 */
export async function loadClaim(
  ctx: AppContext,
  db: Kysely<DB>,
  principal: Principal,
  id: string,
): Promise<LoadedClaim> {
  const row = await selectClaim(ctx, db, id, "update");
  if (!row || !mayViewClaimIn(principal, row.organization_id, row.status)) throw notFound(`no claim ${id}`);
  return prepareClaim(ctx, db, row);
}

/** A claim the caller may see, read without a lock (documents, comments, history); 404 otherwise. */
export async function visibleClaim(
  ctx: AppContext,
  principal: Principal,
  id: string,
): Promise<ClaimsTable & { calendar_id: string | null }> {
  const row = await selectClaim(ctx, ctx.db.kysely, id);
  if (!row || !mayViewClaimIn(principal, row.organization_id, row.status)) throw notFound(`no claim ${id}`);
  return row;
}
