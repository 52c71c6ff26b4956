// A refusal in a person's words: the problem `code` picks the sentence, a field error's validator
// kind (read from the server's message) picks the field's sentence, and the field path is named by
// the form's labels. Raw server text is never returned: what is not recognised gets a generic
// translated sentence (the detail is in the console, logged by the API client).
import type { ApiError, FieldError } from "./api-client.ts";

/** The part of i18next's t that these need. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

const CODES = new Set([
  "unauthenticated",
  "forbidden",
  "not_found",
  "validation_failed",
  "csrf_failed",
  "version_mismatch",
  "invalid_transition",
  "duplicate_association",
  "idempotency_in_progress",
  "idempotency_key_reused",
  "file_rejected",
  "consent_closed",
  "open_line_disputes",
  "uri_too_long",
  "headers_too_large",
  "request_timeout",
  "internal_error",
  "network",
]);

const MB = 1024 * 1024;
/** Bytes as whole megabytes, as the server counts them (10 * 1024 * 1024 -> 10). */
export const toMegabytes = (bytes: number) => Math.round((bytes / MB) * 10) / 10;

/** The sentence for a whole refusal (the alert above a form). */
export function problemMessage(error: Pick<ApiError, "code" | "details">, t: Translate): string {
  const { code, details } = error;
  if (code === "file_too_large")
    return details.maxBytes
      ? t("problems.code.file_too_large", { mb: toMegabytes(details.maxBytes) })
      : t("problems.code.file_too_large_unknown");
  if (code === "rate_limited") {
    const seconds = details.retryAfter ?? details.retryAfterSeconds;
    return seconds
      ? t("problems.code.rate_limited", { seconds: Math.ceil(seconds) })
      : t("problems.code.rate_limited_unknown");
  }
  if (code.startsWith("idempotency_") && !CODES.has(code)) return t("problems.code.idempotency_in_progress");
  return t(`problems.code.${CODES.has(code) ? code : "other"}`);
}

interface Kind {
  kind: string;
  count?: number;
  /** The property a `required` error names: the field itself is the parent's path + this. */
  property?: string;
}

// Ajv's (and the server's own) message shapes, most specific first.
const KINDS: [RegExp, (m: RegExpMatchArray) => Kind][] = [
  [/must have required property '([^']+)'/, (m) => ({ kind: "required", property: m[1] })],
  [/must match format "email"/, () => ({ kind: "email" })],
  [/must match format "(uri|url)"/, () => ({ kind: "uri" })],
  [/must match format "date(-time)?"/, () => ({ kind: "date" })],
  [/must NOT have fewer than (\d+) items/, (m) => ({ kind: "minItems", count: Number(m[1]) })],
  [/must NOT have more than (\d+) items/, (m) => ({ kind: "maxItems", count: Number(m[1]) })],
  [/must NOT have fewer than (\d+) characters/, (m) => ({ kind: "minLength", count: Number(m[1]) })],
  [/must NOT have more than (\d+) characters/, (m) => ({ kind: "maxLength", count: Number(m[1]) })],
  [/must match pattern|must match format/, () => ({ kind: "pattern" })],
  [/must be equal to (one of the allowed values|constant)/, () => ({ kind: "enum" })],
  [/must be >=? (-?[\d.]+)/, (m) => ({ kind: "minimum", count: Number(m[1]) })],
  [/must be <=? (-?[\d.]+)/, (m) => ({ kind: "maximum", count: Number(m[1]) })],
  [/must be (string|integer|number|boolean|array|object|null)/, () => ({ kind: "type" })],
  [/is not a known field/, () => ({ kind: "unknownField" })],
  [/\b(is )?required\b|must not be empty|is empty/i, () => ({ kind: "required" })],
];

function kindOf(message: string): Kind {
  for (const [re, make] of KINDS) {
    const m = message.match(re);
    if (m) return make(m);
  }
  return { kind: "invalid" };
}

/** Where a field error belongs: `required` names the missing property, not its parent. */
export function fieldPath(e: FieldError): string {
  const { property } = kindOf(e.message);
  if (!property) return e.field;
  const parent = e.field === "body" || e.field === "querystring" || e.field === "params" ? "" : e.field;
  return parent ? `${parent}.${property}` : property;
}

const segments = (path: string) => path.split(".").filter((s) => s && !/^\d+$/.test(s));

/** The sentence under one input. */
export function fieldMessage(e: FieldError, t: Translate): string {
  const { kind, count } = kindOf(e.message);
  const last = segments(fieldPath(e)).at(-1) ?? "";
  if (kind === "minItems" && count === 1) {
    const own = t(`problems.atLeastOne.${last}`, { defaultValue: "" });
    if (own) return own;
  }
  // A string that must not be empty is a required field to the person typing it.
  if (kind === "minLength" && count === 1) return t("problems.kind.required");
  return t(`problems.kind.${kind}`, { count });
}

/** The field's name as the form labels it ("Customer contact › E-mail"). */
export function fieldLabel(path: string, t: Translate): string {
  const names = segments(path)
    .map((s) => t(`problems.field.${s}`, { defaultValue: "" }))
    .filter(Boolean);
  return names.length ? names.join(" › ") : t("problems.field.other");
}

/** The first field error at `field` or inside it (`partnerIds.0` for `partnerIds`). */
export function findFieldError(errors: readonly FieldError[], field: string): FieldError | undefined {
  return errors.find((e) => {
    const path = fieldPath(e);
    return path === field || path.startsWith(`${field}.`);
  });
}
