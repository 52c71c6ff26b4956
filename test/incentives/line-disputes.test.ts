// Closing the money loop (issue 11): the programme answers a partner's disputed payout line with
// a reply the partner reads (accepted with an amount, or rejected); approving or paying with open
// disputes needs an explicit acknowledgment (409 open_line_disputes lists them); earnings and
// statement lines name the customer; the earnings answer says which approved claims earn nothing
// yet and why. Over HTTP, on both engines.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, startTestServer, type TestServer } from "../http/http-support.ts";
import { type HttpWorld, httpWorld } from "../http/http-world.ts";
import { ENGINES } from "../support/engines.ts";
import { type MoneyWorld, moneyWorld } from "../support/money-world.ts";

interface LineJson {
  id: string;
  customerName: string;
  customerDomain: string;
  earningsMinor: number;
  calculatedMinor: number | null;
  dispute: null | { comment: string; status: string; reply: string | null; resolvedAt: string | null };
  abilities: { dispute: boolean; resolveDispute: boolean };
}
interface StatementJson {
  id: string;
  status: string;
  totalMinor: number;
  allowedActions: string[];
  lines: LineJson[];
}
interface EarningsJson {
  items: { claimNumber: string; customerName: string; customerDomain: string; tenantId: string }[];
  notEarningYet: {
    claimNumber: string;
    customer: { name: string; domain: string; tenantId: string };
    reason: string;
    until: string | null;
    ineligibleReasons: string[];
  }[];
}

describe.each(ENGINES)("payout line disputes and earnings on %s", (engine) => {
  let t: TestServer;
  let w: HttpWorld;
  let statementId = "";
  let lineId = "";
  let otherLineId = "";
  let numbers: MoneyWorld["numbers"];
  let consentEndsAt = "";

  beforeAll(async () => {
    t = await startTestServer(engine);
    w = await httpWorld(t);
    ({ numbers, consentEndsAt, statementId, lineId, otherLineId } = await moneyWorld(t, w));
  });
  afterAll(() => t.stop());

  const statement = async (c: Client) => (await c.get<StatementJson>(`/api/v1/payouts/${statementId}`)).body;
  const resolve = (c: Client, body: Record<string, unknown>, line = lineId) =>
    c.post<StatementJson & { code?: string; errors?: { field: string }[] }>(
      `/api/v1/payouts/${statementId}/lines/${line}/resolve-dispute`,
      body,
    );

  it("names the customer on earnings and statement lines", async () => {
    const earnings = (await w.a.billing.get<EarningsJson>("/api/v1/earnings?month=2030-04")).body;
    expect(earnings.items).toHaveLength(1);
    expect(earnings.items[0]).toMatchObject({ claimNumber: numbers.paid, customerName: "Contoso Pharma" });
    expect(earnings.items[0]?.customerDomain).toMatch(/\./);
    const line = (await statement(w.a.billing)).lines[0];
    expect(line).toMatchObject({ customerName: "Contoso Pharma", calculatedMinor: null, dispute: null });
  });

  it("lists approved claims that earn nothing yet: in consent (until when) and ineligible (why)", async () => {
    const { notEarningYet } = (await w.a.billing.get<EarningsJson>("/api/v1/earnings?month=2030-04")).body;
    expect(notEarningYet.map((n) => [n.claimNumber, n.reason]).sort()).toEqual(
      [
        [numbers.ineligible, "ineligible"],
        [numbers.waiting, "consent_period"],
      ].sort(),
    );
    const waiting = notEarningYet.find((n) => n.reason === "consent_period");
    expect(waiting?.customer.name).toBe("Tailspin Toys");
    // The last moment of the period, one millisecond before its (exclusive) end.
    expect(Date.parse(waiting?.until ?? "")).toBe(Date.parse(consentEndsAt) - 1);
    const ineligible = notEarningYet.find((n) => n.reason === "ineligible");
    expect(ineligible?.customer.name).toBe("Fabrikam Foods");
    expect(ineligible?.until).toBeNull();
    expect(ineligible?.ineligibleReasons).toContain("activity_not_incentivised");
    expect(ineligible?.ineligibleReasons).toContain("product_not_in_program");
    // Another organisation's claims are not listed; the programme sees both.
    const theirs = (await w.b.billing.get<EarningsJson>("/api/v1/earnings?month=2030-04")).body;
    expect(theirs.notEarningYet).toEqual([]);
    const all = (await t.admin.get<EarningsJson>("/api/v1/earnings?month=2030-04")).body;
    expect(all.notEarningYet).toHaveLength(2);
  });

  it("refuses to approve over an open dispute unless acknowledged, and lists the disputed lines", async () => {
    const flagged = await w.a.billing.post(`/api/v1/payouts/${statementId}/lines/${lineId}/dispute`, {
      comment: "Revenue is missing half of March",
    });
    expect(flagged.status).toBe(200);
    const seen = await statement(t.admin);
    expect(seen.allowedActions).toEqual(["approve", "resolve-line-dispute"]);
    expect(seen.lines[0]?.abilities).toEqual({ dispute: false, resolveDispute: true });
    expect((await statement(w.a.billing)).lines[0]?.abilities).toEqual({
      dispute: true,
      resolveDispute: false,
    });

    const refused = await t.admin.post<{ code: string; lines: Record<string, unknown>[] }>(
      `/api/v1/admin/payouts/${statementId}/approve`,
      {},
    );
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe("open_line_disputes");
    expect(refused.body.lines).toEqual([
      expect.objectContaining({
        id: lineId,
        claimNumber: numbers.paid,
        customerName: "Contoso Pharma",
        earningsMinor: 200,
        currency: "USD",
        comment: "Revenue is missing half of March",
      }),
    ]);
    expect((await statement(t.admin)).status).toBe("calculated");
    const approved = await t.admin.post<StatementJson>(`/api/v1/admin/payouts/${statementId}/approve`, {
      acknowledgeOpenDisputes: true,
    });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe("approved");
    // Paying is refused the same way.
    const pay = await t.admin.post<{ code: string }>(`/api/v1/admin/payouts/${statementId}/paid`, {});
    expect([pay.status, pay.body.code]).toEqual([409, "open_line_disputes"]);
  });

  it("lets only the programme resolve, and only lines of the statement named", async () => {
    const body = { outcome: "rejected", reply: "No" };
    for (const c of [w.a.billing, w.a.global, w.b.billing, w.reviewer])
      expect((await resolve(c, body)).status).toBe(403);
    expect((await resolve(t.admin, body, otherLineId)).status).toBe(404);
    expect((await resolve(t.admin, body, crypto.randomUUID())).status).toBe(404);
    const nowhere = await t.admin.post(
      `/api/v1/payouts/${crypto.randomUUID()}/lines/${lineId}/resolve-dispute`,
      body,
    );
    expect(nowhere.status).toBe(404);
    const fields = async (b: Record<string, unknown>) => {
      const r = await resolve(t.admin, b);
      expect(r.status).toBe(422);
      return r.body.errors?.map((e) => e.field);
    };
    expect(await fields({ outcome: "accepted", reply: "Yes" })).toEqual(["amountMinor"]);
    expect(await fields({ outcome: "rejected", reply: "No", amountMinor: 5 })).toEqual(["amountMinor"]);
    expect(await fields({ outcome: "rejected", reply: "   " })).toEqual(["reply"]);
    expect((await resolve(t.admin, { outcome: "rejected" })).status).toBe(422);
    // Nothing changed on the way.
    expect((await statement(t.admin)).lines[0]?.dispute?.status).toBe("open");
  });

  it("accepts with an amount: the partner reads the reply; an approved statement must be approved again", async () => {
    const accepted = await resolve(t.admin, {
      outcome: "accepted",
      reply: "Agreed: March is paid at 1.50",
      amountMinor: 150,
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      status: "calculated",
      totalMinor: 150,
      allowedActions: ["approve"],
    });
    const line = (await statement(w.a.billing)).lines[0];
    expect(line).toMatchObject({
      earningsMinor: 150,
      calculatedMinor: 200,
      dispute: {
        comment: "Revenue is missing half of March",
        status: "accepted",
        reply: "Agreed: March is paid at 1.50",
      },
      abilities: { dispute: true, resolveDispute: false },
    });
    expect(line?.dispute?.resolvedAt).toEqual(expect.any(String));
    // Answered once: a second answer is refused until the partner disputes again.
    expect((await resolve(t.admin, { outcome: "rejected", reply: "again" })).status).toBe(409);
  });

  it("reopens on a new flag; a rejection keeps the amount; a recalculation keeps the answer", async () => {
    await w.a.billing.post(`/api/v1/payouts/${statementId}/lines/${lineId}/dispute`, {
      comment: "Still short",
    });
    const reopened = (await statement(t.admin)).lines[0];
    expect(reopened?.dispute).toMatchObject({ status: "open", reply: null, comment: "Still short" });
    const rejected = await resolve(t.admin, { outcome: "rejected", reply: "The import is complete" });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: "calculated", totalMinor: 150 });
    await t.admin.post("/api/v1/admin/payouts/calculate", { month: "2030-04" });
    const again = (await w.a.billing.get<{ items: StatementJson[] }>("/api/v1/payouts?month=2030-04")).body
      .items[0];
    expect(again?.totalMinor).toBe(150);
    expect(again?.lines[0]).toMatchObject({
      earningsMinor: 150,
      calculatedMinor: 200,
      dispute: { status: "rejected", reply: "The import is complete" },
    });
    // No open dispute: approving and paying need no acknowledgment, even with no body at all.
    const approve = await t.admin.request<StatementJson>(
      "POST",
      `/api/v1/admin/payouts/${again?.id}/approve`,
    );
    expect([approve.status, approve.body.status]).toEqual([200, "approved"]);
    const pay = await t.admin.post<StatementJson>(`/api/v1/admin/payouts/${again?.id}/paid`, {});
    expect(pay.body.status).toBe("paid");
    expect(pay.body.lines[0]?.abilities).toEqual({ dispute: false, resolveDispute: false });
  });
});
