// The floor of the sweeper: the same rows a sweep writes (each due claim's update, its history and
// outbox rows, its deadline index replaced), every row computed before the clock starts, written in
// transactions of one batch through bare prepared statements on a connection of its own. SQLite:
// one prepared single-row statement per table, run per row (the cheapest way better-sqlite3 has);
// PostgreSQL: one named statement per table per batch, its rows as arrays through unnest().
import Database from "better-sqlite3";
import pg from "pg";
import { pendingTimers, timerKey } from "../src/domain/timers.ts";
import { prepareClaim } from "../src/server/claims/claim-loader.ts";
import { historyRows, outboxRows } from "../src/server/claims/claim-writer.ts";
import { derivedColumns } from "../src/server/claims/derived-columns.ts";
import type { AppContext } from "../src/server/context.ts";
import type { Engine } from "../src/server/db/engine.ts";
import type { ClaimsTable } from "../src/server/db/schema.ts";

interface ClaimRows {
  id: string;
  revision: number;
  timers: number;
  /** The claim's columns that change (as the sweeper sets them), then their values. */
  claim: { columns: string[]; values: unknown[] };
  history: unknown[][];
  outbox: unknown[][];
  deadlines: unknown[][];
}

const CHANGEABLE = [
  "status",
  "state",
  "partner_action",
  "operator_action",
  "sla_due_at",
  "version",
  "revision",
  "history_seq",
  "history_hash",
  "updated_at",
] as const;

function changed(row: ClaimsTable, next: Pick<ClaimsTable, (typeof CHANGEABLE)[number]>) {
  const columns = CHANGEABLE.filter((c) => c === "revision" || row[c] !== next[c]);
  return { columns: [...columns], values: [...columns.map((c) => next[c]), row.id, row.revision] };
}
const PG_TYPES: Record<string, string> = {
  partner_action: "integer",
  operator_action: "integer",
  sla_due_at: "bigint",
  version: "integer",
  revision: "integer",
  history_seq: "integer",
  updated_at: "bigint",
};
const HISTORY_COLS = "claim_id, seq, at, actor_kind, actor_id, actor_name, event, data, prev_hash, hash";
const OUTBOX_COLS = "id, claim_id, topic, payload, created_at, available_at, attempts, sent_at, last_error";
const DEADLINE_COLS = "claim_id, timer, kind, warn, due_at";
const marks = (n: number) => Array.from({ length: n }, () => "?").join(", ");

/** The rows a sweep at the context's clock would write for these claims, computed in advance. */
export async function sweepRows(ctx: AppContext, ids: string[]): Promise<ClaimRows[]> {
  const out: ClaimRows[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await ctx.db.kysely
      .selectFrom("claims")
      .innerJoin("organizations", "organizations.id", "claims.organization_id")
      .selectAll("claims")
      .select("organizations.calendar_id")
      .where("claims.id", "in", ids.slice(i, i + 500))
      .execute();
    for (const row of rows) {
      const l = await prepareClaim(ctx, ctx.db.kysely, row);
      const h = historyRows(l.row, l.fired);
      const d = derivedColumns(l.state);
      const last = h.at(-1);
      out.push({
        id: row.id,
        revision: row.revision,
        timers: l.timersFired,
        claim: changed(row, {
          ...d,
          version: l.version,
          revision: row.revision + 1,
          history_seq: last?.seq ?? row.history_seq,
          history_hash: last?.hash ?? row.history_hash,
          updated_at: l.version !== row.version ? l.now : row.updated_at,
        }),
        history: h.map((r) => Object.values(r)),
        outbox: outboxRows(l.row, l.fired, l.now, l.state).map((r) => Object.values(r)),
        deadlines: pendingTimers(l.state).map((t) => [row.id, timerKey(t), t.kind, t.warn ? 1 : 0, t.at]),
      });
    }
  }
  return out;
}

function sqlite(url: string, claims: ClaimRows[], batch: number): number {
  const db = new Database(url.slice("sqlite:".length));
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("busy_timeout = 10000");
  const updates = new Map<string, Database.Statement>();
  const update = (c: ClaimRows["claim"]) => {
    const key = c.columns.join(",");
    let st = updates.get(key);
    if (!st) {
      const set = c.columns.map((n) => `${n} = ?`).join(", ");
      st = db.prepare(`update claims set ${set} where id = ? and revision = ?`);
      updates.set(key, st);
    }
    return st;
  };
  const history = db.prepare(`insert into history (${HISTORY_COLS}) values (${marks(10)})`);
  const outbox = db.prepare(`insert into outbox (${OUTBOX_COLS}) values (${marks(9)})`);
  const del = db.prepare("delete from deadlines where claim_id = ?");
  const deadline = db.prepare(`insert into deadlines (${DEADLINE_COLS}) values (${marks(5)})`);
  const t0 = performance.now();
  for (let i = 0; i < claims.length; i += batch) {
    db.transaction(() => {
      for (const c of claims.slice(i, i + batch)) {
        update(c.claim).run(c.claim.values);
        for (const r of c.history) history.run(r);
        for (const r of c.outbox) outbox.run(r);
        del.run(c.id);
        for (const r of c.deadlines) deadline.run(r);
      }
    }).immediate();
  }
  const ms = performance.now() - t0;
  db.close();
  return ms;
}

// PostgreSQL names statements in at most 63 characters: a shape's name is its number.
const shapeIds = new Map<string, number>();
const shapeNames = (key: string) => {
  if (!shapeIds.has(key)) shapeIds.set(key, shapeIds.size);
  return shapeIds.get(key);
};

const columns = (rows: unknown[][], width: number) =>
  Array.from({ length: width }, (_, i) => rows.map((r) => r[i] ?? null));

async function postgres(url: string, claims: ClaimRows[], batch: number): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const t0 = performance.now();
  for (let i = 0; i < claims.length; i += batch) {
    const part = claims.slice(i, i + batch);
    await client.query("begin");
    const shapes = new Map<string, ClaimRows["claim"][]>();
    for (const c of part)
      shapes.set(c.claim.columns.join(","), [...(shapes.get(c.claim.columns.join(",")) ?? []), c.claim]);
    for (const [key, rows] of shapes) {
      const cols = rows[0]?.columns ?? [];
      const types = [...cols.map((c) => PG_TYPES[c] ?? "text"), "text", "integer"];
      const names = [...cols, "id", "guard"];
      await client.query({
        name: `su${shapeNames(key)}`,
        text: `update claims set ${cols.map((c) => `${c} = v.${c}`).join(", ")}
          from unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(", ")}) as v(${names.join(", ")})
          where claims.id = v.id and claims.revision = v.guard`,
        values: columns(
          rows.map((r) => r.values),
          names.length,
        ),
      });
    }
    await client.query({
      name: "sh",
      text: `insert into history (${HISTORY_COLS}) select * from unnest($1::text[], $2::integer[],
        $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])`,
      values: columns(
        part.flatMap((c) => c.history),
        10,
      ),
    });
    await client.query({
      name: "so",
      text: `insert into outbox (${OUTBOX_COLS}) select * from unnest($1::text[], $2::text[], $3::text[],
        $4::text[], $5::bigint[], $6::bigint[], $7::integer[], $8::bigint[], $9::text[])`,
      values: columns(
        part.flatMap((c) => c.outbox),
        9,
      ),
    });
    await client.query({
      name: "sd",
      text: "delete from deadlines where claim_id = any($1::text[])",
      values: [part.map((c) => c.id)],
    });
    await client.query({
      name: "si",
      text: `insert into deadlines (${DEADLINE_COLS}) select * from unnest($1::text[], $2::text[],
        $3::text[], $4::integer[], $5::bigint[])`,
      values: columns(
        part.flatMap((c) => c.deadlines),
        5,
      ),
    });
    await client.query("commit");
  }
  const ms = performance.now() - t0;
  await client.end();
  return ms;
}

/** Timers fired per second by the floor: the rows written, timed alone. */
export async function sweepFloor(
  engine: Engine,
  url: string,
  claims: ClaimRows[],
  batch: number,
): Promise<number> {
  const ms = engine === "sqlite" ? sqlite(url, claims, batch) : await postgres(url, claims, batch);
  const timers = claims.reduce((n, c) => n + c.timers, 0);
  return timers / (ms / 1000);
}
