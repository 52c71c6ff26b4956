// A PoE document's text, for the preflight: PDF (text, AcroForm fields, signature fields), DOCX and
// XLSX, read in the bounded worker pool. Images are not read at all: guessing at a scan's words
// would make the checks say things the document may not say.
import { CONTENT_TYPES } from "../documents/file-kinds.ts";
import { type Extraction, ExtractPool } from "./extract-pool.ts";
import { unreadableReason } from "./unreadable-reasons.ts";

export type { Extraction };

const KINDS = {
  [CONTENT_TYPES.pdf]: "pdf",
  [CONTENT_TYPES.docx]: "docx",
  [CONTENT_TYPES.xlsx]: "xlsx",
} as const;

let shared: ExtractPool | null = null;

/** The process's pool, made on first use. */
export function sharedExtractPool(): ExtractPool {
  shared ??= new ExtractPool();
  return shared;
}

export async function closeSharedExtractPool(): Promise<void> {
  const pool = shared;
  shared = null;
  await pool?.close();
}

export async function extractDocument(
  bytes: Uint8Array,
  mediaType: string,
  pool: ExtractPool = sharedExtractPool(),
): Promise<Extraction> {
  if (mediaType === CONTENT_TYPES.png || mediaType === CONTENT_TYPES.jpeg || mediaType.startsWith("image/"))
    return { unreadable: unreadableReason.image() };
  const kind = Object.hasOwn(KINDS, mediaType) ? KINDS[mediaType] : undefined;
  if (!kind) return { unreadable: unreadableReason.unsupportedType(mediaType) };
  return pool.extract(bytes, kind);
}
