// Every index of the tables that grow with the claims earns its keep (issue 13 item 8): a tour of
// the product's real requests (lists with each filter, the queue, a claim with its thread, the
// registry, the service levels, a sweep, the notifier) runs on a real server on each engine while
// every statement the server sends is recorded; each statement is then explained on the same
// database, and every index must appear in at least one plan. An index no request uses fails this
// test by name: drop it (each costs a write per row and bytes per claim, see `npm run bench`) or
// name the request it is for. PostgreSQL is asked with sequential scans off, so that its plans on
// a small database show which index it can use, as it would on a large one.
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../http/http-support.ts";
import { type HttpWorld, httpWorld, pdfBytes } from "../http/http-world.ts";
import { ENGINES } from "../support/engines.ts";
import { recordStatements, type Statement } from "../support/statement-recorder.ts";

/** The tables that grow with the claims: each of their own indexes must serve some request. */
const GROWING = [
  "claims",
  "claim_products",
  "history",
  "deadlines",
  "outbox",
  "comments",
  "documents",
  "consent_requests",
  "customers",
  "mail_messages",
  "notifications",
];

describe.each(ENGINES)("index use on %s", (engine) => {
  let t: TestServer;
  let w: HttpWorld;
  const recorder = recordStatements();

  beforeAll(async () => {
    t = await startTestServer(engine);
    w = await httpWorld(t);
  }, 60_000);
  afterAll(async () => {
    recorder.stop();
    await t?.stop();
  });

  /** The explicit indexes (not primary keys or unique constraints) of the growing tables. */
  async function indexes(): Promise<string[]> {
    if (engine === "sqlite") {
      const db = new Database(t.db.url.slice("sqlite:".length), { readonly: true });
      try {
        const rows = db
          .prepare(
            `select name from sqlite_master where type = 'index' and sql is not null
             and tbl_name in (${GROWING.map(() => "?").join(", ")}) order by name`,
          )
          .all(...GROWING) as { name: string }[];
        return rows.map((r) => r.name);
      } finally {
        db.close();
      }
    }
    const client = new pg.Client({ connectionString: t.db.url });
    await client.connect();
    try {
      const r = await client.query<{ indexname: string }>(
        `select i.indexname from pg_indexes i
         where i.schemaname = current_schema() and i.tablename = any($1)
           and not exists (select 1 from pg_constraint c where c.conname = i.indexname)
         order by i.indexname`,
        [GROWING],
      );
      return r.rows.map((x) => x.indexname);
    } finally {
      await client.end();
    }
  }

  /** The indexes the engine's plans of these statements name. */
  async function usedBy(statements: Statement[]): Promise<Map<string, string>> {
    const used = new Map<string, string>();
    const note = (index: string, sql: string) => {
      if (!used.has(index)) used.set(index, sql);
    };
    const explainable = statements.filter((s) => /^\s*(with|select|update|delete)\b/i.test(s.sql));
    if (engine === "sqlite") {
      const db = new Database(t.db.url.slice("sqlite:".length), { readonly: true });
      try {
        for (const s of explainable) {
          let plan: { detail: string }[];
          try {
            plan = db.prepare(`explain query plan ${s.sql}`).all(...s.params) as { detail: string }[];
          } catch {
            continue; // a statement of a table this read-only look cannot see (none so far)
          }
          for (const step of plan)
            for (const m of step.detail.matchAll(/USING (?:COVERING )?INDEX (\w+)/g))
              if (m[1]) note(m[1], s.sql);
        }
      } finally {
        db.close();
      }
      return used;
    }
    const client = new pg.Client({ connectionString: t.db.url });
    await client.connect();
    try {
      await client.query("set enable_seqscan = off");
      for (const s of explainable) {
        let plan: pg.QueryResult<{ "QUERY PLAN": string }>;
        try {
          plan = await client.query<{ "QUERY PLAN": string }>(`explain ${s.sql}`, s.params);
        } catch {
          continue; // e.g. a statement whose parameter types only its own transaction could infer
        }
        for (const row of plan.rows)
          for (const m of row["QUERY PLAN"].matchAll(/(?:using|Bitmap Index Scan on) (\w+)/g))
            if (m[1]) note(m[1], s.sql);
      }
    } finally {
      await client.end();
    }
    return used;
  }

  it("every index of a growing table is named by the plan of a request the product makes", async () => {
    recorder.start(engine);
    const c = await w.customer();
    const body = (o: typeof w.a, cu: { tenantId: string; domain: string }) => w.claimBody(o, cu, ["teams"]);
    const made: string[] = [];
    for (let i = 0; i < 3; i++) {
      const created = await w.a.incentives.post<{ id: string }>(
        "/api/v1/claims",
        body(w.a, i === 0 ? c : await w.customer()),
      );
      expect(created.status).toBe(201);
      made.push(created.body.id);
      const up = await w.a.incentives.upload(created.body.id, pdfBytes(), "poe.pdf", "application/pdf");
      expect(up.status).toBe(201);
    }
    const [first, second, third] = made as [string, string, string];
    // A competing claim of the other organisation on the first one's key.
    const theirs = await w.b.incentives.post<{ id: string }>("/api/v1/claims", body(w.b, c));
    expect(theirs.status).toBe(201);
    const act = async (who: typeof w.reviewer, id: string, action: string, extra: object = {}) => {
      const r = await who.post(`/api/v1/claims/${id}/actions/${action}`, extra);
      expect(r.status, `${action} ${JSON.stringify(r.body)}`).toBe(200);
    };
    for (const id of made) await act(w.a.incentives, id, "submit");
    await act(w.reviewer, first, "start-review");
    await act(w.reviewer, second, "start-review");
    await act(w.reviewer, second, "request-information", {
      reasons: ["missing_products"],
      comment: "Please add the signed PoE.",
    });
    await act(w.reviewer, first, "approve");
    expect(
      (await w.a.incentives.post(`/api/v1/claims/${third}/comments`, { body: "Any news?" })).status,
    ).toBe(201);

    const reads = [
      [w.a.incentives, "/api/v1/claims"],
      [w.a.incentives, "/api/v1/claims?status=submitted"],
      [w.a.incentives, "/api/v1/claims?needsAction=true"],
      [w.a.incentives, "/api/v1/claims?sort=-createdAt"],
      [w.a.incentives, `/api/v1/claims?tenantId=${c.tenantId}`],
      [w.a.incentives, "/api/v1/claims/summary"],
      [w.reviewer, "/api/v1/claims"],
      [w.reviewer, "/api/v1/claims?status=under_review"],
      [w.reviewer, "/api/v1/claims?needsAction=true"],
      [w.reviewer, `/api/v1/claims?tenantId=${c.tenantId}`],
      [w.reviewer, "/api/v1/review/queue"],
      [w.reviewer, "/api/v1/review/metrics"],
      [w.reviewer, `/api/v1/claims/${first}`],
      [w.reviewer, `/api/v1/claims/${third}/comments`],
      [w.reviewer, `/api/v1/claims/${first}/history`],
      [w.reviewer, `/api/v1/claims/${first}/documents`],
      [t.admin, "/api/v1/admin/customers?q=Customer"],
      [w.a.incentives, `/api/v1/customers?domain=${c.domain}`],
    ] as const;
    for (const [who, path] of reads) expect((await who.get(path)).status, path).toBe(200);
    // A deadline falls due, and the sweeper fires it.
    expect((await t.admin.put("/api/v1/system/clock", { now: "2031-01-01T00:00:00.000Z" })).status).toBe(200);
    expect((await t.admin.post("/api/v1/system/sweep")).status).toBe(200);
    // The notifier turns the outbox into mail and notifications (the test drives it).
    await t.server.notifier.runOnce();
    expect((await w.a.incentives.get("/api/v1/notifications")).status).toBe(200);
    expect((await t.admin.get("/api/v1/admin/mail")).status).toBe(200);
    recorder.stop();

    const statements = recorder.statements();
    expect(statements.length).toBeGreaterThan(100);
    const used = await usedBy(statements);
    const all = await indexes();
    expect(all).toContain("claims_org_updated");
    const unused = all.filter((i) => !used.has(i));
    expect(unused, `indexes no request of the tour uses:\n${unused.join("\n")}`).toEqual([]);
    // The drafts' exclusion is written literally (migration 0020): a bound 'editing' against the
    // partial indexes' `status <> 'editing'` makes SQLite plan the statement again on every run.
    const bound = statements.filter(
      (s) => /"?status"?\s*(!=|<>)\s*(\?|\$\d+)/.test(s.sql) && s.params.includes("editing"),
    );
    expect(
      bound.map((s) => s.sql),
      "statements that bind 'editing' in a status inequality",
    ).toEqual([]);
    // And limits are literal (src/server/db/row-limit.ts): SQLite re-plans a bound LIMIT each run.
    const boundLimits = statements.filter((s) => /\blimit\s+(\?|\$\d+)/i.test(s.sql));
    expect(
      boundLimits.map((s) => s.sql),
      `statements with a bound LIMIT:\n${boundLimits.map((s) => s.sql).join("\n")}`,
    ).toEqual([]);
  }, 120_000);

  it("the recorder sees the statements and the plans name indexes (the check can fail)", async () => {
    recorder.start(engine);
    const tenantId = randomUUID();
    expect((await w.reviewer.get(`/api/v1/claims?tenantId=${tenantId}`)).status).toBe(200);
    recorder.stop();
    const mine = recorder.statements().filter((s) => s.params.includes(tenantId));
    expect(mine.length).toBeGreaterThan(0);
    expect([...(await usedBy(mine)).keys()]).toContain("claims_tenant");
  });
});
