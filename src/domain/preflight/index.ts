// The PoE preflight (issue 14): pure checks of a document's extracted text against its claim.
export { type FoundDate, findDates, monthsBefore } from "./find-dates.ts";
export { findWords, foldWithOrigin, normalizeName, normalizeText } from "./normalize-text.ts";
export { runPreflightChecks } from "./run-preflight-checks.ts";
export {
  type ClaimPreflight,
  type DocumentPreflight,
  type DocumentPreflightStatus,
  summarizePreflight,
} from "./summarize-preflight.ts";
export * from "./types.ts";
