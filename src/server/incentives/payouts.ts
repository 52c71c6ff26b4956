// Payout statements: per organisation, month and currency, the month's earning lines frozen with
// their total (the sum of the lines, never mixing currencies). calculated -> approved -> paid.
// Calculating a month again replaces its calculated statements and keeps approved and paid ones;
// a partner's dispute flag on a line, and the programme's answer to it (with an accepted line's
// adjusted amount), survive a recalculation. The store only: who may do what, and
// which moves the lifecycle allows, are the use cases' (./use-cases/) and the domain's (payouts.ts).
import type { Kysely } from "kysely";
import type { Db } from "../db/engine.ts";
import type { DB, PayoutLinesTable, PayoutStatementsTable, PayoutStatus } from "../db/schema.ts";
import { transact } from "../db/transact.ts";
import { newId } from "../ids.ts";
import { earningsOf } from "./earnings.ts";

/** A statement line with the customer its claim names (read from the claim, never copied). */
export type StatementLineRow = PayoutLinesTable & { customer_name: string; customer_domain: string };
export type Statement = PayoutStatementsTable & { lines: StatementLineRow[] };

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
          resolved_at: null as number | null,
          resolved_by: null as string | null,
          resolution_outcome: null as PayoutLinesTable["resolution_outcome"],
          resolution_reply: null as string | null,
          calculated_minor: null as number | null,
        };
        const d = disputes.get(lineKey(row));
        if (d) {
          Object.assign(row, {
            disputed_at: d.disputed_at,
            dispute_comment: d.dispute_comment,
            disputed_by: d.disputed_by,
            resolved_at: d.resolved_at,
            resolved_by: d.resolved_by,
            resolution_outcome: d.resolution_outcome,
            resolution_reply: d.resolution_reply,
          });
          // A person's accepted amount outlives the arithmetic; the new calculation is kept beside it.
          if (d.calculated_minor !== null)
            Object.assign(row, {
              calculated_minor: row.earnings_minor,
              earnings_minor: Number(d.earnings_minor),
            });
        }
        return row;
      });
      await trx
        .insertInto("payout_statements")
        .values({
          id,
          organization_id: first.organizationId,
          month,
          currency: first.currency,
          total_minor: rows.reduce((sum, l) => sum + l.earnings_minor, 0),
          status: "calculated",
          calculated_at: now,
        })
        .execute();
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

/** Statements of one organisation, or of all (null), newest month first. */
export async function listStatementRows(db: Kysely<DB>, organizationId: string | null, month?: string) {
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
): Promise<Map<string, StatementLineRow[]>> {
  const out = new Map<string, StatementLineRow[]>(statementIds.map((id) => [id, []]));
  if (statementIds.length === 0) return out;
  const lines = await db
    .selectFrom("payout_lines as l")
    .innerJoin("claims as c", "c.id", "l.claim_id")
    .selectAll("l")
    .select(["c.customer_name", "c.customer_domain"])
    .where("l.statement_id", "in", statementIds)
    .orderBy("l.claim_number")
    .orderBy("l.program_code")
    .orderBy("l.subscription_id")
    .orderBy("l.product")
    .execute();
  for (const l of lines) out.get(l.statement_id)?.push(l);
  return out;
}

/** One statement with its lines, whoever's it is: the caller's use case judges access. */
export async function findStatement(db: Kysely<DB>, id: string): Promise<Statement | undefined> {
  const s = await db.selectFrom("payout_statements").selectAll().where("id", "=", id).executeTakeFirst();
  if (!s) return undefined;
  return { ...s, lines: (await linesOf(db, [id])).get(id) ?? [] };
}

/** Moves a statement on, guarded on the state it was judged in; false when it changed meanwhile. */
export async function moveStatementRow(
  db: Kysely<DB>,
  id: string,
  from: PayoutStatus,
  to: PayoutStatus,
  now: number,
): Promise<boolean> {
  const res = await db
    .updateTable("payout_statements")
    .set(to === "approved" ? { status: to, approved_at: now } : { status: to, paid_at: now })
    .where("id", "=", id)
    .where("status", "=", from)
    .executeTakeFirst();
  return res.numUpdatedRows === 1n;
}

/** Flags a line; a flag on a resolved line opens the dispute again (the last answer is cleared). */
export async function flagLine(
  db: Kysely<DB>,
  lineId: string,
  dispute: { comment: string; userId: string; at: number },
): Promise<void> {
  await db
    .updateTable("payout_lines")
    .set({
      disputed_at: dispute.at,
      dispute_comment: dispute.comment,
      disputed_by: dispute.userId,
      ...REOPENED,
    })
    .where("id", "=", lineId)
    .execute();
}

export const REOPENED = {
  resolved_at: null,
  resolved_by: null,
  resolution_outcome: null,
  resolution_reply: null,
} as const;
