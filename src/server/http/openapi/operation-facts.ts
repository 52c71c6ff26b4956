// What the route schemas cannot say about an operation, by operationId: the headers the server
// reads or sends, and bodies that are not JSON. Each set lists exactly the operations whose code
// reads or sends that header (grep `ifMatch(`, `setEtag(`, `Location`, `req.file(`, `text/csv`).
import { CLAIM_ACTIONS } from "../../../domain/vocabulary.ts";
import { OPERATION_IDS } from "./operation-ids.ts";

const ACTIONS = CLAIM_ACTIONS.flatMap((a) => {
  const id = OPERATION_IDS[`POST /api/v1/claims/:id/actions/${a}`];
  return id ? [id] : [];
});

/** Operations that honour If-Match with the claim's ETag (412 version_mismatch when stale). */
export const IF_MATCH = new Set(["claims.update", ...ACTIONS]);
/** Operations whose success answer carries the claim's ETag. */
export const ETAG = new Set(["claims.create", "claims.get", "claims.update", ...ACTIONS]);
/** 201 answers that name the new resource in Location. */
export const LOCATION = new Set([
  "claims.create",
  "claims.copy",
  "organizations.create",
  "users.create",
  "webhooks.create",
  "programs.create",
]);

/** 202 answers that name, in Location, where to follow the accepted work. */
export const ACCEPTED_LOCATION = new Set(["bulk.import"]);

/** multipart/form-data bodies: one file part named `file`, and what it holds. */
export const MULTIPART: Record<string, string> = {
  "documents.upload": "The PoE document: PDF, PNG, JPEG, DOCX or XLSX",
  "customers.import": "The customer registry as CSV",
  "revenue.import": "Revenue as CSV: tenantId,subscriptionId,product,month,amount,currency",
  "bulk.import": "Claims as CSV or XLSX, one row per claim (GET /api/v1/claim-imports/template.csv)",
  "bulk.attachDocuments":
    "A ZIP of PoE named by the claims file's line: row-3/contract.pdf or 3-contract.pdf",
};

/** Answers that are CSV files, not JSON. */
export const CSV = new Set(["claims.export", "payouts.export", "bulk.template"]);

/** Answers that are the stored bytes of a file, sent as an attachment in the file's own type. */
export const BINARY = new Set(["documents.download"]);
