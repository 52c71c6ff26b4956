// The payout world both money suites read (over HTTP: test/incentives/line-disputes.test.ts; in the
// browser: test/browser/money.test.ts), built through the API: organisation a has a claim that earns
// in MONEY_MONTH, an ineligible one and one still in its consent period; organisation b one that
// earns, so that a's statement can be told from another organisation's. Both enrolled in OSU.
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import type { Client, TestServer } from "../http/http-support.ts";
import { type HttpOrg, type HttpWorld, pdfBytes } from "../http/http-world.ts";

export const MONEY_MONTH = "2030-04";

export interface MoneyWorld {
  numbers: { paid: string; ineligible: string; waiting: string };
  /** The end of the waiting claim's consent period. */
  consentEndsAt: string;
  /** Organisation a's statement of MONEY_MONTH and its one line. */
  statementId: string;
  lineId: string;
  /** The line of organisation b's statement. */
  otherLineId: string;
}

/** A claim of `org` for a new customer called `name`, taken to approved; its number and consent end. */
async function approved(w: HttpWorld, org: HttpOrg, name: string, overrides: Record<string, unknown> = {}) {
  const c = await w.customer();
  const body = { ...w.claimBody(org, c), ...overrides };
  body.customer = { tenantId: c.tenantId, domain: c.domain, name };
  const created = await org.incentives.post<{ id: string; number: string }>("/api/v1/claims", body);
  expect(created.status).toBe(201);
  const id = created.body.id;
  await org.incentives.upload(id, pdfBytes(), "poe.pdf", "application/pdf");
  const act = (client: Client, action: string) => client.post(`/api/v1/claims/${id}/actions/${action}`, {});
  expect((await act(org.incentives, "submit")).status).toBe(200);
  expect((await act(w.reviewer, "start-review")).status).toBe(200);
  const done = await w.reviewer.post<{ consent: { endsAt: string } }>(
    `/api/v1/claims/${id}/actions/approve`,
    {},
  );
  expect(done.status).toBe(200);
  return { number: created.body.number, tenantId: c.tenantId, endsAt: done.body.consent.endsAt };
}

/** `org`'s statement of MONEY_MONTH: its id and its first line's (empty when there is none). */
async function statementOf(org: HttpOrg): Promise<{ id: string; lineId: string }> {
  const list = await org.billing.get<{ items: { id: string; lines: { id: string }[] }[] }>(
    `/api/v1/payouts?month=${MONEY_MONTH}`,
  );
  const statement = list.body.items[0];
  return { id: statement?.id ?? "", lineId: statement?.lines[0]?.id ?? "" };
}

export async function moneyWorld(t: TestServer, w: HttpWorld): Promise<MoneyWorld> {
  for (const org of [w.a, w.b])
    expect(
      (await t.admin.post("/api/v1/admin/programs/OSU/enrollments", { organizationId: org.id })).status,
    ).toBe(200);
  await t.admin.put("/api/v1/system/clock", { now: "2030-03-04T09:00:00.000Z" });
  const paid = await approved(w, w.a, "Contoso Pharma");
  // pre_sales is not what OSU pays for, and teams is not an OSA product: ineligible everywhere.
  const ineligible = await approved(w, w.a, "Fabrikam Foods", { activity: "pre_sales" });
  const other = await approved(w, w.b, "Northwind Traders");
  await t.admin.put("/api/v1/system/clock", { now: paid.endsAt });
  await t.admin.post("/api/v1/system/sweep");
  // Approved after the others' consent ended: still in its consent period.
  const waiting = await approved(w, w.a, "Tailspin Toys");
  const csv = [
    "tenantId,subscriptionId,product,month,amount,currency",
    `${paid.tenantId},${randomUUID()},teams,${MONEY_MONTH},40.00,USD`,
    `${other.tenantId},${randomUUID()},teams,${MONEY_MONTH},10.00,USD`,
  ].join("\n");
  const form = new FormData();
  form.append("file", new Blob([`${csv}\n`], { type: "text/csv" }), "revenue.csv");
  const imported = await t.admin.request<{ imported: boolean }>(
    "POST",
    "/api/v1/admin/revenue/imports?dryRun=false",
    form,
  );
  expect(imported.body.imported).toBe(true);
  const mine = await statementOf(w.a);
  const theirs = await statementOf(w.b);
  expect([mine.id, mine.lineId, theirs.lineId].every(Boolean)).toBe(true);
  return {
    numbers: { paid: paid.number, ineligible: ineligible.number, waiting: waiting.number },
    consentEndsAt: waiting.endsAt,
    statementId: mine.id,
    lineId: mine.lineId,
    otherLineId: theirs.lineId,
  };
}
