// The labelled PoE corpus: `generateCorpus({seed, count})` gives the same documents, bytes and
// labels for the same seed. Each document carries at most one defect; its labels say which check
// a correct preflight answers "warn" for (every other check: "pass").
import { contentOf } from "./content.ts";
import { renderDocx } from "./render-docx.ts";
import { renderPdf } from "./render-pdf.ts";
import { rng } from "./rng.ts";
import { type DocSpec, drawSpec } from "./spec.ts";

export {
  CHECKS,
  type CheckName,
  type CorpusClaim,
  DEFECTS,
  type Defect,
  type DocSpec,
  type Expected,
} from "./spec.ts";

/** The instant the corpus's dates are drawn around (the claim's submission time). */
export const CORPUS_NOW = Date.parse("2026-06-15T12:00:00.000Z");

export const MEDIA_TYPES = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
} as const;

export interface CorpusDocument {
  spec: DocSpec;
  mediaType: string;
  filename: string;
  bytes: Uint8Array;
}

export async function generateDocument(seed: number, i: number, now = CORPUS_NOW): Promise<CorpusDocument> {
  // One generator per document: document i is the same whatever the corpus size.
  const r = rng(seed * 1_000_003 + i);
  const spec = drawSpec(r, i);
  const blocks = contentOf(r, spec, now);
  const bytes =
    spec.format === "pdf"
      ? await renderPdf(blocks, spec.layout, r)
      : await renderDocx(blocks, spec.layout, r);
  return { spec, mediaType: MEDIA_TYPES[spec.format], filename: `${spec.id}.${spec.format}`, bytes };
}

export async function generateCorpus(opts: {
  seed: number;
  count: number;
  now?: number;
}): Promise<CorpusDocument[]> {
  const out: CorpusDocument[] = [];
  for (let i = 0; i < opts.count; i++) out.push(await generateDocument(opts.seed, i, opts.now));
  return out;
}
