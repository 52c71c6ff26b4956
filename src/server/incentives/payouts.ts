// Payout statements: per organisation, month and currency, the month's earning lines frozen with
// their total (the sum of the lines, never mixing currencies). calculated -> approved -> paid.
// Calculating a month again replaces its calculated statements and keeps approved and paid ones;
// a partner's dispute flag on a line survives a recalculation.
import type { Kysely } from "kysely";
import { RefusalError } from "../../domain/refusal.ts";
import type { Db } from "../db/engine.ts";
import type { DB, PayoutLinesTable, PayoutStatementsTable, PayoutStatus } from "../db/schema.ts";
import { transact } from "../db/transact.ts";
import { HttpProblem } from "../http/problem.ts";
import { newId } from "../ids.ts";
import { earningsOf } from "./earnings.ts";

export type Statement = PayoutStatementsTable & { lines: PayoutLinesTable[] };

const lineKey = (l: Pick<PayoutLinesTable, "claim_id" | "program_code" | "subscription_id" | "product">) =>
  `${l.claim_id} ${l.program_code} ${l.subscription_id} ${l.product}`;

export async function calculatePayouts(
  db: Db,
  month: string,
  now: number,
): Promise<{ statements: number; lines: number; kept: number }> {
  return transact(db, async (trx) => {
    const lines = await earningsOf(trx, month, null);
    const existing = await trx
      .selectFrom("payout_statements")
      .selectAll()
      .where("month", "=", month)
      .execute();
    const frozen = new Set(
      existing.filter((s) => s.status !== "calculated").map((s) => `${s.organization_id} ${s.currency}`),
    );
    const replaced = existing.filter((s) => s.status === "calculated").map((s) => s.id);
    const disputes = new Map<string, PayoutLinesTable>();
    if (replaced.length) {
      const old = await trx
        .selectFrom("payout_lines")
        .selectAll()
        .where("statement_id", "in", replaced)
        .execute();
      for (const l of old) if (l.disputed_at !== null) disputes.set(lineKey(l), l);
      await trx.deleteFrom("payout_lines").where("statement_id", "in", replaced).execute();
      await trx.deleteFrom("payout_statements").where("id", "in", replaced).execute();
    }
    const groups = new Map<string, typeof lines>();
    for (const l of lines) {
      const key = `${l.organizationId} ${l.currency}`;
      if (frozen.has(key)) continue;
      const g = groups.get(key) ?? [];
      g.push(l);
      groups.set(key, g);
    }
    let count = 0;
    for (const g of groups.values()) {
      const first = g[0];
      if (!first) continue;
      const id = newId();
      await trx
        .insertInto("payout_statements")
        .values({
          id,
          organization_id: first.organizationId,
          month,
          currency: first.currency,
          total_minor: g.reduce((sum, l) => sum + l.earningsMinor, 0),
          status: "calculated",
          calculated_at: now,
        })
        .execute();
      const rows = g.map((l) => {
        const row = {
          id: newId(),
          statement_id: id,
          claim_id: l.claimId,
          claim_number: l.claimNumber,
          program_code: l.program,
          tenant_id: l.tenantId,
          subscription_id: l.subscriptionId,
          product: l.product,
          revenue_minor: l.revenueMinor,
          rate_bps: l.rateBps,
          flat_minor: l.flatMinor,
          earnings_minor: l.earningsMinor,
          disputed_at: null as number | null,
          dispute_comment: null as string | null,
          disputed_by: null as string | null,
        };
        const d = disputes.get(lineKey(row));
        if (d)
          Object.assign(row, {
            disputed_at: d.disputed_at,
            dispute_comment: d.dispute_comment,
            disputed_by: d.disputed_by,
          });
        return row;
      });
      for (let i = 0; i < rows.length; i += 500)
        await trx
          .insertInto("payout_lines")
          .values(rows.slice(i, i + 500))
          .execute();
      count += 1;
    }
    return {
      statements: count,
      lines: [...groups.values()].reduce((n, g) => n + g.length, 0),
      kept: frozen.size,
    };
  });
}

/** Statements the caller may see: an organisation's own, or all (null) for the program admin. */
export async function listPayouts(db: Kysely<DB>, organizationId: string | null, month?: string) {
  let q = db
    .selectFrom("payout_statements")
    .selectAll()
    .orderBy("month", "desc")
    .orderBy("organization_id")
    .orderBy("currency");
  if (organizationId !== null) q = q.where("organization_id", "=", organizationId);
  if (month) q = q.where("month", "=", month);
  return q.execute();
}

/** The lines of several statements in one query, by statement id. */
export async function linesOf(
  db: Kysely<DB>,
  statementIds: string[],
): Promise<Map<string, PayoutLinesTable[]>> {
  const out = new Map<string, PayoutLinesTable[]>(statementIds.map((id) => [id, []]));
  if (statementIds.length === 0) return out;
  const lines = await db
    .selectFrom("payout_lines")
    .selectAll()
    .where("statement_id", "in", statementIds)
    .orderBy("claim_number")
    .orderBy("program_code")
    .orderBy("subscription_id")
    .orderBy("product")
    .execute();
  for (const l of lines) out.get(l.statement_id)?.push(l);
  return out;
}

export async function getPayout(
  db: Kysely<DB>,
  organizationId: string | null,
  id: string,
): Promise<Statement> {
  const s = await db.selectFrom("payout_statements").selectAll().where("id", "=", id).executeTakeFirst();
  if (!s || (organizationId !== null && s.organization_id !== organizationId))
    throw new RefusalError({ code: "not_found", detail: `no payout statement ${id}` });
  return { ...s, lines: (await linesOf(db, [id])).get(id) ?? [] };
}

const NEXT: Record<"approve" | "paid", { from: PayoutStatus; to: PayoutStatus }> = {
  approve: { from: "calculated", to: "approved" },
  paid: { from: "approved", to: "paid" },
};

export async function movePayout(
  db: Kysely<DB>,
  id: string,
  step: "approve" | "paid",
  now: number,
): Promise<void> {
  const s = await getPayout(db, null, id);
  const { from, to } = NEXT[step];
  if (s.status !== from)
    throw new HttpProblem(
      409,
      "invalid_transition",
      `a ${s.status} statement cannot become ${to}; it must be ${from}`,
      {
        state: s.status,
      },
    );
  const res = await db
    .updateTable("payout_statements")
    .set(step === "approve" ? { status: to, approved_at: now } : { status: to, paid_at: now })
    .where("id", "=", id)
    .where("status", "=", from)
    .executeTakeFirst();
  if (res.numUpdatedRows !== 1n)
    throw new HttpProblem(409, "invalid_transition", "the statement changed meanwhile; reload it", {
      state: s.status,
    });
}

export async function disputeLine(
  db: Kysely<DB>,
  organizationId: string | null,
  statementId: string,
  lineId: string,
  comment: string,
  userId: string,
  now: number,
): Promise<PayoutLinesTable> {
  const s = await getPayout(db, organizationId, statementId);
  const line = s.lines.find((l) => l.id === lineId);
  if (!line) throw new RefusalError({ code: "not_found", detail: `no line ${lineId} on this statement` });
  if (s.status === "paid")
    throw new HttpProblem(409, "invalid_transition", "a paid statement's lines can no longer be disputed", {
      state: s.status,
    });
  await db
    .updateTable("payout_lines")
    .set({ disputed_at: now, dispute_comment: comment, disputed_by: userId })
    .where("id", "=", lineId)
    .execute();
  return { ...line, disputed_at: now, dispute_comment: comment, disputed_by: userId };
}
