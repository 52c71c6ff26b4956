// Did the customer acknowledge the work? A digital signature, a filled signature form field, or a
// signing marker ("signed by", "aceptado por") standing near the customer's name. A marker far from
// the customer's name, or an empty signature field, cannot tell: it may be the partner's own.
import { customerNeedles } from "./check-names.ts";
import { evidenceOf, type TextPart } from "./document-text.ts";
import { findWords } from "./normalize-text.ts";
import type { ExtractedDocument, PreflightCheck, PreflightClaim } from "./types.ts";

const STRONG = [
  "digitally signed",
  "electronically signed",
  "e signed",
  "signed by",
  "signed",
  "countersigned",
  "accepted by",
  "accepted and agreed",
  "acknowledged by",
  "approved by",
  "agreed by",
  "firmado digitalmente",
  "firmado por",
  "firmado",
  "firmada",
  "aceptado por",
  "aceptada por",
  "aceptado",
  "aprobado por",
  "conforme",
  "de conformidad",
  "recibido y aceptado",
  // "Fdo.: Ana Ruiz", the abbreviation Spanish letters sign with.
  "fdo",
];
// A label that proves nothing by itself: only when what follows is not a blank line to sign on.
const LABELS = ["signature", "firma"];
const NEGATED_BEFORE = /(?:\bnot|\bno|\bto be|\bsin|\bpendiente de|\bpending|\bawaiting|\bunsigned)\s*$/u;
const BLANK_AFTER = /^[\s:]*(?:_{3,}|\.{4,}|-{4,}|$)/u;
const NEAR = 300;
const FIELD_NAME = /sign|firma|accept|acept|conform/iu;

const asPattern = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+");
const MARKER = new RegExp(
  `(?<![\\p{L}\\p{N}])(${[...STRONG, ...LABELS].map(asPattern).join("|")})(?![\\p{L}\\p{N}])`,
  "gu",
);

interface Marker {
  part: TextPart;
  index: number;
  length: number;
  /** Where it stands in the original text. */
  at: number;
}

function markers(parts: TextPart[]): Marker[] {
  const found: Marker[] = [];
  for (const part of parts) {
    const t = part.punct.text;
    MARKER.lastIndex = 0;
    for (let m = MARKER.exec(t); m; m = MARKER.exec(t)) {
      const before = t.slice(Math.max(0, m.index - 20), m.index);
      if (NEGATED_BEFORE.test(before)) continue;
      const label = LABELS.includes(m[1] ?? "");
      if (label && BLANK_AFTER.test(t.slice(m.index + m[0].length, m.index + m[0].length + 40))) continue;
      found.push({ part, index: m.index, length: m[0].length, at: part.punct.origin[m.index] ?? 0 });
    }
  }
  return found;
}

/** Original-text positions where the customer is named in this part. */
function customerPositions(part: TextPart, needles: string[]): number[] {
  const at: number[] = [];
  for (const needle of needles)
    for (let i = findWords(part.words.text, needle); i >= 0; i = findWords(part.words.text, needle, i + 1))
      at.push(part.words.origin[i] ?? 0);
  return at;
}

export function checkAcknowledgment(
  doc: ExtractedDocument,
  parts: TextPart[],
  claim: PreflightClaim,
): PreflightCheck {
  const base = { check: "customer_acknowledgment", reason: "missing_customer_acknowledgment" } as const;
  if (doc.hasDigitalSignature)
    return { ...base, result: "pass", evidence: { snippet: "The PDF carries a digital signature." } };
  const field = doc.formFields.find((f) => FIELD_NAME.test(f.name) && f.value.trim().length >= 2);
  if (field)
    return { ...base, result: "pass", evidence: { snippet: `${field.name}: ${field.value}`.slice(0, 160) } };
  const needles = customerNeedles(claim.customer);
  const found = markers(parts);
  for (const m of found) {
    const near = customerPositions(m.part, needles).some((p) => Math.abs(p - m.at) <= NEAR);
    if (near) return { ...base, result: "pass", evidence: evidenceOf({ ...m, folded: "punct" }) };
  }
  const first = found[0];
  if (first) return { ...base, result: "unknown", evidence: evidenceOf({ ...first, folded: "punct" }) };
  if (doc.hasSignatureField)
    return {
      ...base,
      result: "unknown",
      evidence: { snippet: "The PDF has a signature field, not signed." },
    };
  return { ...base, result: "warn" };
}
