// Every mail template of RULES.md §13, in English and Spanish, sent through the real sender
// to a real SMTP server on both engines: it arrives for its recipient with its subject, its link,
// its language, no untranslated key, and HTML that escapes what users typed.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCALES } from "../../src/i18n/index.ts";
import { newId } from "../../src/server/ids.ts";
import { sendDueMail } from "../../src/server/notify/mail-sender.ts";
import { createMailTransport } from "../../src/server/notify/mail-transport.ts";
import { consentToken } from "../../src/server/notify/secret.ts";
import { type MailParams, subjectOf, TEMPLATES } from "../../src/server/notify/templates.ts";
import { ENGINES, openTestApp, type TestApp } from "../support/engines.ts";
import { startSmtp, type TestSmtp } from "../support/smtp.ts";

const BASE = "https://claims.example.test";
const secret = randomBytes(32);

function params(template: string): MailParams {
  return {
    claimId: "0190c8a1-0000-7000-8000-000000000001",
    number: "CA-2030-000042",
    customer: "Tailspin <Toys> & Co",
    tenantId: "6f1f0c2e-1111-4222-8333-944455556666",
    partner: "Contoso",
    activity: "deployment",
    products: ["Microsoft Teams", "Dynamics 365 Sales"],
    // An end at 00:01 UTC: its last moment to act is 00:00:59.999 UTC, 01:00 in Madrid (mail shows
    // the inclusive last moment, deadline-view.ts).
    due: Date.parse("2030-03-12T00:01:00.000Z"),
    reasons: template === "rejected" ? ["insufficient_poe"] : ["missing_products"],
    comment: "Please attach <the> signed page",
    author: template === "comment_added" ? "Rita Reviewer" : null,
    deadline: template.startsWith("sla_") ? "decision" : null,
    to: template === "dispute_overturned" ? "approved" : null,
    disputable: true,
    consentId: template === "consent_request" ? "0190c8a1-0000-7000-8000-00000000c0de" : null,
  };
}

describe.each(ENGINES)("mail templates on %s", (engine) => {
  let app: TestApp;
  let smtp: TestSmtp;
  beforeAll(async () => {
    app = await openTestApp(engine);
    smtp = await startSmtp();
    const now = Date.now();
    for (const template of TEMPLATES)
      for (const locale of LOCALES) {
        const p = params(template);
        await app.ctx.db.kysely
          .insertInto("mail_messages")
          .values({
            id: newId(),
            outbox_id: newId(),
            claim_id: null,
            template,
            recipient_email: `${template}.${locale}@example.test`,
            recipient_name: "Robin",
            locale,
            time_zone: "Europe/Madrid",
            params: JSON.stringify(p),
            subject: subjectOf(template, p, { locale, timeZone: "Europe/Madrid" }),
            status: "pending",
            attempts: 0,
            available_at: now,
            created_at: now,
          })
          .execute();
      }
    const transport = createMailTransport(smtp.url, app.db.dataDir, () => undefined);
    const deps = {
      db: app.ctx.db,
      wall: { now: () => Date.now() },
      secret,
      baseUrl: BASE,
      from: "Claimdesk <no-reply@example.test>",
      transport,
    };
    while ((await sendDueMail(deps)).sent > 0);
    transport.close();
  });
  afterAll(async () => {
    await smtp.stop();
    await app.close();
  });

  it("sends one message per template and language", () => {
    expect(smtp.messages.length).toBe(TEMPLATES.length * LOCALES.length);
  });

  it.each(TEMPLATES.flatMap((t) => LOCALES.map((l) => [t, l] as const)))("%s in %s", (template, locale) => {
    const m = smtp.messages.find((x) => x.to.includes(`${template}.${locale}@example.test`));
    expect(m).toBeDefined();
    if (!m) return;
    const p = params(template);
    expect(m.subject).toBe(subjectOf(template, p, { locale, timeZone: "Europe/Madrid" }));
    expect(m.language).toBe(locale);
    const link =
      template === "consent_request"
        ? `${BASE}/consent/${consentToken(secret, p.consentId ?? "")}`
        : `${BASE}/claims/${p.claimId}`;
    expect(m.text).toContain(link);
    expect(m.html).toContain(`href="${link}"`);
    // Every placeholder was filled and every key translated.
    for (const part of [m.subject, m.text, m.html]) {
      expect(part).not.toMatch(/\{\{|mail\.|reason\.|activity\./);
    }
    // Typed text is escaped in HTML, verbatim in the text part.
    expect(m.html).not.toContain("<Toys>");
    expect(m.text).toContain(template === "consent_request" ? "Tailspin <Toys> & Co" : "CA-2030-000042");
    // The other language says something else.
    const other = LOCALES.find((l) => l !== locale) ?? "en";
    expect(m.subject).not.toBe(subjectOf(template, p, { locale: other, timeZone: "Europe/Madrid" }));
    // Dates in the recipient's zone: just after midnight UTC is 1 AM in Madrid in March.
    if (["submitted_partner", "rejected", "information_requested"].includes(template))
      expect(m.text).toMatch(
        locale === "en"
          ? /March 12, 2030 at 01:00 AM/
          : /12 de marzo de 2030, 1:00|12 de marzo de 2030 a las 1:00|12 de marzo de 2030 a las 01:00/,
      );
  });
});
