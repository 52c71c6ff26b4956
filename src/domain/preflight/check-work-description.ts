// Is the partner's work described, at some length? Either a section under a heading such as "Scope
// of work" / "Trabajo realizado" (standing as a heading, not inside a name or a sentence), or the
// sentences that say what was done ("we deployed", "migramos"), each counted once. The length
// counted is of letters, digits and single spaces, so layout does not pad it.
import { evidenceOf, type TextPart } from "./document-text.ts";
import { findWords, foldWithOrigin } from "./normalize-text.ts";
import type { PreflightCheck, PreflightEvidence } from "./types.ts";

const HEADINGS = [
  "scope of work",
  "statement of work",
  "work performed",
  "work completed",
  "services provided",
  "services performed",
  "services delivered",
  "description of services",
  "description of work",
  "description of the work",
  "solution delivered",
  "solution implemented",
  "partner activities",
  "activities performed",
  "project summary",
  "deliverables",
  "alcance del trabajo",
  "alcance del proyecto",
  "trabajo realizado",
  "trabajos realizados",
  "servicios prestados",
  "servicios realizados",
  "descripcion del trabajo",
  "descripcion de los servicios",
  "actividades realizadas",
  "solucion implementada",
  "solucion entregada",
  "resumen del proyecto",
  "entregables",
];
const VERBS = [
  "we deployed",
  "we implemented",
  "we configured",
  "we migrated",
  "we delivered",
  "we designed",
  "we built",
  "we trained",
  "we rolled out",
  "we set up",
  "was deployed",
  "were deployed",
  "was implemented",
  "were migrated",
  "was configured",
  "implementamos",
  "desplegamos",
  "configuramos",
  "migramos",
  "entregamos",
  "disenamos",
  "capacitamos",
  "se implemento",
  "se desplego",
  "se configuro",
  "se migro",
  "deployed",
  "implemented",
  "migrated",
  "integrated",
  "designed",
  "documented",
  "configured",
  "trained",
  "rolled out",
  "were delivered",
  "integramos",
  "implementaron",
  "desplegaron",
  "se impartieron",
  "diseno",
  "disenaron",
  "configuraron",
  "migraron",
];
// Where a described section ends: the next block a PoE usually carries.
const SECTION_END =
  /\b(?:signed|signature|firma|firmado|accepted by|aceptado por|approved by|aprobado por)\b/u;
const SECTION_CAP = 2000;
// One sentence counts this much at most: an unpunctuated table or list is not all description.
const SENTENCE_CAP = 300;
const SENTENCE = /[^.!?]+(?:[.!?]+(?=\s|$)|$)/gu;

function sectionAfter(part: TextPart, at: number): string {
  const rest = part.words.text.slice(at, at + SECTION_CAP);
  const end = rest.search(SECTION_END);
  return end > 0 ? rest.slice(0, end) : rest;
}

/**
 * A heading stands where a line or sentence starts and is followed by a colon or the line's end:
 * "Services delivered:" is one, "Lucerne Technology Services delivered professional services" is
 * a company's name inside a sentence, not a section.
 */
function standsAsHeading(part: TextPart, index: number, length: number): boolean {
  const from = part.words.origin[index] ?? 0;
  const to = (part.words.origin[index + length - 1] ?? from) + 1;
  const head = `${from < 12 ? "\n" : ""}${part.original.slice(Math.max(0, from - 12), from)}`;
  return (
    /[\n.;:!?][ \t*#•\d.)-]*$/u.test(head) && /^[ \t]*(?::|\r?\n|$)/u.test(part.original.slice(to, to + 4))
  );
}

interface Found {
  part: TextPart;
  chars: number;
  evidence: PreflightEvidence;
}

function headedSection(part: TextPart): Found | null {
  let best: Found | null = null;
  const t = part.words.text;
  for (const h of HEADINGS)
    for (let i = findWords(t, h); i >= 0; i = findWords(t, h, i + 1)) {
      if (!standsAsHeading(part, i, h.length)) continue;
      const chars = sectionAfter(part, i + h.length).trim().length;
      if (!best || chars > best.chars)
        best = { part, chars, evidence: evidenceOf({ part, index: i, length: h.length, folded: "words" }) };
    }
  return best;
}

/** The sentences that say what was done, each counted once, by its letters, digits and spaces. */
function workSentences(part: TextPart): Found | null {
  let chars = 0;
  let first: string | null = null;
  for (const [sentence] of part.original.matchAll(SENTENCE)) {
    const folded = foldWithOrigin(sentence).text;
    if (!VERBS.some((v) => findWords(folded, v) >= 0)) continue;
    chars += Math.min(folded.length, SENTENCE_CAP);
    first ??= sentence.replace(/\s+/gu, " ").trim();
  }
  if (first === null) return null;
  const snippet = first.length > 160 ? `${first.slice(0, 159)}…` : first;
  return { part, chars, evidence: part.page === undefined ? { snippet } : { page: part.page, snippet } };
}

export function checkWorkDescription(parts: TextPart[], minChars: number): PreflightCheck {
  const base = { check: "partner_work_described", reason: "missing_partner_solution" } as const;
  let best: Found | null = null;
  for (const part of parts)
    for (const found of [headedSection(part), workSentences(part)])
      if (found && (!best || found.chars > best.chars)) best = found;
  if (!best) return { ...base, result: "warn" };
  return { ...base, result: best.chars >= minChars ? "pass" : "warn", evidence: best.evidence };
}
