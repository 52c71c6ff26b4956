// One deadline model over HTTP, on both engines (RULES.md §4a): every open deadline in the claim,
// its list rows (dashboard and review queue) and the mail name the same last moment, in the
// claim calendar's zone, with business days counted on the server's (simulated) clock.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatDateTime } from "../../src/i18n/index.ts";
import { ManualClock } from "../../src/server/context.ts";
import { ENGINES } from "../support/engines.ts";
import { type CapturedMail, startSmtp, type TestSmtp } from "../support/smtp.ts";
import { type Client, startTestServer, type TestServer, type UserClient } from "./http-support.ts";
import { type HttpWorld, httpWorld, pdfBytes } from "./http-world.ts";

interface DeadlineJson {
  kind: string;
  dueAt: string;
  lastMomentToAct: string;
  timeZone: string;
  businessDaysLeft: number;
  hoursLeft: number;
  overdue: boolean;
  overdueBy: { businessDays: number; hours: number } | null;
  state: string;
}
interface ClaimJson {
  id: string;
  number: string;
  status: string;
  deadlines: DeadlineJson[];
  sla: DeadlineJson | null;
  consent: { status: string; endsAt: string; deadline: DeadlineJson | null } | null;
  dispute: { status: string; dueAt: string; deadline: DeadlineJson | null } | null;
  timeZone?: string;
}
interface ListJson {
  items: ClaimJson[];
}

describe.each(ENGINES)("deadline fields on %s", (engine) => {
  let smtp: TestSmtp;
  let t: TestServer;
  let w: HttpWorld;
  let spanish: UserClient;
  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestServer(engine, { smtpUrl: smtp.url }, undefined, {
      wall: new ManualClock(Date.now()),
    });
    w = await httpWorld(t);
    spanish = await t.userClient("global_admin", w.b.id, "es");
    const cal = await t.admin.post("/api/v1/admin/calendars", {
      id: "madrid",
      name: "Madrid",
      region: "ES-MD",
      timeZone: "Europe/Madrid",
    });
    expect(cal.status).toBe(201);
    const put = await t.admin.put(`/api/v1/admin/organizations/${w.b.id}/calendar`, { calendarId: "madrid" });
    expect(put.status).toBe(200);
    await clockTo("2030-03-04T09:00:00.000Z"); // a Monday
  });
  afterAll(async () => {
    await t.stop();
    await smtp.stop();
  });

  const act = (c: Client, id: string, action: string, body: unknown = {}) =>
    c.post<ClaimJson>(`/api/v1/claims/${id}/actions/${action}`, body);
  async function clockTo(iso: string) {
    expect((await t.admin.put("/api/v1/system/clock", { now: iso })).status).toBe(200);
  }
  async function submitted(c: Client, org: HttpWorld["a"]): Promise<ClaimJson> {
    const created = await c.post<ClaimJson>("/api/v1/claims", w.claimBody(org, await w.customer()));
    expect(created.status).toBe(201);
    expect((await c.upload(created.body.id, pdfBytes(), "poe.pdf", "application/pdf")).status).toBe(201);
    const s = await act(c, created.body.id, "submit");
    expect(s.status).toBe(200);
    return s.body;
  }
  let seen = 0;
  async function mailFor(number: string): Promise<CapturedMail[]> {
    await t.server.notifier.runOnce();
    const fresh = smtp.messages.slice(seen);
    seen = smtp.messages.length;
    return fresh.filter((m) => m.text.includes(number));
  }
  const expectModel = (d: DeadlineJson | null | undefined) => {
    expect(d).toBeTruthy();
    if (!d) return;
    expect(Date.parse(d.lastMomentToAct)).toBe(Date.parse(d.dueAt) - 1);
  };

  it("a partner response: the claim, the dashboard row and the mail say the same last moment", async () => {
    const p = w.b.incentives;
    const c = await submitted(p, w.b);
    expect((await act(w.reviewer, c.id, "start-review")).status).toBe(200);
    await mailFor(c.number);
    const asked = await act(w.reviewer, c.id, "request-information", {
      reasons: ["missing_products"],
      comment: "Which workloads?",
    });
    expect(asked.status).toBe(200);

    const claim = (await p.get<ClaimJson>(`/api/v1/claims/${c.id}`)).body;
    const [d] = claim.deadlines;
    expectModel(d);
    // Mon 4 March + 5 business days in Madrid: due at 00:00 on Tue 12 March, Madrid (23:00 UTC).
    expect(d).toEqual({
      kind: "partner_response",
      dueAt: "2030-03-11T23:00:00.000Z",
      lastMomentToAct: "2030-03-11T22:59:59.999Z",
      timeZone: "Europe/Madrid",
      businessDaysLeft: 5,
      hoursLeft: 182,
      overdue: false,
      overdueBy: null,
      state: "on_time",
    });
    // The one claim's answer names the calendar's zone, for the deadlines its history mentions.
    expect(claim.timeZone).toBe("Europe/Madrid");
    // The write's own answer and the dashboard's row carry the same object.
    expect(asked.body.deadlines).toEqual(claim.deadlines);
    const list = (await p.get<ListJson>("/api/v1/claims?needsAction=true")).body;
    expect(list.items.find((i) => i.id === c.id)?.deadlines).toEqual(claim.deadlines);
    expect(list.items.find((i) => i.id === c.id)).not.toHaveProperty("timeZone");

    // The mail writes lastMomentToAct, in the calendar's zone, in each reader's language.
    const mails = await mailFor(c.number);
    const en = mails.find((m) => m.to.includes(w.b.incentives.email));
    const es = mails.find((m) => m.to.includes(spanish.email));
    const last = Date.parse(d?.lastMomentToAct ?? "");
    expect(en?.text).toContain(formatDateTime(last, "en", "Europe/Madrid"));
    expect(es?.text).toContain(formatDateTime(last, "es", "Europe/Madrid"));
    expect(en?.text).toContain("March 11, 2030 at 11:59 PM");

    // Time travel: Friday leaves Monday; on Monday the hours; past it, the claim is rejected and
    // the dispute window is the open deadline.
    await clockTo("2030-03-08T12:00:00.000Z");
    const friday = (await p.get<ClaimJson>(`/api/v1/claims/${c.id}`)).body.deadlines[0];
    expect(friday).toMatchObject({ businessDaysLeft: 1, overdue: false });
    await clockTo("2030-03-11T09:00:00.000Z");
    expect((await p.get<ClaimJson>(`/api/v1/claims/${c.id}`)).body.deadlines[0]).toMatchObject({
      businessDaysLeft: 0,
      hoursLeft: 14,
    });
    await clockTo("2030-03-12T09:00:00.000Z");
    const rejected = (await p.get<ClaimJson>(`/api/v1/claims/${c.id}`)).body;
    expect(rejected.status).toBe("rejected");
    expect(rejected.deadlines.map((x) => x.kind)).toEqual(["dispute_window"]);
    expectModel(rejected.deadlines[0]);

    // A dispute: its decision deadline is on the dispute, as in the deadline list.
    const disputed = await act(p, c.id, "dispute", { justification: "The products are on page 2" });
    expect(disputed.status).toBe(200);
    expectModel(disputed.body.dispute?.deadline);
    expect(disputed.body.dispute?.deadline).toEqual(
      disputed.body.deadlines.find((x) => x.kind === "dispute_decision"),
    );
    expect(disputed.body.dispute?.deadline?.dueAt).toBe(disputed.body.dispute?.dueAt);
    expect(disputed.body.sla).toEqual(disputed.body.dispute?.deadline);
  });

  it("an SLA in the review queue: the same object as on the claim, overdue by the server's clock", async () => {
    await clockTo("2030-04-01T09:00:00.000Z"); // a Monday
    const c = await submitted(w.a.incentives, w.a);
    const queued = async () =>
      (await w.reviewer.get<ListJson>("/api/v1/review/queue?limit=200")).body.items.find(
        (i) => i.id === c.id,
      );
    const claim = (await w.reviewer.get<ClaimJson>(`/api/v1/claims/${c.id}`)).body;
    expectModel(claim.sla);
    expect(claim.sla).toMatchObject({ kind: "review_start", timeZone: "UTC", businessDaysLeft: 5 });
    expect((await queued())?.sla).toEqual(claim.sla);
    expect((await queued())?.deadlines).toEqual(claim.deadlines);

    // Review start was due at 00:00 on Tue 9 April (last moment Mon 8, 23:59); on Wed 10 April at
    // 09:00, Tue 9 has wholly passed.
    await clockTo("2030-04-10T09:00:00.000Z");
    const late = await queued();
    expect(late?.sla).toMatchObject({
      kind: "review_start",
      overdue: true,
      overdueBy: { businessDays: 1, hours: 33 },
      businessDaysLeft: 0,
      state: "breached",
    });
    expect((await w.reviewer.get<ClaimJson>(`/api/v1/claims/${c.id}`)).body.sla).toEqual(late?.sla);
  });

  it("the consent period: its end on the consent, as in the deadline list", async () => {
    const c = await submitted(w.a.incentives, w.a);
    expect((await act(w.reviewer, c.id, "start-review")).status).toBe(200);
    const approved = await act(w.reviewer, c.id, "approve", { comment: "Fine" });
    expect(approved.status).toBe(200);
    const consent = approved.body.consent;
    expectModel(consent?.deadline);
    expect(consent?.deadline).toMatchObject({ kind: "consent_end", dueAt: consent?.endsAt });
    expect(consent?.deadline).toEqual(approved.body.deadlines.find((x) => x.kind === "consent_end"));
    const list = (await w.a.incentives.get<ListJson>("/api/v1/claims?limit=200")).body;
    expect(list.items.find((i) => i.id === c.id)?.consent).toEqual(consent);
  });
});
