// The floor of a transition: one bare transaction per claim writing the rows a start-review writes
// (the guarded claim update, a history row, an outbox row, the deadline changes), every value known
// in advance, through the driver's own prepared statements on a connection of its own. What a
// transition costs beyond this is the product's work: the read, the rules, the query building.
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import type { Engine } from "../src/server/db/engine.ts";

export interface FloorClaim {
  id: string;
  revision: number;
  seq: number;
}

export interface FloorRows {
  at: number;
  state: string;
  status: string;
  slaDueAt: number | null;
  oldTimers: string[];
  newTimers: { timer: string; kind: string; warn: number; due_at: number }[];
}

export interface BareConnection {
  run(claims: FloorClaim[], rows: FloorRows): Promise<void>;
  close(): Promise<void>;
}

const HASH = "f".repeat(64);
const PAYLOAD = JSON.stringify({ claimId: "x".repeat(36), number: "CA-2026-000001", status: "under_review" });

const UPDATE = (p: (n: number) => string) =>
  `update claims set status = ${p(1)}, state = ${p(2)}, sla_due_at = ${p(3)}, version = version + 1,
   revision = revision + 1, history_seq = ${p(4)}, history_hash = ${p(5)}, updated_at = ${p(6)}
   where id = ${p(7)} and revision = ${p(8)}`;
const HISTORY = (p: (n: number) => string) =>
  `insert into history (claim_id, seq, at, actor_kind, actor_id, actor_name, event, data, prev_hash, hash)
   values (${p(1)}, ${p(2)}, ${p(3)}, 'user', 'bench', 'Bench reviewer', 'review_started', '{}', ${p(4)}, ${p(5)})`;
const OUTBOX = (p: (n: number) => string) =>
  `insert into outbox (id, claim_id, topic, payload, created_at, available_at, attempts, sent_at, last_error)
   values (${p(1)}, ${p(2)}, 'review_started', ${p(3)}, ${p(4)}, ${p(5)}, 0, null, null)`;
const DELETE = (p: (n: number) => string) =>
  `delete from deadlines where claim_id = ${p(1)} and timer = ${p(2)}`;
const DEADLINE = (p: (n: number) => string) =>
  `insert into deadlines (claim_id, timer, kind, warn, due_at) values (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)})`;

function sqlite(url: string): BareConnection {
  const db = new Database(url.slice("sqlite:".length));
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("cache_size = -65536");
  db.pragma("busy_timeout = 10000");
  const q = () => "?";
  const begin = db.prepare("begin immediate");
  const commit = db.prepare("commit");
  const update = db.prepare(UPDATE(q));
  const history = db.prepare(HISTORY(q));
  const outbox = db.prepare(OUTBOX(q));
  const del = db.prepare(DELETE(q));
  const deadline = db.prepare(DEADLINE(q));
  return {
    async run(claims, r) {
      let i = 0;
      for (const c of claims) {
        begin.run();
        update.run(r.status, r.state, r.slaDueAt, c.seq, HASH, r.at, c.id, c.revision);
        history.run(c.id, c.seq, r.at, "0".repeat(64), HASH);
        outbox.run(randomUUID(), c.id, PAYLOAD, r.at, r.at);
        for (const t of r.oldTimers) del.run(c.id, t);
        for (const t of r.newTimers) deadline.run(c.id, t.timer, t.kind, t.warn, t.due_at);
        commit.run();
        // Like the server's event loop between requests.
        if (++i % 64 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
    },
    close: async () => {
      db.close();
    },
  };
}

async function postgres(url: string): Promise<BareConnection> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const q = (n: number) => `$${n}`;
  // Named queries: parsed and planned once per connection, then only bound and executed.
  const run = (name: string, text: string, values: unknown[]) => client.query({ name, text, values });
  return {
    async run(claims, r) {
      for (const c of claims) {
        await client.query("begin");
        await run("u", UPDATE(q), [r.status, r.state, r.slaDueAt, c.seq, HASH, r.at, c.id, c.revision]);
        await run("h", HISTORY(q), [c.id, c.seq, r.at, "0".repeat(64), HASH]);
        await run("o", OUTBOX(q), [randomUUID(), c.id, PAYLOAD, r.at, r.at]);
        for (const t of r.oldTimers) await run("d", DELETE(q), [c.id, t]);
        for (const t of r.newTimers) await run("i", DEADLINE(q), [c.id, t.timer, t.kind, t.warn, t.due_at]);
        await client.query("commit");
      }
    },
    close: () => client.end(),
  };
}

export async function bareConnection(engine: Engine, url: string): Promise<BareConnection> {
  return engine === "sqlite" ? sqlite(url) : postgres(url);
}
