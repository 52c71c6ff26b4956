// What a PoE preflight reads (an extracted document) and what it says (one line per check). Shared by
// the server (extraction worker, storage, API) and the labelled-document benchmark.

export const PREFLIGHT_CHECKS = [
  "customer_named",
  "products_named",
  "dates",
  "customer_acknowledgment",
  "partner_work_described",
] as const;
export type PreflightCheckName = (typeof PREFLIGHT_CHECKS)[number];

export const PREFLIGHT_RESULTS = ["pass", "warn", "unknown"] as const;
export type PreflightResult = (typeof PREFLIGHT_RESULTS)[number];

/** The information-request reason a failed check predicts (API.md §3 codes). */
export const PREFLIGHT_REASONS = [
  "missing_all_poe",
  "missing_customer_acknowledgment",
  "missing_or_old_dates",
  "missing_products",
  "missing_partner_solution",
] as const;
export type PreflightReason = (typeof PREFLIGHT_REASONS)[number];

/**
 * What the preflight says about a document in its own words rather than quoting it, so that each
 * reader sees it in their language: the snippet then holds the English words (the API's readers
 * have always had them), or, for a signature line, the document's text around the line.
 */
export const PREFLIGHT_NOTES = [
  "digital_signature",
  "unsigned_signature_field",
  "signature_line",
  "no_text",
] as const;
export type PreflightNote = (typeof PREFLIGHT_NOTES)[number];
/** The notes whose snippet is still a quote of the document. */
export const NOTES_WITH_QUOTE: readonly PreflightNote[] = ["signature_line"];

export interface PreflightEvidence {
  /** 1-based page; absent for form fields and whole-document facts. */
  page?: number;
  snippet: string;
  note?: PreflightNote;
}

export interface PreflightCheck {
  check: PreflightCheckName;
  result: PreflightResult;
  reason: PreflightReason;
  evidence?: PreflightEvidence;
  /** products_named only: the claimed product codes the document does not name. */
  missingProducts?: string[];
}

export interface ExtractedDocument {
  pages: { text: string }[];
  formFields: { name: string; value: string }[];
  hasDigitalSignature: boolean;
  hasSignatureField: boolean;
  kind: "pdf" | "docx" | "xlsx";
}

export interface PreflightClaim {
  customer: { name: string; domain: string; tenantId: string };
  /** The customer's contact on the claim: a signature beside their name is the customer's. */
  customerContact: { name: string; title?: string };
  /** `names`: the catalog name and its aliases, English and Spanish. */
  products: { code: string; names: string[] }[];
  /** When the claim was (last) submitted; null for a draft (the window then ends now). */
  submittedAt: Date | null;
}

export interface PreflightOptions {
  /** How old the latest date may be, counted back from submission (or now, for a draft). */
  dateWindowMonths: number;
  /** The shortest description of the partner's work that passes, in characters. */
  minWorkDescriptionChars: number;
}

export const DEFAULT_PREFLIGHT_OPTIONS: PreflightOptions = {
  dateWindowMonths: 12,
  minWorkDescriptionChars: 150,
};
