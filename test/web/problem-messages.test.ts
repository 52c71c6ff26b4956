// A refusal as a person reads it, in English and Spanish: every problem code and every validator
// kind the server sends has its own translated sentence, field paths are named by the form's
// labels, and no raw validator text (or an untranslated key) ever reaches the screen.
import i18next from "i18next";
import { describe, expect, it } from "vitest";
import { INELIGIBLE_REASONS } from "../../src/domain/incentives.ts";
import { vocabularyEn } from "../../src/i18n/vocabulary-en.ts";
import { webEn } from "../../web/src/i18n/en.ts";
import { webEs } from "../../web/src/i18n/es.ts";
import { problemsEn } from "../../web/src/i18n/problems-en.ts";
import { problemsEs } from "../../web/src/i18n/problems-es.ts";
import { problemError } from "../../web/src/lib/api-client.ts";
import { humanError } from "../../web/src/lib/human-error.ts";
import { fieldLabel, fieldMessage, fieldPath, toMegabytes } from "../../web/src/lib/problem-messages.ts";

const i18n = i18next.createInstance();
await i18n.init({
  resources: {
    en: { translation: { ...vocabularyEn, web: webEn, problems: problemsEn } },
    es: { translation: { web: webEs, problems: problemsEs } },
  },
  lng: "en",
  fallbackLng: "en",
  initAsync: false,
  interpolation: { escapeValue: false },
});
const en = i18n.getFixedT("en");
const es = i18n.getFixedT("es");

const CODES = [
  "unauthenticated",
  "forbidden",
  "invalid_transition",
  "validation_failed",
  "duplicate_association",
  "not_found",
  "version_mismatch",
  "consent_closed",
  "open_line_disputes",
  "file_rejected",
  "file_too_large",
  "rate_limited",
  "csrf_failed",
  "idempotency_in_progress",
  "idempotency_key_reused",
  "uri_too_long",
  "headers_too_large",
  "request_timeout",
  "internal_error",
  "network",
  "something_new",
];

// What Ajv and the use cases write; none of it may be shown.
const EMAIL = { field: "customerContact.email", message: 'must match format "email"' };
const NO_REASON = { field: "reasons", message: "must NOT have fewer than 1 items" };
const NO_COMMENT = { field: "body", message: "must have required property 'comment'" };
const NO_NAME = { field: "customerContact", message: "must have required property 'name'" };
const EMPTY_NAME = { field: "customerContact.name", message: "must NOT have fewer than 1 characters" };
const RAW = [
  EMAIL,
  NO_REASON,
  NO_COMMENT,
  NO_NAME,
  EMPTY_NAME,
  { field: "comment", message: "must NOT have more than 4000 characters" },
  { field: "partnerId", message: 'must match pattern "^[0-9]{7}$"' },
  { field: "activity", message: "must be equal to one of the allowed values" },
  { field: "products.0", message: "must be string" },
  { field: "extra", message: "is not a known field" },
  { field: "products", message: "is not a product of this programme" },
];

describe("problem messages", () => {
  it("says every code in both languages, never the server's detail", () => {
    for (const code of CODES) {
      const err = problemError(422, { code, detail: `raw detail of ${code}`, title: "Raw title" });
      const said = { en: humanError(err, en), es: humanError(err, es) };
      for (const text of Object.values(said)) {
        expect(text).not.toMatch(/raw|problems\.|web\./i);
        expect(text.length).toBeGreaterThan(5);
      }
      if (code !== "something_new") expect(said.es).not.toBe(said.en);
    }
  });

  it("names the server's limits in megabytes and seconds", () => {
    const big = problemError(413, {
      code: "file_too_large",
      detail: "larger than 10485760 bytes",
      maxBytes: 10485760,
    });
    expect(humanError(big, en)).toBe("The file is larger than 10 MB.");
    expect(humanError(big, es)).toBe("El archivo supera los 10 MB.");
    expect(toMegabytes(25 * 1024 * 1024)).toBe(25);
    const slow = problemError(429, { code: "rate_limited", detail: "x", retryAfter: 30 });
    expect(humanError(slow, en)).toContain("30 s");
  });

  it("turns every field error into a translated sentence under the right input", () => {
    for (const e of RAW) {
      for (const t of [en, es]) {
        const text = fieldMessage(e, t);
        expect(text).not.toContain(e.message);
        expect(text).not.toMatch(/must|problems\.|\{\{/);
        expect(fieldLabel(fieldPath(e), t)).not.toMatch(/problems\./);
      }
    }
    expect(fieldMessage(EMAIL, en)).toBe("Enter a valid e-mail address.");
    expect(fieldMessage(NO_REASON, en)).toBe("Choose at least one reason.");
    expect(fieldMessage(NO_REASON, es)).toBe("Elija al menos un motivo.");
    expect(fieldPath(NO_COMMENT)).toBe("comment");
    expect(fieldPath(NO_NAME)).toBe("customerContact.name");
    expect(fieldMessage(EMPTY_NAME, en)).toBe("This field is required.");
    expect(fieldLabel("customerContact.email", en)).toBe("Customer contact › E-mail");
    expect(fieldLabel("customerContact.email", es)).toBe("Contacto del cliente › Correo electrónico");
  });

  it("translates every eligibility reason", () => {
    for (const r of INELIGIBLE_REASONS) {
      expect(en(`problems.ineligible.${r}`)).not.toMatch(/problems\.|_/);
      expect(es(`problems.ineligible.${r}`)).not.toBe(en(`problems.ineligible.${r}`));
    }
  });

  it("says a generic sentence for what is not a refusal", () => {
    expect(humanError(new TypeError("x is undefined"), es)).toBe(webEs.error);
  });
});
