// A payout statement tells each caller what it may do with it (the lifecycle of
// src/domain/payouts.ts): the program admin approves a calculated statement and pays an approved
// one; the organisation's billing and global admins dispute lines until it is paid; a refused move
// names the state and the caller's allowed actions. Over HTTP, on both engines.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, startTestServer, type TestServer } from "../http/http-support.ts";
import { type HttpWorld, httpWorld, pdfBytes } from "../http/http-world.ts";
import { ENGINES } from "../support/engines.ts";

interface StatementJson {
  id: string;
  status: string;
  allowedActions: string[];
  lines: { id: string; abilities: { dispute: boolean } }[];
}
interface Problem {
  code: string;
  state?: string;
  allowedActions?: string[];
}

describe.each(ENGINES)("payout statement allowedActions on %s", (engine) => {
  let t: TestServer;
  let w: HttpWorld;
  let statementId = "";

  beforeAll(async () => {
    t = await startTestServer(engine);
    w = await httpWorld(t);
    expect(
      (await t.admin.post("/api/v1/admin/programs/OSU/enrollments", { organizationId: w.a.id })).status,
    ).toBe(200);
    await t.admin.put("/api/v1/system/clock", { now: "2030-03-04T09:00:00.000Z" });
    // One approved OSU claim on teams whose consent period has passed: assessed eligible.
    const c = await w.customer();
    const created = await w.a.incentives.post<{ id: string }>(
      "/api/v1/claims",
      w.claimBody(w.a, c, ["teams"]),
    );
    expect(created.status).toBe(201);
    const id = created.body.id;
    await w.a.incentives.upload(id, pdfBytes(), "poe.pdf", "application/pdf");
    const act = (client: Client, action: string) => client.post(`/api/v1/claims/${id}/actions/${action}`, {});
    expect((await act(w.a.incentives, "submit")).status).toBe(200);
    expect((await act(w.reviewer, "start-review")).status).toBe(200);
    const approved = await w.reviewer.post<{ consent: { endsAt: string } }>(
      `/api/v1/claims/${id}/actions/approve`,
      {},
    );
    expect(approved.status).toBe(200);
    await t.admin.put("/api/v1/system/clock", { now: approved.body.consent.endsAt });
    await t.admin.post("/api/v1/system/sweep");
    const csv = `tenantId,subscriptionId,product,month,amount,currency\n${c.tenantId},${crypto.randomUUID()},teams,2030-04,40.00,USD\n`;
    const form = new FormData();
    form.append("file", new Blob([csv], { type: "text/csv" }), "revenue.csv");
    const imported = await t.admin.request<{ imported: boolean }>(
      "POST",
      "/api/v1/admin/revenue/imports?dryRun=false",
      form,
    );
    expect(imported.body.imported).toBe(true);
    const list = await w.a.billing.get<{ items: StatementJson[] }>("/api/v1/payouts?month=2030-04");
    statementId = list.body.items[0]?.id ?? "";
    expect(statementId).not.toBe("");
  });
  afterAll(() => t.stop());

  const seen = async (c: Client) => (await c.get<StatementJson>(`/api/v1/payouts/${statementId}`)).body;
  const actionsOf = async (c: Client) => {
    const one = await seen(c);
    const listed = (await c.get<{ items: StatementJson[] }>("/api/v1/payouts?month=2030-04")).body.items;
    // The list and the single statement answer the same for the same caller.
    expect(listed.find((s) => s.id === statementId)?.allowedActions).toEqual(one.allowedActions);
    return { actions: one.allowedActions, lineDispute: one.lines.map((l) => l.abilities.dispute) };
  };

  it("offers approve to the program admin and dispute-line to the organisation while calculated", async () => {
    expect(await actionsOf(t.admin)).toEqual({ actions: ["approve"], lineDispute: [false] });
    expect(await actionsOf(w.a.billing)).toEqual({ actions: ["dispute-line"], lineDispute: [true] });
    expect(await actionsOf(w.a.global)).toEqual({ actions: ["dispute-line"], lineDispute: [true] });
    const early = await t.admin.post<Problem>(`/api/v1/admin/payouts/${statementId}/paid`, {});
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({
      code: "invalid_transition",
      state: "calculated",
      allowedActions: ["approve"],
    });
  });

  it("offers paid after approve, and still dispute-line to the organisation", async () => {
    const approved = await t.admin.post<StatementJson>(`/api/v1/admin/payouts/${statementId}/approve`, {});
    expect(approved.status).toBe(200);
    expect(approved.body.allowedActions).toEqual(["paid"]);
    expect(await actionsOf(t.admin)).toEqual({ actions: ["paid"], lineDispute: [false] });
    expect(await actionsOf(w.a.billing)).toEqual({ actions: ["dispute-line"], lineDispute: [true] });
    const again = await t.admin.post<Problem>(`/api/v1/admin/payouts/${statementId}/approve`, {});
    expect(again.body).toMatchObject({
      code: "invalid_transition",
      state: "approved",
      allowedActions: ["paid"],
    });
  });

  it("offers nothing to anyone once paid", async () => {
    const paid = await t.admin.post<StatementJson>(`/api/v1/admin/payouts/${statementId}/paid`, {});
    expect(paid.status).toBe(200);
    expect(paid.body.allowedActions).toEqual([]);
    expect(await actionsOf(t.admin)).toEqual({ actions: [], lineDispute: [false] });
    expect(await actionsOf(w.a.billing)).toEqual({ actions: [], lineDispute: [false] });
    const line = (await seen(w.a.billing)).lines[0]?.id;
    const late = await w.a.billing.post<Problem>(`/api/v1/payouts/${statementId}/lines/${line}/dispute`, {
      comment: "late",
    });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: "invalid_transition", state: "paid", allowedActions: [] });
  });
});
