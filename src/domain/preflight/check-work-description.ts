// Is the partner's work described, at some length? Either a section under a heading such as "Scope
// of work" / "Trabajo realizado", or sentences that say what was done ("we deployed", "migramos").
// The length counted is of letters, digits and single spaces, so layout does not pad it.
import { evidenceOf, type TextPart } from "./document-text.ts";
import type { PreflightCheck } from "./types.ts";

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
  "rolled out",
  "were delivered",
  "integramos",
  "implementaron",
  "desplegaron",
  "se impartieron",
];
// Where a described section ends: the next block a PoE usually carries.
const SECTION_END =
  /\b(?:signed|signature|firma|firmado|accepted by|aceptado por|approved by|aprobado por)\b/u;
const SECTION_CAP = 2000;

function sectionAfter(part: TextPart, at: number): string {
  const rest = part.words.text.slice(at, at + SECTION_CAP);
  const end = rest.search(SECTION_END);
  return end > 0 ? rest.slice(0, end) : rest;
}

export function checkWorkDescription(parts: TextPart[], minChars: number): PreflightCheck {
  const base = { check: "partner_work_described", reason: "missing_partner_solution" } as const;
  let best: { part: TextPart; index: number; length: number; chars: number } | null = null;
  for (const part of parts) {
    const t = part.words.text;
    for (const h of HEADINGS) {
      const i = t.indexOf(h);
      if (i < 0) continue;
      const chars = sectionAfter(part, i + h.length).trim().length;
      if (!best || chars > best.chars) best = { part, index: i, length: h.length, chars };
    }
    // Without a heading: the sentences that say what was done, each counted to the next verb.
    let chars = 0;
    let first = -1;
    for (const v of VERBS)
      for (let i = t.indexOf(v); i >= 0; i = t.indexOf(v, i + 1)) {
        if (first < 0 || i < first) first = i;
        chars += Math.min(t.length - i, 300);
      }
    if (first >= 0 && (!best || chars > best.chars)) best = { part, index: first, length: 20, chars };
  }
  if (!best) return { ...base, result: "warn" };
  const evidence = evidenceOf({ part: best.part, index: best.index, length: best.length, folded: "words" });
  return { ...base, result: best.chars >= minChars ? "pass" : "warn", evidence };
}
