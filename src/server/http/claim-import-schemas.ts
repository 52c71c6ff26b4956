// Bulk filing's request and answer schemas (issue 14): the claims file's check, an import's
// progress, and the per-entry answer to a ZIP of PoE.

import { Type } from "typebox";
import { Compile } from "typebox/compile";
import type { ShapeCheck } from "../claims/bulk/check-claim-rows.ts";
import { ClaimCreate, Nullable, Time } from "./schemas.ts";

const closed = { additionalProperties: false } as const;

/** The claim body's schema, the one POST /api/v1/claims validates with, applied to each row. */
const claimBody = Compile(ClaimCreate);
export const claimBodyShape: ShapeCheck = (input) =>
  [...claimBody.Errors(input)].map((e) => ({ path: e.instancePath, message: e.message }));

export const RowProblem = Type.Object(
  {
    line: Type.Integer({ description: "the file's line (CSV) or row number (XLSX); 1 is the header" }),
    column: Type.String({ description: "the column (header name), or row" }),
    reason: Type.String({
      description:
        "a code: unreadable_file, no_rows, missing_column, unknown_column, required, invalid_value, unknown_partner_id, unknown_activity, not_in_registry, domain_mismatch, no_products, product_twice, unknown_product, inactive_product, subscription_required, subscription_not_of_tenant, subscription_inactive, subscription_product_mismatch, subscription_not_allowed, duplicate_in_file, duplicate_association; warnings: competing_claim",
    }),
    message: Type.String({ description: "the reason in English words" }),
  },
  closed,
);

export const ClaimImport = Type.Object(
  {
    id: Type.String(),
    status: Type.Union([Type.Literal("running"), Type.Literal("done"), Type.Literal("failed")]),
    filename: Type.String(),
    rows: Type.Integer({ description: "drafts the file makes" }),
    done: Type.Integer({ description: "drafts created so far" }),
    error: Nullable(
      Type.String({ description: "failed: the line refused while creating and why, in English" }),
    ),
    failure: Nullable(
      Type.Object(
        {
          code: Type.String({
            description:
              "a refusal's code (API.md §6) for the line's claim, or filer_refused: the filer may no longer file",
          }),
          line: Nullable(Type.Integer({ description: "the refused line; null for filer_refused" })),
          reason: Nullable(
            Type.String({
              description:
                "validation_failed: the first field's reason, one of RowProblem's codes; else null",
            }),
          ),
        },
        closed,
      ),
    ),
    createdAt: Time,
    finishedAt: Nullable(Time),
    claims: Type.Array(
      Type.Object({ line: Type.Integer(), id: Type.String(), number: Type.String() }, closed),
      { description: "the drafts created, by line (empty in the list)" },
    ),
  },
  closed,
);

export const ClaimImportAnswer = Type.Object(
  {
    dryRun: Type.Boolean(),
    rows: Type.Integer({ description: "data rows read" }),
    errors: Type.Array(RowProblem, { description: "the first 1,000 problems; any one creates nothing" }),
    errorCount: Type.Integer(),
    warnings: Type.Array(RowProblem, { description: "competing claims of other organisations (allowed)" }),
    accepted: Type.Boolean({ description: "true: the drafts are being created; follow import" }),
    import: Nullable(ClaimImport),
  },
  closed,
);

export const ClaimImportList = Type.Object({ items: Type.Array(ClaimImport) }, closed);

export const PoeZipAnswer = Type.Object(
  {
    attached: Type.Integer(),
    rejected: Type.Integer(),
    entries: Type.Array(
      Type.Object(
        {
          entry: Type.String(),
          line: Nullable(Type.Integer()),
          claimId: Nullable(Type.String()),
          number: Nullable(Type.String()),
          documentId: Nullable(Type.String()),
          reason: Nullable(
            Type.String({
              description:
                "null when attached; else unnamed_entry, unknown_line, or the single upload's problem code (file_rejected, file_too_large, validation_failed, invalid_transition, ...)",
            }),
          ),
          message: Nullable(Type.String()),
        },
        closed,
      ),
    ),
  },
  closed,
);
