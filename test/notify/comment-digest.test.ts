// Issue 12.2: ten comments on one claim in two minutes used to send ten mails to every recipient.
// Now they leave as one mail per recipient ("10 new comments", the latest quoted, in the
// recipient's language) and one in-app notification, while the outbox and the history keep every
// comment. A comment after that mail left starts a new one. Real SMTP; the wall clock is moved,
// never waited for.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/server/context.ts";
import { COMMENT_DIGEST_MS } from "../../src/server/notify/coalesce.ts";
import { startTestServer, type TestServer, type UserClient } from "../http/http-support.ts";
import { type HttpWorld, httpWorld, pdfBytes } from "../http/http-world.ts";
import { ENGINES } from "../support/engines.ts";
import { type CapturedMail, startSmtp, type TestSmtp } from "../support/smtp.ts";

describe.each(ENGINES)("comment mail digest on %s", (engine) => {
  let smtp: TestSmtp;
  let t: TestServer;
  let w: HttpWorld;
  let wall: ManualClock;
  let spanish: UserClient;
  let claim: { id: string; number: string };
  beforeAll(async () => {
    smtp = await startSmtp();
    wall = new ManualClock(Date.now());
    t = await startTestServer(engine, { smtpUrl: smtp.url }, undefined, { wall });
    w = await httpWorld(t);
    spanish = await t.userClient("global_admin", w.a.id, "es");
    const created = await w.a.incentives.post<{ id: string; number: string }>(
      "/api/v1/claims",
      w.claimBody(w.a, await w.customer()),
    );
    claim = created.body;
    await w.a.incentives.upload(claim.id, pdfBytes(), "poe.pdf", "application/pdf");
    expect((await w.a.incentives.post(`/api/v1/claims/${claim.id}/actions/submit`)).status).toBe(200);
    await delivered();
  });
  afterAll(async () => {
    await t.stop();
    await smtp.stop();
  });

  let seen = 0;
  async function delivered(): Promise<CapturedMail[]> {
    await t.server.notifier.runOnce();
    const fresh = smtp.messages.slice(seen);
    seen = smtp.messages.length;
    return fresh.filter((m) => m.text.includes(claim.number));
  }
  const partnerSide = () =>
    ["paula@partner.example", w.a.global.email, w.a.incentives.email, spanish.email].sort();
  const comment = (body: string) => w.reviewer.post(`/api/v1/claims/${claim.id}/comments`, { body });

  it("sends ten comments in two minutes as one mail per recipient and one in-app notification", async () => {
    const start = wall.now();
    for (let i = 1; i <= 10; i++) {
      expect((await comment(`question ${i}`)).status).toBe(201);
      // The notifier runs between comments, as it does every few seconds: nothing leaves yet.
      expect(await delivered()).toEqual([]);
      wall.advance(12_000);
    }
    wall.set(start + COMMENT_DIGEST_MS);
    const mails = await delivered();
    expect(mails.flatMap((m) => m.to).sort()).toEqual(partnerSide());
    const en = mails.find((m) => m.to.includes(w.a.global.email));
    expect(en?.subject).toBe(`10 new comments on ${claim.number}`);
    expect(en?.text).toContain("10 new comments on claim");
    expect(en?.text).toContain("Latest comment:");
    expect(en?.text).toContain("> question 10");
    expect(en?.text).not.toContain("question 9");
    const es = mails.find((m) => m.to.includes(spanish.email));
    expect(es?.subject).toBe(`10 comentarios nuevos en ${claim.number}`);
    expect(es?.text).toContain("Último comentario:");
    expect(es?.html).toContain("question 10");
    // Nothing more is due.
    wall.advance(COMMENT_DIGEST_MS);
    expect(await delivered()).toEqual([]);

    const notes = await w.a.global.get<{ items: { event: string; title: string; claimId: string }[] }>(
      "/api/v1/notifications",
    );
    const aboutComments = notes.body.items.filter(
      (n) => n.claimId === claim.id && n.event === "comment_added",
    );
    expect(aboutComments.map((n) => n.title)).toEqual([`10 new comments on ${claim.number}`]);

    // The history and the outbox keep every comment.
    const history = await w.a.global.get<{ items: { event: string }[] }>(
      `/api/v1/claims/${claim.id}/history`,
    );
    expect(history.body.items.filter((e) => e.event === "comment_added")).toHaveLength(10);
    const outbox = await t.server.ctx.db.kysely
      .selectFrom("outbox")
      .select("id")
      .where("claim_id", "=", claim.id)
      .where("topic", "=", "comment_added")
      .execute();
    expect(outbox).toHaveLength(10);
  });

  it("starts a new mail for a comment after the digest left", async () => {
    expect((await comment("one more thing")).status).toBe(201);
    expect(await delivered()).toEqual([]);
    wall.advance(COMMENT_DIGEST_MS);
    const mails = await delivered();
    expect(mails.flatMap((m) => m.to).sort()).toEqual(partnerSide());
    const en = mails.find((m) => m.to.includes(w.a.global.email));
    expect(en?.subject).toBe(`New comment on ${claim.number}`);
    expect(en?.text).toContain("> one more thing");
    expect(en?.text).not.toContain("question 10");
  });
});
