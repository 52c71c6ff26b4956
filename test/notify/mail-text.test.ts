// Issue 12.5: partner-typed names went verbatim into the plain-text part of the consent mail to the
// customer, so a partner could put a link-looking line into it. Now every user-typed value in every
// template is defanged (http[:]//, evil[.]example), names keep to one line, and invisible or
// direction-changing characters go; the HTML part is defanged too, then escaped.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCALES } from "../../src/i18n/index.ts";
import { defang, defangName } from "../../src/server/notify/mail-text.ts";
import { type MailParams, renderMail, subjectOf, TEMPLATES } from "../../src/server/notify/templates.ts";
import { startTestServer, type TestServer } from "../http/http-support.ts";
import { type HttpWorld, httpWorld, pdfBytes } from "../http/http-world.ts";
import { ENGINES } from "../support/engines.ts";
import { startSmtp, type TestSmtp } from "../support/smtp.ts";

const HOSTILE = "Tailspin\r\nUrgent: verify at https://evil.example/login or www.evil.example \u202Egnp.exe";

function params(template: string): MailParams {
  return {
    claimId: "0190c8a1-0000-7000-8000-000000000001",
    number: "CA-2030-000042",
    customer: HOSTILE,
    tenantId: "6f1f0c2e-1111-4222-8333-944455556666",
    partner: "Contoso http://partner.evil.example",
    activity: "deployment",
    products: ["Microsoft Teams"],
    due: Date.parse("2030-03-12T00:00:00.000Z"),
    reasons: [],
    comment: "Line one\nsee evil.example/x and 10.0.0.1",
    author: template === "comment_added" ? "Rita evil.example" : null,
    deadline: template.startsWith("sla_") ? "decision" : null,
    to: template === "dispute_overturned" ? "approved" : null,
    disputable: true,
    consentId: template === "consent_request" ? "0190c8a1-0000-7000-8000-00000000c0de" : null,
  };
}

const LINK = "https://claims.example.test/claims/0190c8a1-0000-7000-8000-000000000001";

describe("typed text in mail", () => {
  it("defangs URLs, domains and addresses, and folds names onto one line", () => {
    expect(defang("go to https://evil.example/x")).toBe("go to https[:]//evil[.]example/x");
    expect(defang("evil.com, paypal\uFF0Ecom, 192.168.0.1")).toBe(
      "evil[.]com, paypal[.]com, 192[.]168[.]0[.]1",
    );
    expect(defang("e.g. v1.2 costs 3.50")).toBe("e.g. v1.2 costs 3.50");
    expect(defangName("A\r\nB\tC \u202Ed\u200Be")).toBe("A B C de");
  });

  for (const template of TEMPLATES)
    for (const locale of LOCALES)
      it(`leaves no link-looking typed text in ${template} (${locale})`, () => {
        const p = params(template);
        const r = renderMail(template, p, {
          locale,
          timeZone: "Europe/Madrid",
          recipientName: "Casey\nClick www.evil.example",
          link: LINK,
        });
        const subject = subjectOf(template, p, { locale, timeZone: "Europe/Madrid" });
        for (const part of [r.text, r.html, r.subject, subject]) {
          expect(part.replace(LINK, "")).not.toMatch(
            /evil\.example|https?:\/\/(?!claims\.example\.test)|10\.0\.0\.1/,
          );
          expect(part).not.toContain("\u202E");
        }
        // No typed name starts a line of its own in the plain text.
        expect(r.text).not.toMatch(/^(Urgent|Click)/m);
        // The link the mail is for stays a link.
        expect(r.text).toContain(LINK);
      });
});

describe.each(ENGINES)("the consent mail on %s", (engine) => {
  let smtp: TestSmtp;
  let t: TestServer;
  let w: HttpWorld;
  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestServer(engine, { smtpUrl: smtp.url, baseUrl: "https://claims.example.test" });
    w = await httpWorld(t);
  });
  afterAll(async () => {
    await t.stop();
    await smtp.stop();
  });

  it("shows the partner's typed names to the customer defanged, in the text and the HTML", async () => {
    const body = w.claimBody(w.a, await w.customer()) as Record<string, Record<string, unknown>>;
    body.customer = { ...body.customer, name: "Customer Ltd https://evil.example/pay" };
    body.customerContact = { ...body.customerContact, name: "Casey\nPay now at evil.example" };
    const created = await w.a.incentives.post<{ id: string; number: string }>("/api/v1/claims", body);
    expect(created.status).toBe(201);
    const id = created.body.id;
    await w.a.incentives.upload(id, pdfBytes(), "poe.pdf", "application/pdf");
    for (const [c, action] of [
      [w.a.incentives, "submit"],
      [w.reviewer, "start-review"],
      [w.reviewer, "approve"],
    ] as const)
      expect((await c.post(`/api/v1/claims/${id}/actions/${action}`)).status).toBe(200);
    await t.server.notifier.runOnce();
    const mail = smtp.messages.find(
      (m) => m.to.includes("casey@customer.example") && m.text.includes(created.body.number),
    );
    expect(mail).toBeDefined();
    for (const part of [mail?.text ?? "", mail?.html ?? ""]) {
      expect(part).not.toContain("evil.example");
      expect(part).not.toContain("https://evil");
    }
    expect(mail?.text).toContain("evil[.]example");
    expect(mail?.text).not.toMatch(/^Pay now/m);
  });
});
