// A document's text as the checks read it: each page (and the form fields, as one extra part with
// no page number) folded twice, with the way back to the original words for the evidence.
import { type FoldedText, foldWithOrigin } from "./normalize-text.ts";
import type { ExtractedDocument, PreflightEvidence } from "./types.ts";

export interface TextPart {
  /** 1-based; undefined for the form fields. */
  page: number | undefined;
  original: string;
  words: FoldedText;
  punct: FoldedText;
}

export interface Hit {
  part: TextPart;
  /** Index into the folded text the hit was found in. */
  index: number;
  length: number;
  folded: "words" | "punct";
}

export function documentParts(doc: ExtractedDocument): TextPart[] {
  const parts: TextPart[] = doc.pages.map((p, i) => ({
    page: i + 1,
    original: p.text,
    words: foldWithOrigin(p.text, "words"),
    punct: foldWithOrigin(p.text, "keep_punctuation"),
  }));
  const fields = doc.formFields
    .filter((f) => f.value.trim())
    .map((f) => `${f.name}: ${f.value}`)
    .join("\n");
  if (fields)
    parts.push({
      page: undefined,
      original: fields,
      words: foldWithOrigin(fields, "words"),
      punct: foldWithOrigin(fields, "keep_punctuation"),
    });
  return parts;
}

const SNIPPET_SIDE = 50;

/** The original words around a hit, on one line, at most ~160 characters. */
export function evidenceOf(hit: Hit): PreflightEvidence {
  const folded = hit.folded === "words" ? hit.part.words : hit.part.punct;
  const from = folded.origin[hit.index] ?? 0;
  const lastFolded = Math.min(hit.index + hit.length - 1, folded.origin.length - 1);
  const to = (folded.origin[lastFolded] ?? from) + 1;
  const text = hit.part.original;
  const start = Math.max(0, from - SNIPPET_SIDE);
  const end = Math.min(text.length, to + SNIPPET_SIDE);
  const body = text.slice(start, end).replace(/\s+/g, " ").trim();
  const snippet = `${start > 0 ? "…" : ""}${body}${end < text.length ? "…" : ""}`;
  return hit.part.page === undefined ? { snippet } : { page: hit.part.page, snippet };
}

/** How many letters and digits the document holds: too few means no text layer (a scan). */
export function wordCharCount(parts: TextPart[]): number {
  return parts.reduce((n, p) => n + p.words.text.replace(/ /g, "").length, 0);
}
