// POST /api/v1/admin/revenue/imports: a revenue CSV streamed from the upload. A bad file imports
// nothing; a good one replaces its months, and their payout statements are calculated again.
import type { Readable } from "node:stream";
import { mayImportRevenue } from "../../../domain/policies/incentives.ts";
import { forbidden, invalidField, RefusalError } from "../../../domain/refusal.ts";
import type { Principal } from "../../principal.ts";
import type { MoneyContext } from "../money-access.ts";
import { calculatePayouts } from "../payouts.ts";
import { importRevenue, type RevenueImportResult } from "../revenue-import.ts";

export const REVENUE_FILE_MAX_BYTES = 512 * 1024 * 1024;

export interface RevenueUpload {
  file: Readable;
  filename: string;
  /** Whether the upload was cut at REVENUE_FILE_MAX_BYTES (known once the stream is read). */
  truncated(): boolean;
}

export interface RevenueImportInput {
  dryRun: boolean;
  /** Whether the request is multipart at all; the file is opened only after access is checked. */
  multipart: boolean;
  open: () => Promise<RevenueUpload | null>;
}

export async function importRevenueFile(
  ctx: MoneyContext,
  principal: Principal,
  input: RevenueImportInput,
): Promise<RevenueImportResult> {
  if (!mayImportRevenue(principal) || principal.kind !== "user")
    throw forbidden("this is for program admins");
  if (!input.multipart)
    throw new RefusalError({
      code: "file_rejected",
      detail: "send multipart/form-data with one part named file",
    });
  const upload = await input.open();
  if (!upload) throw invalidField("file", "is required");
  const result = await importRevenue(ctx, upload.file, {
    dryRun: input.dryRun,
    filename: upload.filename,
    userId: principal.id,
  });
  if (upload.truncated())
    throw new RefusalError({
      code: "file_too_large",
      detail: "the file is larger than 512 MiB",
      maxBytes: REVENUE_FILE_MAX_BYTES,
    });
  if (result.imported) for (const m of result.months) await calculatePayouts(ctx.db, m, ctx.wall.now());
  return result;
}
