// Mail over real SMTP (smtp-server on 127.0.0.1), on both engines: a claim's life delivers each
// message of RULES.md §13 once, to the right people, in their language, with a working
// link; an SMTP outage delays mail without losing any; a permanent refusal is failed and can be
// retried; without SMTP_URL mail lands as .eml files.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/server/context.ts";
import { COMMENT_DIGEST_MS } from "../../src/server/notify/coalesce.ts";
import { type Client, startTestServer, type TestServer, type UserClient } from "../http/http-support.ts";
import { type HttpWorld, httpWorld, pdfBytes } from "../http/http-world.ts";
import { ENGINES } from "../support/engines.ts";
import { type CapturedMail, startSmtp, type TestSmtp } from "../support/smtp.ts";

const BASE = "https://claims.example.test";

interface ClaimJson {
  id: string;
  number: string;
  status: string;
  consent: { status: string; endsAt: string } | null;
  deadlines: { kind: string; dueAt: string }[];
}

describe.each(ENGINES)("mail on %s", (engine) => {
  let smtp: TestSmtp;
  let t: TestServer;
  let w: HttpWorld;
  let wall: ManualClock;
  let spanishAdmin: UserClient;
  let reviewers: string[];
  beforeAll(async () => {
    smtp = await startSmtp();
    wall = new ManualClock(Date.now());
    t = await startTestServer(engine, { smtpUrl: smtp.url, baseUrl: BASE }, undefined, { wall });
    w = await httpWorld(t);
    spanishAdmin = await t.userClient("global_admin", w.a.id, "es");
    // Reviewers are everyone with the role: the world's one, plus the ones other tests made (none).
    reviewers = [(await w.reviewer.get<{ user: { email: string } }>("/api/v1/session")).body.user.email];
    await t.admin.put("/api/v1/system/clock", { now: "2030-03-04T09:00:00.000Z" });
  });
  afterAll(async () => {
    await t.stop();
    await smtp.stop();
  });

  const act = (c: Client, id: string, action: string, body: unknown = {}) =>
    c.post<ClaimJson>(`/api/v1/claims/${id}/actions/${action}`, body);
  const clockTo = async (iso: string) =>
    expect((await t.admin.put("/api/v1/system/clock", { now: iso })).status).toBe(200);
  const sweep = () => t.admin.post("/api/v1/system/sweep");

  /** Sends what is due and answers the messages that arrived for this claim since the last call. */
  let seen = 0;
  async function delivered(number: string): Promise<CapturedMail[]> {
    await t.server.notifier.runOnce();
    const fresh = smtp.messages.slice(seen);
    seen = smtp.messages.length;
    return fresh.filter((m) => m.text.includes(number));
  }
  const partnerSide = () => [
    "paula@partner.example",
    w.a.global.email,
    w.a.incentives.email,
    spanishAdmin.email,
  ];
  const recipients = (ms: CapturedMail[]) => ms.flatMap((m) => m.to).sort();

  async function submittedClaim(contactLocale: "en" | "es" = "en"): Promise<ClaimJson> {
    const body = w.claimBody(w.a, await w.customer());
    (body.customerContact as { locale: string }).locale = contactLocale;
    const created = await w.a.incentives.post<ClaimJson>("/api/v1/claims", body);
    expect(created.status).toBe(201);
    expect(
      (await w.a.incentives.upload(created.body.id, pdfBytes(), "poe.pdf", "application/pdf")).status,
    ).toBe(201);
    expect((await act(w.a.incentives, created.body.id, "submit")).status).toBe(200);
    return created.body;
  }

  it("walks a claim from submission to the customer's denial: each message once, to the right people, in their language", async () => {
    const claim = await submittedClaim("es");
    const link = `${BASE}/claims/${claim.id}`;

    const submitted = await delivered(claim.number);
    expect(recipients(submitted)).toEqual([...partnerSide(), ...reviewers].sort());
    const toSpanish = submitted.find((m) => m.to.includes(spanishAdmin.email));
    const toEnglish = submitted.find((m) => m.to.includes(w.a.global.email));
    expect(toSpanish?.subject).toBe(`${claim.number} se ha enviado`);
    expect(toSpanish?.language).toBe("es");
    expect(toEnglish?.subject).toBe(`${claim.number} was submitted`);
    expect(toEnglish?.text).toContain(link);
    expect(toEnglish?.html).toContain(`href="${link}"`);
    const toReviewer = submitted.find((m) => m.to.includes(reviewers[0] ?? ""));
    expect(toReviewer?.subject).toBe(`New claim to review: ${claim.number}`);
    // The review should start within 5 business days: Monday 4 March 2030 + 5 = Monday 11 March.
    expect(toEnglish?.text).toContain("March 11, 2030");

    expect((await act(w.reviewer, claim.id, "start-review")).status).toBe(200);
    const started = await delivered(claim.number);
    expect(recipients(started)).toEqual(partnerSide().sort());
    expect(started.every((m) => m.messageId.endsWith("@claims.example.test>"))).toBe(true);

    const asked = await act(w.reviewer, claim.id, "request-information", {
      reasons: ["missing_customer_acknowledgment", "missing_or_old_dates"],
      comment: "Please add the signed page.",
    });
    expect(asked.status).toBe(200);
    const info = await delivered(claim.number);
    expect(recipients(info)).toEqual(partnerSide().sort());
    const infoEn = info.find((m) => m.to.includes(w.a.global.email));
    expect(infoEn?.subject).toBe(`Action required on ${claim.number}: more information needed`);
    expect(infoEn?.text).toContain("Missing customer acknowledgment (signature)");
    expect(infoEn?.text).toContain("Missing or old dates");
    expect(infoEn?.text).toContain("> Please add the signed page.");
    const infoEs = info.find((m) => m.to.includes(spanishAdmin.email));
    expect(infoEs?.text).toContain("Falta la conformidad del cliente (firma)");

    // The partner's comment tells the reviewers, not the partner side.
    expect(
      (await w.a.incentives.post(`/api/v1/claims/${claim.id}/comments`, { body: "Added it." })).status,
    ).toBe(201);
    // A comment's mail is held a few minutes after it is queued, so that a burst of comments
    // leaves as one (test/notify/comment-digest.test.ts).
    expect(await delivered(claim.number)).toEqual([]);
    wall.advance(COMMENT_DIGEST_MS);
    const commented = await delivered(claim.number);
    expect(recipients(commented)).toEqual(reviewers);
    expect(commented[0]?.text).toContain("> Added it.");

    expect((await act(w.a.incentives, claim.id, "resubmit")).status).toBe(200);
    expect(await delivered(claim.number)).toEqual([]);

    const approved = await act(w.reviewer, claim.id, "approve");
    expect(approved.status).toBe(200);
    const onApproval = await delivered(claim.number);
    expect(recipients(onApproval)).toEqual([...partnerSide(), "casey@customer.example"].sort());
    const consentMail = onApproval.find((m) => m.to.includes("casey@customer.example"));
    // The customer's contact reads Spanish; the link is the consent page, not the app.
    expect(consentMail?.subject).toBe("Contoso figura como su partner de registro");
    expect(consentMail?.text).not.toContain(link);
    const token = consentMail?.text.match(new RegExp(`${BASE}/consent/([A-Za-z0-9_-]{43})`))?.[1] ?? "";
    expect(token).toHaveLength(43);

    const denied = await t.anonymous.post(`/api/v1/consent/${token}/deny`, { comment: "Not our partner" });
    expect(denied.status).toBe(200);
    const onDenial = await delivered(claim.number);
    expect(recipients(onDenial)).toEqual(partnerSide().sort());
    expect(onDenial.find((m) => m.to.includes(w.a.global.email))?.subject).toBe(
      `${claim.number}: the customer declined`,
    );
    // Nothing is sent twice: a further round finds nothing due.
    expect(await delivered(claim.number)).toEqual([]);
    const ids = smtp.messages.filter((m) => m.text.includes(claim.number)).map((m) => m.messageId);
    expect(new Set(ids).size).toBe(ids.length);

    // The history records each notification, and the in-app list has them for users.
    const history = await w.a.incentives.get<{ items: { event: string }[] }>(
      `/api/v1/claims/${claim.id}/history`,
    );
    // submitted, review started, information requested, comment, approved, customer declined.
    expect(history.body.items.filter((e) => e.event === "notified").length).toBe(6);
    const inbox = await spanishAdmin.get<{ items: { title: string; claimId: string }[]; unread: number }>(
      "/api/v1/notifications",
    );
    const mine = inbox.body.items.filter((n) => n.claimId === claim.id);
    expect(mine.map((n) => n.title)).toContain(`${claim.number}: el cliente lo ha rechazado`);
    expect(inbox.body.unread).toBeGreaterThanOrEqual(mine.length);
  });

  it("rejection, dispute reminders, SLA notices, overturn and consent passing", async () => {
    const claim = await submittedClaim();
    await delivered(claim.number);
    // Review start is due in 5 business days; the SLA warns a business day before and flags the breach.
    await clockTo("2030-03-09T12:00:00.000Z");
    await sweep();
    const dueSoon = await delivered(claim.number);
    expect(recipients(dueSoon)).toEqual(reviewers);
    expect(dueSoon[0]?.subject).toMatch(/^Due soon: Review start of CA-/);
    await clockTo("2030-03-12T09:00:00.000Z");
    await sweep();
    const breached = await delivered(claim.number);
    expect(recipients(breached)).toEqual(reviewers);
    expect(breached[0]?.subject).toMatch(/^Breached: Review start of CA-/);

    expect((await act(w.reviewer, claim.id, "start-review")).status).toBe(200);
    await delivered(claim.number);
    const rejected = await act(w.reviewer, claim.id, "reject", {
      reasons: ["insufficient_poe"],
      comment: "The PoE does not name the customer.",
    });
    expect(rejected.status).toBe(200);
    const onReject = await delivered(claim.number);
    expect(recipients(onReject)).toEqual(partnerSide().sort());
    const rejectEn = onReject.find((m) => m.to.includes(w.a.global.email));
    expect(rejectEn?.subject).toBe(`${claim.number} was rejected`);
    expect(rejectEn?.text).toContain("Insufficient proof of execution");
    expect(rejectEn?.text).toContain("You can dispute this decision until April 11, 2030");

    // Five days before the window closes, the partner side is reminded, once.
    await clockTo("2030-04-07T09:00:00.000Z");
    await sweep();
    const reminder = await delivered(claim.number);
    expect(recipients(reminder)).toEqual(partnerSide().sort());
    expect(reminder.find((m) => m.to.includes(w.a.global.email))?.subject).toMatch(
      /^Reminder: the dispute window of CA-\S+ closes on April 11, 2030/,
    );
    await sweep();
    expect(await delivered(claim.number)).toEqual([]);

    expect(
      (await act(w.a.incentives, claim.id, "dispute", { justification: "See the new PoE." })).status,
    ).toBe(200);
    const onDispute = await delivered(claim.number);
    expect(recipients(onDispute)).toEqual([...partnerSide(), ...reviewers].sort());
    expect(onDispute.find((m) => m.to.includes(reviewers[0] ?? ""))?.subject).toBe(
      `Dispute received on ${claim.number}`,
    );

    const overturned = await act(w.reviewer, claim.id, "overturn-dispute", {
      comment: "Fair.",
      to: "approved",
    });
    expect(overturned.status).toBe(200);
    const onOverturn = await delivered(claim.number);
    expect(recipients(onOverturn)).toEqual([...partnerSide(), "casey@customer.example"].sort());
    expect(onOverturn.find((m) => m.to.includes(w.a.global.email))?.text).toContain("The claim is approved.");

    await clockTo(overturned.body.consent?.endsAt ?? "");
    await sweep();
    const passed = await delivered(claim.number);
    expect(recipients(passed)).toEqual(partnerSide().sort());
    expect(passed.find((m) => m.to.includes(w.a.global.email))?.subject).toBe(
      `${claim.number} was sent to incentive assessment`,
    );
  });

  it("reminds the partner 2 business days before the response is due, then rejects for no response", async () => {
    await clockTo("2030-06-03T09:00:00.000Z"); // a Monday
    const claim = await submittedClaim();
    expect((await act(w.reviewer, claim.id, "start-review")).status).toBe(200);
    const asked = await act(w.reviewer, claim.id, "request-information", {
      reasons: ["missing_products"],
      comment: "Which products?",
    });
    await delivered(claim.number);
    const due = asked.body.deadlines.find((d) => d.kind === "partner_response")?.dueAt ?? "";
    expect(due).not.toBe("");
    await clockTo("2030-06-07T09:00:00.000Z"); // Friday: two business days left (Fri, Mon)
    await sweep();
    const reminder = await delivered(claim.number);
    expect(recipients(reminder)).toEqual(partnerSide().sort());
    expect(reminder.find((m) => m.to.includes(w.a.global.email))?.subject).toMatch(
      /^Reminder: CA-\S+ needs your response by June 10, 2030/,
    );
    await clockTo(due);
    await sweep();
    const rejected = await delivered(claim.number);
    expect(rejected.find((m) => m.to.includes(w.a.global.email))?.text).toContain("No partner response");
  });

  it("holds mail through an SMTP outage and delivers it, once, when the server is back", async () => {
    smtp.refuse = 421;
    const claim = await submittedClaim();
    const round = await t.server.notifier.runOnce();
    expect(round.mail.retrying).toBeGreaterThan(0);
    expect(round.mail.sent).toBe(0);
    const backlog = await t.admin.get<{ items: { status: string; attempts: number; lastError: string }[] }>(
      `/api/v1/admin/mail?claimId=${claim.id}`,
    );
    expect(backlog.body.items.length).toBe(partnerSide().length + reviewers.length);
    expect(backlog.body.items.every((m) => m.status === "pending" && m.attempts === 1)).toBe(true);
    expect(backlog.body.items[0]?.lastError).toMatch(/421|try again/);

    smtp.refuse = null;
    // Not yet due again: the back-off holds the messages.
    expect(await delivered(claim.number)).toEqual([]);
    wall.advance(31_000);
    const arrived = await delivered(claim.number);
    expect(recipients(arrived)).toEqual([...partnerSide(), ...reviewers].sort());
    const summary = await t.admin.get<{ pending: number; failed: number }>("/api/v1/admin/mail/summary");
    expect(summary.body).toMatchObject({ pending: 0, failed: 0 });
  });

  it("marks a permanently refused message failed, and an admin's retry sends it", async () => {
    smtp.refuse = 550;
    const claim = await submittedClaim();
    const round = await t.server.notifier.runOnce();
    expect(round.mail.failed).toBe(partnerSide().length + reviewers.length);
    const failed = await t.admin.get<{ items: { id: string }[] }>("/api/v1/admin/mail?status=failed");
    expect(failed.body.items.length).toBe(partnerSide().length + reviewers.length);
    // Only the program admin sees the backlog.
    expect((await w.a.global.get("/api/v1/admin/mail?status=failed")).status).toBe(403);
    smtp.refuse = null;
    const retried = await t.admin.post<{ requeued: number }>("/api/v1/admin/mail/retry", {});
    expect(retried.body.requeued).toBe(partnerSide().length + reviewers.length);
    expect(recipients(await delivered(claim.number))).toEqual([...partnerSide(), ...reviewers].sort());
  });
});

describe.each(ENGINES)("mail without an SMTP server on %s", (engine) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(engine, { baseUrl: BASE });
  });
  afterAll(() => t.stop());

  it("writes each message as an .eml file in the data folder", async () => {
    const w = await httpWorld(t);
    const created = await w.a.incentives.post<ClaimJson>(
      "/api/v1/claims",
      w.claimBody(w.a, await w.customer()),
    );
    await w.a.incentives.upload(created.body.id, pdfBytes(), "poe.pdf", "application/pdf");
    await w.a.incentives.post(`/api/v1/claims/${created.body.id}/actions/submit`, {});
    const round = await t.server.notifier.runOnce();
    expect(round.mail.sent).toBeGreaterThanOrEqual(4);
    const dir = join(t.db.dataDir, "mail");
    const files = readdirSync(dir).filter((f) => f.endsWith(".eml"));
    expect(files.length).toBe(round.mail.sent);
    const parsed = await Promise.all(files.map((f) => simpleParser(readFileSync(join(dir, f)))));
    const forPaula = parsed.find(
      (p) => p.to && !Array.isArray(p.to) && p.to.text.includes("paula@partner.example"),
    );
    expect(forPaula?.subject).toBe(`${created.body.number} was submitted`);
    expect(forPaula?.text).toContain(`${BASE}/claims/${created.body.id}`);
  });
});

describe.each(ENGINES)("the notifier's own timer on %s", (engine) => {
  let smtp: TestSmtp;
  let t: TestServer;
  beforeAll(async () => {
    smtp = await startSmtp();
    // The server's own loop this time, as `npm start` runs it: every second, nobody calls runOnce.
    t = await startTestServer(
      engine,
      { smtpUrl: smtp.url, baseUrl: BASE, notifyIntervalSeconds: 1 },
      undefined,
      {
        sweep: true,
      },
    );
  });
  afterAll(async () => {
    await t.stop();
    await smtp.stop();
  });

  it("sends mail within seconds of the change, without being asked", async () => {
    const w = await httpWorld(t);
    const created = await w.a.incentives.post<ClaimJson>(
      "/api/v1/claims",
      w.claimBody(w.a, await w.customer()),
    );
    await w.a.incentives.upload(created.body.id, pdfBytes(), "poe.pdf", "application/pdf");
    await w.a.incentives.post(`/api/v1/claims/${created.body.id}/actions/submit`, {});
    const arrived = await smtp.waitFor(4, 10_000);
    expect(arrived.some((m) => m.subject === `${created.body.number} was submitted`)).toBe(true);
  });
});
