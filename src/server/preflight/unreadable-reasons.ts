// Why a document could not be read, as a code a reader's language can say and as the English
// words the API has always given (`unreadableReason`, stored in document_preflights). The words are
// made here and only here, so the code of a stored row is read back from them: rows written before
// the code existed get one too, with no migration.

export const UNREADABLE_CODES = [
  "image",
  "unsupported_type",
  "damaged",
  "too_slow",
  "too_much_memory",
  "reader_failed",
  "gone",
] as const;
export type UnreadableCode = (typeof UNREADABLE_CODES)[number];

/** The English words of each reason; a detail (what failed, how long) follows where there is one. */
export const unreadableReason = {
  image: () => "images cannot be read; attach a PDF or DOCX",
  unsupportedType: (mediaType: string) => `files of type ${mediaType} cannot be read`,
  damaged: (detail: string) => `the file could not be read: ${detail}`,
  tooSlow: (seconds: number) => `the file took longer than ${seconds} s to read`,
  tooMuchMemory: () => "the file needs too much memory to read",
  readerSentNothing: () => "the reader sent nothing",
  readerFailed: (detail: string) => `the reader failed: ${detail}`,
  readerStopped: () => "the reader stopped",
  readerShutDown: () => "the reader is shut down",
  loadFailed: (detail: string) => `the file could not be loaded: ${detail}`,
  gone: () => "the document is gone",
} as const;

// Most specific first: "the file could not be read" must not catch "…could not be loaded".
const PATTERNS: readonly [RegExp, UnreadableCode][] = [
  [/^images cannot be read/, "image"],
  [/^files of type .* cannot be read$/, "unsupported_type"],
  [/^the file could not be read: /, "damaged"],
  [/^the file took longer than .* to read$/, "too_slow"],
  [/^the file needs too much memory to read$/, "too_much_memory"],
  [/^the reader |^the file could not be loaded: /, "reader_failed"],
  [/^the document is gone$/, "gone"],
];

/** The code of a stored reason; undefined for words this module did not make. */
export function unreadableCodeOf(reason: string): UnreadableCode | undefined {
  return PATTERNS.find(([pattern]) => pattern.test(reason))?.[1];
}
