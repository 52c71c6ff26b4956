// The benchmark's floors (issue 13): each route does the same database work as an API route with
// nothing else: fixed SQL sent straight to the driver (prepared once, no query building, no auth,
// no views), answered with JSON.stringify. Mounted only with CLAIMDESK_BENCH_ROUTES=1.
import { monitorEventLoopDelay } from "node:perf_hooks";
import { CompiledQuery } from "kysely";
import type { Db } from "../db/engine.ts";
import type { App } from "./types.ts";

const COLUMNS = `id, number, organization_id, partner_id, tenant_id, subscription_id, customer_domain,
  customer_name, activity, products, customer_contact, partner_contact, state, version, copied_from,
  created_at, updated_at`;
const plainJson = { serializerCompiler: () => (data: unknown) => JSON.stringify(data) };
const open = { auth: false } as const;

/** `?`s for SQLite, `$n` for PostgreSQL. */
const placeholders = (db: Db, text: string) => {
  let n = 0;
  return db.engine === "postgres" ? text.replace(/\?/g, () => `$${++n}`) : text;
};

export function benchFloorRoutes(app: App, db: Db): void {
  // The framework alone, and the framework plus one INSERT in a transaction.
  app.get("/bench/hello", { config: open, schema: { hide: true } }, async () => ({ hello: "world" }));
  let rows = 0;
  app.post("/bench/row", { config: open, schema: { hide: true } }, async () => {
    rows += 1;
    const key = `bench:${process.pid}:${rows}`;
    await db.kysely
      .transaction()
      .execute((trx) => trx.insertInto("settings").values({ key, value: "x" }).execute());
    return { key };
  });
  const q = (text: string, params: unknown[]) =>
    db.kysely.executeQuery<Record<string, unknown>>(CompiledQuery.raw(placeholders(db, text), params));
  const byId = `select ${COLUMNS} from claims where id = ?`;
  // The lists' default order and their page of 50 (+1 to know there is a next page).
  const partnerList = `select ${COLUMNS} from claims where organization_id = ? and status = ?
    order by updated_at desc, id desc limit 51`;
  const partnerDefault = `select ${COLUMNS} from claims where organization_id = ?
    order by updated_at desc, id desc limit 51`;
  // The operator never sees drafts: its lists exclude them as the API's do (list-claims.ts).
  const operatorList = `select ${COLUMNS} from claims where status <> 'editing' and status = ?
    order by updated_at desc, id desc limit 51`;
  const operatorDefault = `select ${COLUMNS} from claims where status <> 'editing'
    order by updated_at desc, id desc limit 51`;

  app.get<{ Params: { id: string } }>(
    "/bench/floor/claim/:id",
    { ...plainJson, config: open, schema: { hide: true } },
    async (req) => (await q(byId, [req.params.id])).rows[0] ?? null,
  );
  app.get<{ Querystring: { org?: string; status?: string } }>(
    "/bench/floor/list",
    { ...plainJson, config: open, schema: { hide: true } },
    async (req) => {
      const { org, status } = req.query;
      const r = org
        ? status
          ? await q(partnerList, [org, status])
          : await q(partnerDefault, [org])
        : status
          ? await q(operatorList, [status])
          : await q(operatorDefault, []);
      return { items: r.rows.slice(0, 50), nextCursor: r.rows.length > 50 ? "next" : null };
    },
  );
  // The rows a transition writes: the claim (guarded by its revision), a history row, an outbox row
  // (marked sent, so the notifier leaves it alone), and the deadline replaced.
  let n = 0;
  app.post<{ Params: { id: string } }>(
    "/bench/floor/transition/:id",
    { ...plainJson, config: open, schema: { hide: true } },
    async (req) => {
      const id = req.params.id;
      const now = Date.now();
      // Taken now: concurrent transactions interleave (PostgreSQL), each needs its own number.
      const k = ++n;
      return db.kysely.transaction().execute(async (trx) => {
        const t = (text: string, params: unknown[]) =>
          trx.executeQuery<Record<string, unknown>>(CompiledQuery.raw(placeholders(db, text), params));
        const updated = await t(
          `update claims set status = 'under_review', operator_action = 1, sla_due_at = ?,
            version = version + 1, revision = revision + 1, history_seq = history_seq + 1,
            history_hash = ?, updated_at = ? where id = ? returning history_seq`,
          [now + 432_000_000, `h${k}`, now, id],
        );
        const seq = Number(updated.rows[0]?.history_seq ?? 0);
        await t(
          `insert into history (claim_id, seq, at, actor_kind, actor_id, actor_name, event, data, prev_hash, hash)
            values (?, ?, ?, 'user', null, 'bench', 'review_started', '{}', ?, ?)`,
          [id, seq, now, `h${k - 1}`, `h${k}`],
        );
        await t(
          `insert into outbox (id, claim_id, topic, payload, created_at, available_at, attempts, sent_at, last_error)
            values (?, ?, 'claim.review_started', '{}', ?, ?, 0, ?, null)`,
          [`bench-${process.pid}-${k}`, id, now, now, now],
        );
        await t("delete from deadlines where claim_id = ? and timer = ?", [id, "review_sla"]);
        await t("insert into deadlines (claim_id, timer, kind, warn, due_at) values (?, ?, ?, 0, ?)", [
          id,
          "review_sla",
          "review_sla",
          now + 432_000_000,
        ]);
        return { id, seq };
      });
    },
  );

  // The server's own event-loop delay and memory, per measured route (reset between routes). The
  // 10 ms histogram is a timer of its own, 1 % of a core at idle: it starts with the first
  // /bench/stats, so that `npm run bench:start` measures the idle server, not this instrument.
  const delay = monitorEventLoopDelay({ resolution: 10 });
  app.get("/bench/stats", { config: open, schema: { hide: true } }, async () => {
    delay.enable();
    const out = {
      loopP50Ms: delay.percentile(50) / 1e6,
      loopP99Ms: delay.percentile(99) / 1e6,
      loopMaxMs: delay.max / 1e6,
      rssMiB: process.memoryUsage().rss / 2 ** 20,
    };
    delay.reset();
    return out;
  });
}
