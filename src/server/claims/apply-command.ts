// Judge a command on a loaded claim and write the outcome, with the error precedence of API.md §1.1:
// 403, then 412 (stale If-Match), then 409, then business 422.
import type { Kysely } from "kysely";
import type { Command } from "../../domain/commands.ts";
import { type Refusal, RefusalError } from "../../domain/refusal.ts";
import { allowedActions, decide, type Outcome } from "../../domain/transitions.ts";
import type { AppContext } from "../context.ts";
import type { ClaimsTable, DB } from "../db/schema.ts";
import { actorOf, actorRef, type Principal } from "../principal.ts";
import type { LoadedClaim } from "./claim-loader.ts";
import { type Entry, writeClaim } from "./claim-writer.ts";
import type { Written } from "./written-view.ts";

export interface CommandOptions {
  ifMatch?: number;
  facts?: { approvedCompetitor?: boolean };
  /** Field columns that change with the command (edit). */
  fields?: Partial<ClaimsTable>;
  /** Extra entries written after the command's own (document added, comment added, edited). */
  entries?: Entry[];
  /** A refusal found by the caller that must yield to 403/412/409 from the table. */
  laterRefusal?: RefusalError;
}

export function judge(
  ctx: AppContext,
  principal: Principal,
  loaded: LoadedClaim,
  command: Command,
  opts: CommandOptions = {},
): Outcome {
  const decision = decide(loaded.state, command, actorOf(principal), {
    now: loaded.now,
    calendar: loaded.calendar,
    policy: ctx.policy,
    facts: opts.facts,
  });
  // Every refusal of an action names the state and what the caller may do in it (API.md §1.1).
  const context = {
    state: loaded.state.status,
    allowedActions: allowedActions(loaded.state, actorOf(principal)),
  };
  const refuse = (r: Refusal): never => {
    throw new RefusalError({ ...r, ...context } as Refusal);
  };
  if (!decision.ok && decision.refusal.code === "forbidden") refuse(decision.refusal);
  // A malformed If-Match arrives as NaN: it matches no version, judged here after 404 and 403.
  if (opts.ifMatch !== undefined && opts.ifMatch !== loaded.version) {
    refuse({
      code: "version_mismatch",
      detail: `the claim is at version ${loaded.version}, not ${Number.isNaN(opts.ifMatch) ? "the one in If-Match" : opts.ifMatch}`,
      currentVersion: loaded.version,
    });
  }
  if (!decision.ok) {
    if (decision.refusal.code === "validation_failed" && opts.laterRefusal) refuse(opts.laterRefusal.refusal);
    return refuse(decision.refusal);
  }
  if (opts.laterRefusal) refuse(opts.laterRefusal.refusal);
  return decision;
}

export async function applyCommand(
  ctx: AppContext,
  db: Kysely<DB>,
  principal: Principal,
  loaded: LoadedClaim,
  command: Command,
  opts: CommandOptions = {},
): Promise<Written> {
  const outcome = judge(ctx, principal, loaded, command, opts);
  const actor = actorRef(principal);
  const row = await writeClaim(db, {
    row: loaded.row,
    before: loaded.stored,
    after: outcome.state,
    entries: [...loaded.fired, ...outcome.events.map((event) => ({ event, actor })), ...(opts.entries ?? [])],
    now: loaded.now,
    fields: opts.fields,
    engine: ctx.db.engine,
  });
  return { row, state: outcome.state, now: loaded.now, calendar: loaded.calendar, engine: ctx.db.engine };
}
