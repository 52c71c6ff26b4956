// The PoE preflight: what a reviewer would send the document back for, guessed before they see it.
// Pure: the document's text, the claim and the time in; one line per check out.
import { checkAcknowledgment } from "./check-acknowledgment.ts";
import { checkDates } from "./check-dates.ts";
import { evidenceOf, findCustomer, findProducts } from "./check-names.ts";
import { checkWorkDescription } from "./check-work-description.ts";
import { documentParts, wordCharCount } from "./document-text.ts";
import {
  DEFAULT_PREFLIGHT_OPTIONS,
  type ExtractedDocument,
  type PreflightCheck,
  type PreflightClaim,
  type PreflightOptions,
} from "./types.ts";

// Fewer letters and digits than this: a scan without a text layer, about which nothing can be told.
const MIN_TEXT_CHARS = 12;

export function runPreflightChecks(
  doc: ExtractedDocument,
  claim: PreflightClaim,
  now: Date,
  options: Partial<PreflightOptions> = {},
): PreflightCheck[] {
  const o = { ...DEFAULT_PREFLIGHT_OPTIONS, ...options };
  const parts = documentParts(doc);
  if (wordCharCount(parts) < MIN_TEXT_CHARS) return unreadableText(doc, parts, claim);
  const customer = findCustomer(parts, claim.customer);
  const products = findProducts(parts, claim.products);
  const missing = products.filter((p) => !p.hit).map((p) => p.code);
  const firstProduct = products.find((p) => p.hit)?.hit ?? null;
  // Neither the customer nor any product: the document is not about this claim at all.
  const notAboutClaim = !customer && !firstProduct;
  // A document about the products but not naming the customer does not show the customer took part.
  const customerReason = firstProduct ? "missing_customer_acknowledgment" : "missing_all_poe";
  const customerCheck: PreflightCheck = customer
    ? { check: "customer_named", result: "pass", reason: customerReason, evidence: evidenceOf(customer) }
    : { check: "customer_named", result: "warn", reason: customerReason };
  const productsCheck: PreflightCheck = {
    check: "products_named",
    result: missing.length === 0 ? "pass" : "warn",
    reason: notAboutClaim ? "missing_all_poe" : "missing_products",
    ...(firstProduct ? { evidence: evidenceOf(firstProduct) } : {}),
    ...(missing.length ? { missingProducts: missing } : {}),
  };
  return [
    customerCheck,
    productsCheck,
    checkDates(parts, now, claim.submittedAt, o.dateWindowMonths),
    checkAcknowledgment(doc, parts, claim),
    checkWorkDescription(parts, o.minWorkDescriptionChars),
  ];
}

function unreadableText(
  doc: ExtractedDocument,
  parts: ReturnType<typeof documentParts>,
  claim: PreflightClaim,
): PreflightCheck[] {
  const ack = checkAcknowledgment(doc, parts, claim);
  const evidence = {
    snippet: "The document has almost no text (a scan?): it cannot be read.",
    note: "no_text",
  } as const;
  return [
    { check: "customer_named", result: "unknown", reason: "missing_all_poe", evidence },
    { check: "products_named", result: "unknown", reason: "missing_products", evidence },
    { check: "dates", result: "unknown", reason: "missing_or_old_dates", evidence },
    ack.result === "pass" ? ack : { ...ack, result: "unknown", evidence: ack.evidence ?? evidence },
    { check: "partner_work_described", result: "unknown", reason: "missing_partner_solution", evidence },
  ];
}
