// Incentives over HTTP on both engines (RULES.md §12): a claim whose consent period passes
// is assessed against every programme, with every ineligibility reason; a revenue import is
// validated row by row and replaces its months; earnings and payout statements reconcile with the
// imported revenue they rest on; and who sees what.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { earningsMinor } from "../../src/domain/incentives.ts";
import { type Client, startTestServer, type TestServer } from "../http/http-support.ts";
import { type HttpOrg, type HttpWorld, httpWorld, pdfBytes } from "../http/http-world.ts";
import { ENGINES } from "../support/engines.ts";

interface Eligibility {
  program: string;
  status: string;
  reasons: string[];
}
interface ClaimJson {
  id: string;
  number: string;
  status: string;
  consent: { status: string; endsAt: string } | null;
  eligibility: Eligibility[] | null;
}
interface ImportJson {
  rows: number;
  months: string[];
  errors: { line: number; column: string; reason: string }[];
  errorCount: number;
  imported: boolean;
}
interface LineJson {
  id: string;
  claimNumber: string;
  tenantId: string;
  subscriptionId: string;
  product: string;
  program: string;
  revenueMinor: number;
  earningsMinor: number;
  dispute: { comment: string } | null;
}
interface StatementJson {
  id: string;
  organizationId: string;
  month: string;
  currency: string;
  totalMinor: number;
  status: string;
  lines: LineJson[];
}

const HEADER = "tenantId,subscriptionId,product,month,amount,currency";

describe.each(ENGINES)("incentives on %s", (engine) => {
  let t: TestServer;
  let w: HttpWorld;
  // Claims by what they should come to.
  let osuA: { id: string; number: string; tenantId: string };
  let osaA: { id: string; number: string; tenantId: string; subscriptionId: string };
  let notIncentivised: { id: string };
  let notEnrolled: { id: string; tenantId: string };

  beforeAll(async () => {
    t = await startTestServer(engine);
    w = await httpWorld(t);
    for (const program of ["OSU", "OSA"]) {
      const r = await t.admin.post(`/api/v1/admin/programs/${program}/enrollments`, {
        organizationId: w.a.id,
      });
      expect(r.status).toBe(200);
    }
    await t.admin.put("/api/v1/system/clock", { now: "2030-03-04T09:00:00.000Z" });
  });
  afterAll(() => t.stop());

  const act = (c: Client, id: string, action: string, body: unknown = {}) =>
    c.post<ClaimJson>(`/api/v1/claims/${id}/actions/${action}`, body);

  async function customer(product = "d365_sales") {
    const tenantId = randomUUID();
    const subscriptionId = randomUUID();
    const domain = `c${tenantId.slice(0, 8)}.example.com`;
    const r = await t.admin.post("/api/v1/admin/customers", {
      tenantId,
      domain,
      name: "Customer Ltd",
      subscriptions: [{ id: subscriptionId, product, status: "active" }],
    });
    expect(r.status).toBe(201);
    return { tenantId, domain, subscriptionId };
  }

  /** A claim approved by the reviewer; its consent period still runs. */
  async function approved(org: HttpOrg, activity: string, products: string[], subscription = false) {
    const c = await customer();
    const body = {
      ...w.claimBody(org, c, products),
      activity,
      customer: {
        tenantId: c.tenantId,
        domain: c.domain,
        name: "Customer Ltd",
        subscriptionId: subscription ? c.subscriptionId : null,
      },
    };
    const created = await org.incentives.post<ClaimJson>("/api/v1/claims", body);
    expect(created.status).toBe(201);
    await org.incentives.upload(created.body.id, pdfBytes(), "poe.pdf", "application/pdf");
    expect((await act(org.incentives, created.body.id, "submit")).status).toBe(200);
    expect((await act(w.reviewer, created.body.id, "start-review")).status).toBe(200);
    const ok = await act(w.reviewer, created.body.id, "approve");
    expect(ok.status).toBe(200);
    return { ...ok.body, tenantId: c.tenantId, subscriptionId: c.subscriptionId };
  }

  async function passConsent(endsAt: string) {
    expect((await t.admin.put("/api/v1/system/clock", { now: endsAt })).status).toBe(200);
    await t.admin.post("/api/v1/system/sweep");
  }

  const claim = async (id: string) => (await t.admin.get<ClaimJson>(`/api/v1/claims/${id}`)).body;
  const of = (c: ClaimJson, program: string) => c.eligibility?.find((e) => e.program === program);

  it("seeds the OSU and OSA programmes", async () => {
    const r = await w.a.billing.get<{
      items: { code: string; products: { code: string; rateBps: number | null }[] }[];
    }>("/api/v1/programs");
    expect(r.body.items.map((p) => p.code)).toEqual(["OSA", "OSU"]);
    expect(r.body.items.find((p) => p.code === "OSU")?.products).toContainEqual(
      expect.objectContaining({ code: "teams", rateBps: 500 }),
    );
  });

  it("assesses a claim against every programme when its consent period passes, with every reason", async () => {
    const a1 = await approved(w.a, "deployment", ["teams"]);
    const a2 = await approved(w.a, "revenue_association", ["teams"]);
    const a3 = await approved(w.a, "pre_sales", ["d365_sales"], true);
    const b1 = await approved(w.b, "deployment", ["teams"]);
    expect(a1.eligibility).toBeNull();
    // Past the end but not yet swept: judged as of now, each programme shows pending.
    await t.admin.put("/api/v1/system/clock", { now: b1.consent?.endsAt ?? "" });
    expect((await claim(a1.id)).eligibility).toEqual([
      { program: "OSA", status: "pending", reasons: [] },
      { program: "OSU", status: "pending", reasons: [] },
    ]);
    await passConsent(b1.consent?.endsAt ?? "");

    const c1 = await claim(a1.id);
    expect(of(c1, "OSU")).toEqual({ program: "OSU", status: "eligible", reasons: [] });
    expect(of(c1, "OSA")).toEqual({
      program: "OSA",
      status: "ineligible",
      reasons: ["product_not_in_program", "activity_not_incentivised"],
    });
    expect(of(await claim(a2.id), "OSU")).toMatchObject({
      status: "ineligible",
      reasons: ["activity_not_incentivised"],
    });
    expect(of(await claim(a3.id), "OSA")).toMatchObject({ status: "eligible", reasons: [] });
    expect(of(await claim(b1.id), "OSU")).toMatchObject({
      status: "ineligible",
      reasons: ["organization_not_enrolled"],
    });
    // The partner's incentives admin sees eligibility on its claims.
    const seen = await w.a.incentives.get<ClaimJson>(`/api/v1/claims/${a1.id}`);
    expect(of(seen.body, "OSU")?.status).toBe("eligible");

    osuA = { id: a1.id, number: a1.number, tenantId: a1.tenantId };
    osaA = { id: a3.id, number: a3.number, tenantId: a3.tenantId, subscriptionId: a3.subscriptionId };
    notIncentivised = { id: a2.id };
    notEnrolled = { id: b1.id, tenantId: b1.tenantId };
  });

  it("previews a re-assessment after a programme change, then applies it", async () => {
    const patched = await t.admin.patch("/api/v1/admin/programs/OSA", { startsOn: "2031-01-01" });
    expect(patched.status).toBe(200);
    const preview = await t.admin.post<{
      dryRun: boolean;
      changes: { claimId: string; program: string; after: Eligibility }[];
    }>("/api/v1/admin/eligibility/reassess?dryRun=true", {});
    expect(preview.body.dryRun).toBe(true);
    const change = preview.body.changes.find((c) => c.claimId === osaA.id && c.program === "OSA");
    expect(change?.after).toMatchObject({ status: "ineligible", reasons: ["program_not_active"] });
    // A preview changes nothing.
    expect(of(await claim(osaA.id), "OSA")?.status).toBe("eligible");
    await t.admin.post("/api/v1/admin/eligibility/reassess?dryRun=false", {});
    expect(of(await claim(osaA.id), "OSA")).toMatchObject({
      status: "ineligible",
      reasons: ["program_not_active"],
    });
    // Only a program admin changes programmes.
    expect((await w.a.global.patch("/api/v1/admin/programs/OSA", { startsOn: "2026-01-01" })).status).toBe(
      403,
    );
    await t.admin.patch("/api/v1/admin/programs/OSA", { startsOn: "2026-01-01" });
    const back = await t.admin.post<{ changes: unknown[] }>(
      "/api/v1/admin/eligibility/reassess?dryRun=false",
      {},
    );
    expect(back.body.changes.length).toBeGreaterThanOrEqual(1);
    expect(of(await claim(osaA.id), "OSA")?.status).toBe("eligible");
  });

  const upload = (csv: string, dryRun: boolean) => {
    const form = new FormData();
    form.append("file", new Blob([csv], { type: "text/csv" }), "revenue.csv");
    return t.admin.request<ImportJson>("POST", `/api/v1/admin/revenue/imports?dryRun=${dryRun}`, form);
  };

  it("lists every bad row of a revenue file with line, column and reason, and imports nothing", async () => {
    const g = randomUUID();
    const s = randomUUID();
    const csv = [
      HEADER,
      `${g},${s},teams,2030-03,10.00,USD`,
      `not-a-guid,${s},teams,2030-03,10.00,USD`,
      `${g},${s},tea,2030-03,10.00,USD`,
      `${g},${s},teams,2030-13,10.00,USD`,
      `${g},${s},teams,2030-03,10.001,USD`,
      `${g},${s},teams,2030-03,10.00,XYZ`,
      `${g},${s},teams,2030-03,1e3,USD`,
      `${g},${s},teams,2030-03,12.00,USD`,
    ].join("\n");
    for (const dryRun of [true, false]) {
      const r = await upload(csv, dryRun);
      expect(r.status).toBe(200);
      expect(r.body.imported).toBe(false);
      expect(r.body.errors.map((e) => [e.line, e.column])).toEqual([
        [3, "tenantId"],
        [4, "product"],
        [5, "month"],
        [6, "amount"],
        [7, "currency"],
        [8, "amount"],
      ]);
      expect(r.body.errors[1]?.reason).toContain("tea");
    }
    // A repeated row is found once the rows themselves are good.
    const dup = await upload(
      [HEADER, `${g},${s},teams,2030-03,1.00,USD`, `${g},${s},teams,2030-03,2.00,USD`].join("\n"),
      true,
    );
    expect(dup.body.errors).toEqual([
      {
        line: 3,
        column: "row",
        reason: expect.stringContaining("repeats line 2"),
        // A code the screens translate, with the line it repeats (issue 11).
        code: "duplicate_row",
        params: { first: "2" },
      },
    ]);
    const header = await upload(
      ["tenant,subscriptionId,product,month,amount,currency", `${g},${s},teams,2030-03,1.00,USD`].join("\n"),
      true,
    );
    expect(header.body.errors[0]).toMatchObject({ line: 1, column: "row" });
    const imports = await t.admin.get<{ items: unknown[] }>("/api/v1/admin/revenue/imports");
    expect(imports.body.items).toEqual([]);
    // Only the program admin imports.
    const form = new FormData();
    form.append("file", new Blob([csv], { type: "text/csv" }), "revenue.csv");
    expect((await w.a.global.request("POST", "/api/v1/admin/revenue/imports?dryRun=true", form)).status).toBe(
      403,
    );
  });

  it("turns imported revenue into earnings and statements that reconcile, and a re-import replaces its month", async () => {
    const otherSub = randomUUID();
    const rows: [string, string, string, string, string, string][] = [
      // Organisation a, OSU on teams (per workload: every subscription of the tenant counts).
      [osuA.tenantId, randomUUID(), "teams", "2030-03", "10.10", "USD"], // 1010 x 5 % = 50.5 -> 50 (half to even)
      [osuA.tenantId, randomUUID(), "teams", "2030-03", "10.30", "USD"], // 51.5 -> 52
      [osuA.tenantId, randomUUID(), "teams", "2030-03", "200.00", "EUR"], // another currency, another statement
      [osuA.tenantId, randomUUID(), "exchange_online", "2030-03", "99.00", "USD"], // not on the claim
      [osuA.tenantId, randomUUID(), "teams", "2030-02", "500.00", "USD"], // before the assessment month
      // Organisation a, OSA on d365_sales (per subscription: only the claimed one).
      [osaA.tenantId, osaA.subscriptionId, "d365_sales", "2030-03", "1234.56", "USD"], // x 10 % = 123.456 -> 123.46
      [osaA.tenantId, otherSub, "d365_sales", "2030-03", "777.00", "USD"], // another subscription
      // Organisation b is not enrolled; recognition-only activity earns nothing.
      [notEnrolled.tenantId, randomUUID(), "teams", "2030-03", "300.00", "USD"],
      [osuA.tenantId, randomUUID(), "teams", "2030-04", "40.00", "USD"],
    ];
    const csv = [HEADER, ...rows.map((r) => r.join(","))].join("\n");
    const dry = await upload(csv, true);
    expect(dry.body).toMatchObject({ rows: rows.length, errorCount: 0, imported: false });
    expect((await t.admin.get<{ items: unknown[] }>("/api/v1/earnings?month=2030-03")).body.items).toEqual(
      [],
    );
    const real = await upload(csv, false);
    expect(real.body).toMatchObject({
      rows: rows.length,
      months: ["2030-02", "2030-03", "2030-04"],
      imported: true,
    });

    const earnings = await w.a.billing.get<{
      items: {
        claimNumber: string;
        revenueMinor: number;
        earningsMinor: number;
        currency: string;
        subscriptionId: string;
      }[];
    }>("/api/v1/earnings?month=2030-03");
    expect(earnings.status).toBe(200);
    const summary = earnings.body.items
      .map((e) => [e.claimNumber, e.currency, e.revenueMinor, e.earningsMinor])
      .sort((x, y) => String(x).localeCompare(String(y)));
    expect(summary).toEqual(
      [
        [osuA.number, "USD", 1010, 50],
        [osuA.number, "USD", 1030, 52],
        [osuA.number, "EUR", 20000, 1000],
        [osaA.number, "USD", 123456, 12346],
      ].sort((x, y) => String(x).localeCompare(String(y))),
    );
    expect(earnings.body.items.find((e) => e.claimNumber === osaA.number)?.subscriptionId).toBe(
      osaA.subscriptionId,
    );
    expect(
      (await w.a.billing.get<{ items: unknown[] }>("/api/v1/earnings?month=2030-02")).body.items,
    ).toEqual([]);

    // Statements: one per organisation, month and currency; total = sum of lines = rate x revenue.
    const payouts = await w.a.billing.get<{ items: StatementJson[] }>("/api/v1/payouts?month=2030-03");
    expect(payouts.body.items.map((s) => s.currency).sort()).toEqual(["EUR", "USD"]);
    for (const s of payouts.body.items) {
      expect(s.organizationId).toBe(w.a.id);
      expect(s.status).toBe("calculated");
      expect(s.totalMinor).toBe(s.lines.reduce((n, l) => n + l.earningsMinor, 0));
      const rate = (l: LineJson) => (l.program === "OSU" ? 500 : 1000);
      for (const l of s.lines) expect(l.earningsMinor).toBe(earningsMinor(l.revenueMinor, rate(l)));
      // Each line rests on imported rows: its revenue is the sum of the file's rows it covers.
      for (const l of s.lines) {
        const covered = rows.filter(
          (r) =>
            r[0] === l.tenantId &&
            r[1] === l.subscriptionId &&
            r[2] === l.product &&
            r[3] === "2030-03" &&
            r[5] === s.currency,
        );
        expect(l.revenueMinor).toBe(covered.reduce((n, r) => n + Math.round(Number(r[4]) * 100), 0));
      }
    }
    const usd = payouts.body.items.find((s) => s.currency === "USD");
    expect(usd?.totalMinor).toBe(50 + 52 + 12346);
    // Organisation b earned nothing and has no statement; the program admin sees a's.
    expect((await w.b.billing.get<{ items: unknown[] }>("/api/v1/payouts?month=2030-03")).body.items).toEqual(
      [],
    );
    expect(
      (await t.admin.get<{ items: unknown[] }>("/api/v1/payouts?month=2030-03")).body.items,
    ).toHaveLength(2);

    // Importing March again replaces March only.
    const again = [HEADER, [osuA.tenantId, randomUUID(), "teams", "2030-03", "20.00", "USD"].join(",")].join(
      "\n",
    );
    expect((await upload(again, false)).body.imported).toBe(true);
    const replaced = await w.a.billing.get<{ items: { earningsMinor: number; currency: string }[] }>(
      "/api/v1/earnings?month=2030-03",
    );
    expect(replaced.body.items.map((e) => [e.currency, e.earningsMinor])).toEqual([["USD", 100]]);
    const april = await w.a.billing.get<{ items: { earningsMinor: number }[] }>(
      "/api/v1/earnings?month=2030-04",
    );
    expect(april.body.items.map((e) => e.earningsMinor)).toEqual([200]);
    const march = await w.a.billing.get<{ items: StatementJson[] }>("/api/v1/payouts?month=2030-03");
    expect(march.body.items.map((s) => [s.currency, s.totalMinor])).toEqual([["USD", 100]]);
  });

  it("lets billing admins open, export and dispute their statement; program admins approve and pay it", async () => {
    const list = await w.a.billing.get<{ items: StatementJson[] }>("/api/v1/payouts?month=2030-04");
    const statement = list.body.items[0];
    expect(statement).toBeDefined();
    if (!statement) return;
    const line = statement.lines[0];
    expect(line?.tenantId).toBe(osuA.tenantId);

    const one = await w.a.global.get<StatementJson>(`/api/v1/payouts/${statement.id}`);
    expect(one.status).toBe(200);
    const csv = await w.a.billing.get<string>(`/api/v1/payouts/${statement.id}/export.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.body).toContain(
      `${osuA.number},OSU,${osuA.tenantId},${line?.subscriptionId},teams,2030-04,USD,40.00,500,,2.00,`,
    );
    expect(csv.body).toContain("TOTAL,,,,,2030-04,USD,,,,2.00,");

    // Who may not: the incentives admin (403), another organisation (404), a reviewer (403).
    expect((await w.a.incentives.get(`/api/v1/payouts/${statement.id}`)).status).toBe(403);
    expect((await w.a.incentives.get("/api/v1/earnings?month=2030-04")).status).toBe(403);
    expect((await w.b.billing.get(`/api/v1/payouts/${statement.id}`)).status).toBe(404);
    expect((await w.b.global.get(`/api/v1/payouts/${statement.id}/export.csv`)).status).toBe(404);
    expect((await w.reviewer.get("/api/v1/payouts")).status).toBe(403);

    const disputed = await w.a.billing.post<LineJson>(
      `/api/v1/payouts/${statement.id}/lines/${line?.id}/dispute`,
      {
        comment: "This subscription is not our customer's",
      },
    );
    expect(disputed.status).toBe(200);
    expect(disputed.body.dispute?.comment).toBe("This subscription is not our customer's");
    expect(
      (await w.b.billing.post(`/api/v1/payouts/${statement.id}/lines/${line?.id}/dispute`, { comment: "x" }))
        .status,
    ).toBe(404);
    // A recalculation keeps the partner's flag.
    await t.admin.post("/api/v1/admin/payouts/calculate", { month: "2030-04" });
    const recalculated = (await w.a.billing.get<{ items: StatementJson[] }>("/api/v1/payouts?month=2030-04"))
      .body.items[0];
    expect(recalculated?.lines[0]?.dispute?.comment).toBe("This subscription is not our customer's");

    const id = recalculated?.id ?? "";
    expect((await w.a.global.post(`/api/v1/admin/payouts/${id}/approve`, {})).status).toBe(403);
    expect((await t.admin.post(`/api/v1/admin/payouts/${id}/paid`, {})).status).toBe(409);
    // The partner's flag is still open: approving says it has seen it (issue 11; test/incentives/line-disputes).
    const approvedStatement = await t.admin.post<StatementJson>(`/api/v1/admin/payouts/${id}/approve`, {
      acknowledgeOpenDisputes: true,
    });
    expect(approvedStatement.body.status).toBe("approved");
    // An approved statement stays as it is when April is calculated again.
    const kept = await t.admin.post<{ kept: number }>("/api/v1/admin/payouts/calculate", {
      month: "2030-04",
    });
    expect(kept.body.kept).toBe(1);
    expect((await w.a.billing.get<StatementJson>(`/api/v1/payouts/${id}`)).body.status).toBe("approved");
    const paid = await t.admin.post<StatementJson>(`/api/v1/admin/payouts/${id}/paid`, {
      acknowledgeOpenDisputes: true,
    });
    expect(paid.body.status).toBe("paid");
    const paidLine = paid.body.lines[0]?.id;
    expect(
      (await w.a.billing.post(`/api/v1/payouts/${id}/lines/${paidLine}/dispute`, { comment: "late" })).status,
    ).toBe(409);
  });

  it("stops earnings after the month a claim is withdrawn in", async () => {
    // Move into May 2030 and withdraw the OSU claim: May still earns, June does not.
    await t.admin.put("/api/v1/system/clock", { now: "2030-05-20T09:00:00.000Z" });
    expect(
      (await act(w.a.incentives, osuA.id, "withdraw", { reason: "no_longer_working_with_customer" })).status,
    ).toBe(200);
    const csv = [
      HEADER,
      [osuA.tenantId, randomUUID(), "teams", "2030-05", "10.00", "USD"].join(","),
      [osuA.tenantId, randomUUID(), "teams", "2030-06", "10.00", "USD"].join(","),
    ].join("\n");
    expect((await upload(csv, false)).body.imported).toBe(true);
    expect(
      (await w.a.billing.get<{ items: unknown[] }>("/api/v1/earnings?month=2030-05")).body.items,
    ).toHaveLength(1);
    expect(
      (await w.a.billing.get<{ items: unknown[] }>("/api/v1/earnings?month=2030-06")).body.items,
    ).toEqual([]);
    // The recognition-only claim never earned.
    const all = await t.admin.get<{ items: { claimId: string }[] }>("/api/v1/earnings?month=2030-05");
    expect(all.body.items.map((e) => e.claimId)).not.toContain(notIncentivised.id);
  });
});
