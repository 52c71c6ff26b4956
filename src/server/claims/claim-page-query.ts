// One claim's page in one statement: the claim row with its organisation, and beside it, as JSON
// text from correlated sub-selects, its latest message, its documents' preflight rows and its
// eligibility, all from one snapshot. It was five statements: on PostgreSQL five round trips, and
// the server's CPU per GET fell from ~620 to ~360 µs with one (issue 13, ARCHITECTURE "Stop 23");
// on SQLite the reads alone went from 24 to 20 µs. The JSON is made by each engine's own
// functions, so the text differs per engine; both answer strings (PostgreSQL's json cast to
// text), parsed here the same way.
import { type RawBuilder, sql } from "kysely";
import { MESSAGE_EVENTS } from "../../domain/messages.ts";
import { compiledOnce } from "../db/compiled-query.ts";
import type { Engine } from "../db/engine.ts";
import type { Executor } from "../db/transact.ts";
import { VIEW_COLUMNS } from "./claim-view.ts";

const events = sql.join(MESSAGE_EVENTS.map((e) => sql.lit(e)));

interface JsonFunctions {
  /** A JSON array of the values. */
  array(values: RawBuilder<unknown>[]): RawBuilder<unknown>;
  /** A stored JSON text, embedded as JSON rather than as a string. */
  embed(column: string): RawBuilder<unknown>;
  /** The rows' arrays as one JSON array text, `[]` for none, in `order`. */
  aggregate(item: RawBuilder<unknown>, order: string): RawBuilder<unknown>;
  /** A JSON value as text (the driver hands text back untouched). */
  text(json: RawBuilder<unknown>): RawBuilder<unknown>;
}

const JSON_OF: Record<Engine, JsonFunctions> = {
  sqlite: {
    array: (values) => sql`json_array(${sql.join(values)})`,
    embed: (column) => sql`json(${sql.ref(column)})`,
    aggregate: (item, order) => sql`json_group_array(${item} order by ${sql.ref(order)})`,
    text: (json) => json,
  },
  postgres: {
    array: (values) => sql`json_build_array(${sql.join(values)})`,
    embed: (column) => sql`${sql.ref(column)}::json`,
    aggregate: (item, order) => sql`coalesce(json_agg(${item} order by ${sql.ref(order)}), '[]'::json)`,
    text: (json) => sql`${json}::text`,
  },
};

/** `[event, at, actor_kind, actor_name, data]` of the newest history entry that carries a message. */
export type MessageTuple = [string, number, string, string, Record<string, unknown>];
/** `[status, checks, unreadable_reason]` per document; nulls where the runner has not written. */
export type PreflightTuple = [string | null, string | null, string | null];
/** `[program_code, status, reasons]` per stored eligibility row, by programme. */
export type EligibilityTuple = [string, string, string[]];

function pageQuery(engine: Engine) {
  const j = JSON_OF[engine];
  const ref = (c: string) => sql.ref(c);
  return compiledOnce((db: Executor, id: string) =>
    db
      .selectFrom("claims")
      .innerJoin("organizations", "organizations.id", "claims.organization_id")
      .select(VIEW_COLUMNS)
      .select(["organizations.calendar_id", "organizations.name as organization_name", "claims.status"])
      .select(
        sql<string | null>`(select ${j.text(
          j.array([ref("h.event"), ref("h.at"), ref("h.actor_kind"), ref("h.actor_name"), j.embed("h.data")]),
        )} from history h where h.claim_id = claims.id and h.event in (${events})
          order by h.seq desc limit 1)`.as("latest_message"),
      )
      .select(
        sql<string>`(select ${j.text(
          j.aggregate(j.array([ref("p.status"), ref("p.checks"), ref("p.unreadable_reason")]), "d.id"),
        )} from documents d left join document_preflights p on p.document_id = d.id
          where d.claim_id = claims.id)`.as("preflights"),
      )
      .select(
        sql<string>`(select ${j.text(
          j.aggregate(
            j.array([ref("e.program_code"), ref("e.status"), j.embed("e.reasons")]),
            "e.program_code",
          ),
        )} from eligibility e where e.claim_id = claims.id)`.as("eligibility"),
      )
      .where("claims.id", "=", id),
  );
}

const QUERIES: Record<Engine, ReturnType<typeof pageQuery>> = {
  sqlite: pageQuery("sqlite"),
  postgres: pageQuery("postgres"),
};

export async function claimPageRow(db: Executor, engine: Engine, id: string) {
  const [row] = await QUERIES[engine](db, id);
  if (!row) return undefined;
  const { latest_message, preflights, eligibility, ...claim } = row;
  return {
    claim,
    latestMessage: latest_message === null ? null : (JSON.parse(latest_message) as MessageTuple),
    preflights: JSON.parse(preflights) as PreflightTuple[],
    eligibility: JSON.parse(eligibility) as EligibilityTuple[],
  };
}
