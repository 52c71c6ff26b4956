// Did the customer acknowledge the work? A digital signature, a filled signature form field, or a
// signing marker ("signed by", "/s/", "aceptado por") standing near the customer's name or their
// contact's. A marker far from both cannot tell: it may be the partner's own. A blank signature
// line ("Customer signature: ____", "Firma del cliente: ____") or an unsigned signature field is
// not acknowledgment, but not its absence either: a wet signature is ink, which text extraction
// cannot see. Only a document with no marker and no place to sign at all warns.
import { customerNeedles } from "./check-names.ts";
import { evidenceOf, type TextPart } from "./document-text.ts";
import { findWords, foldWithOrigin } from "./normalize-text.ts";
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
  // "Fdo.: Ana Ruiz", the abbreviation Spanish letters sign with, and "/s/ Ana Ruiz", the
  // conformed signature of US documents.
  "fdo",
  "/s/",
];
// A label that proves nothing by itself: a signature only when a name follows, not a line to sign on.
const LABELS = ["signature", "firma"];
const NEGATED_BEFORE = /(?:\bnot|\bno|\bto be|\bsin|\bpendiente de|\bpending|\bawaiting|\bunsigned)\s*$/u;
// What follows a label on a blank signature line, in either order of the languages: "signature:
// ____" and "firma del cliente: ____" alike (a few words, then the line or nothing).
const BLANK_AFTER = /^[\p{L}\s]{0,30}?[\s:]*(?:_{3,}|\.{4,}|-{4,}|$)/u;
const NEAR = 300;
const FIELD_NAME = /sign|firma|accept|acept|conform/iu;

const asPattern = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&").replace(/ /g, "\\s+");
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

/** Signing markers, and blank signature lines (labels with nothing to read after them). */
function markers(parts: TextPart[]): { signed: Marker[]; lines: Marker[] } {
  const signed: Marker[] = [];
  const lines: Marker[] = [];
  for (const part of parts) {
    const t = part.punct.text;
    MARKER.lastIndex = 0;
    for (let m = MARKER.exec(t); m; m = MARKER.exec(t)) {
      const before = t.slice(Math.max(0, m.index - 20), m.index);
      if (NEGATED_BEFORE.test(before)) continue;
      const found = { part, index: m.index, length: m[0].length, at: part.punct.origin[m.index] ?? 0 };
      const label = LABELS.includes(m[1] ?? "");
      const after = t.slice(m.index + m[0].length, m.index + m[0].length + 60);
      if (label && BLANK_AFTER.test(after)) lines.push(found);
      else signed.push(found);
    }
  }
  return { signed, lines };
}

/** Original-text positions where one of the needles stands in this part. */
function positions(part: TextPart, needles: string[]): number[] {
  const at: number[] = [];
  for (const needle of needles)
    for (let i = findWords(part.words.text, needle); i >= 0; i = findWords(part.words.text, needle, i + 1))
      at.push(part.words.origin[i] ?? 0);
  return at;
}

/** The customer's name, domain and tenant id, and their contact's full name. */
function signerNeedles(claim: PreflightClaim): string[] {
  const contact = foldWithOrigin(claim.customerContact.name).text;
  // A first name alone ("Ana") is too common to tell whose signature it is.
  const full = contact.includes(" ") && contact.length >= 5 ? [contact] : [];
  return [...customerNeedles(claim.customer), ...full];
}

export function checkAcknowledgment(
  doc: ExtractedDocument,
  parts: TextPart[],
  claim: PreflightClaim,
): PreflightCheck {
  const base = { check: "customer_acknowledgment", reason: "missing_customer_acknowledgment" } as const;
  if (doc.hasDigitalSignature)
    return {
      ...base,
      result: "pass",
      evidence: { snippet: "The PDF carries a digital signature.", note: "digital_signature" },
    };
  const field = doc.formFields.find((f) => FIELD_NAME.test(f.name) && f.value.trim().length >= 2);
  if (field)
    return { ...base, result: "pass", evidence: { snippet: `${field.name}: ${field.value}`.slice(0, 160) } };
  const needles = signerNeedles(claim);
  const { signed, lines } = markers(parts);
  for (const m of signed) {
    const near = positions(m.part, needles).some((p) => Math.abs(p - m.at) <= NEAR);
    if (near) return { ...base, result: "pass", evidence: evidenceOf({ ...m, folded: "punct" }) };
  }
  const first = signed[0];
  if (first) return { ...base, result: "unknown", evidence: evidenceOf({ ...first, folded: "punct" }) };
  const line = lines[0];
  if (line) {
    // A signature line is there, but ink is not text: the note says so, the snippet shows the line.
    return {
      ...base,
      result: "unknown",
      evidence: { ...evidenceOf({ ...line, folded: "punct" }), note: "signature_line" },
    };
  }
  if (doc.hasSignatureField)
    return {
      ...base,
      result: "unknown",
      evidence: { snippet: "The PDF has a signature field, not signed.", note: "unsigned_signature_field" },
    };
  return { ...base, result: "warn" };
}
