// POST /api/v1/claim-imports: a claims file (CSV or XLSX) checked row by row; a dry run answers
// the problems and writes nothing; a real run of a good file is accepted as one import whose drafts
// are then created in chunks (bulk/run-claim-import.ts). A file with any bad row creates nothing.
import type { Readable } from "node:stream";
import { mayFileInBulk } from "../../../domain/policies/claims.ts";
import { forbidden, invalidField, RefusalError } from "../../../domain/refusal.ts";
import type { AppContext } from "../../context.ts";
import { transact } from "../../db/transact.ts";
import { newId } from "../../ids.ts";
import type { Principal } from "../../principal.ts";
import {
  type CheckedFile,
  checkClaimRows,
  type RowProblem,
  type ShapeCheck,
} from "../bulk/check-claim-rows.ts";
import { readClaimFile, UnreadableFile } from "../bulk/claim-file-reader.ts";
import { type ClaimImportView, importView } from "../bulk/claim-import-store.ts";
import type { ClaimImportRunner } from "../bulk/run-claim-import.ts";
import { partnerOrganization, refuseUnlessMayCreate } from "./create-claim.ts";

export const CLAIM_FILE_MAX_BYTES = 20 * 1024 * 1024;
export const CLAIM_FILE_MAX_ROWS = 10_000;
const MAX_LISTED = 1000;

export interface ClaimFileUpload {
  file: Readable;
  filename: string;
  /** Whether the parser stopped the file at its size limit (known once the stream is read). */
  truncated(): boolean;
}

export interface ClaimFileInput {
  dryRun: boolean;
  multipart: boolean;
  /** Opened only after access is checked. */
  open(): Promise<ClaimFileUpload | null>;
  /** The claim body's schema, as the edge checks POST /api/v1/claims. */
  shape: ShapeCheck;
  /** This process's draft creator: the import is accepted under its lease. */
  runner: ClaimImportRunner;
}

export interface ClaimImportAnswer {
  dryRun: boolean;
  rows: number;
  errors: RowProblem[];
  errorCount: number;
  warnings: RowProblem[];
  /** Whether the drafts are being created (GET import.id for progress). */
  accepted: boolean;
  import: ClaimImportView | null;
}

async function readAll(upload: ClaimFileUpload): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of upload.file) chunks.push(Buffer.from(chunk));
  if (upload.truncated())
    throw new RefusalError({
      code: "file_too_large",
      detail: `the file is larger than ${CLAIM_FILE_MAX_BYTES} bytes`,
      maxBytes: CLAIM_FILE_MAX_BYTES,
    });
  return Buffer.concat(chunks);
}

export async function importClaimsFile(
  ctx: AppContext,
  principal: Principal,
  input: ClaimFileInput,
): Promise<ClaimImportAnswer> {
  if (!mayFileInBulk(principal))
    throw forbidden("only global and incentives admins of a partner file claims");
  refuseUnlessMayCreate(principal);
  const organizationId = partnerOrganization(principal);
  if (!input.multipart)
    throw new RefusalError({
      code: "file_rejected",
      detail: "send multipart/form-data with one part named file",
    });
  const upload = await input.open();
  if (!upload) throw invalidField("file", "is required");
  const bytes = await readAll(upload);

  let checked: CheckedFile;
  let rows = 0;
  try {
    const file = await readClaimFile(bytes, CLAIM_FILE_MAX_ROWS);
    rows = file.rows.length;
    checked = await checkClaimRows(ctx.db.kysely, organizationId, file, input.shape);
  } catch (err) {
    if (!(err instanceof UnreadableFile)) throw err;
    checked = {
      rows: [],
      errors: [{ line: err.line, column: "row", reason: "unreadable_file", message: err.message }],
      warnings: [],
    };
  }
  const answer: ClaimImportAnswer = {
    dryRun: input.dryRun,
    rows,
    errors: checked.errors.slice(0, MAX_LISTED),
    errorCount: checked.errors.length,
    warnings: checked.warnings.slice(0, MAX_LISTED),
    accepted: false,
    import: null,
  };
  if (input.dryRun || checked.errors.length > 0) return answer;

  const now = ctx.clock.now();
  const lease = input.runner.lease();
  const row = {
    id: newId(),
    organization_id: organizationId,
    created_by: principal.kind === "user" ? principal.id : "system",
    filename: upload.filename.slice(0, 255),
    status: "running",
    total: checked.rows.length,
    done: 0,
    error: null,
    error_code: null,
    error_line: null,
    error_reason: null,
    created_at: now,
    finished_at: null,
    rows_json: JSON.stringify(checked.rows),
    principal_json: JSON.stringify(principal),
    lease_owner: lease.owner,
    lease_until: lease.until,
  };
  // The acceptance is this request's one unit of work (an Idempotency-Key replays it) and holds all
  // the drafts need, so that any process can create them should this one die; they follow in the
  // background.
  const accepted = await transact(ctx.db, async (trx) => {
    await trx.insertInto("claim_imports").values(row).execute();
    return { ...answer, accepted: true, import: importView(row, []) };
  });
  if (accepted.import?.status === "running" && accepted.import.done === 0 && accepted.import.id === row.id)
    input.runner.begin(row.id, { principal, rows: checked.rows });
  return accepted;
}
