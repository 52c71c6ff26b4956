// The customer registry imported from CSV (program admin): a dry run checks only; a real run writes
// everything or, if any row is bad, nothing. Access is judged before a byte of the upload is read.
import type { Readable } from "node:stream";
import { mayManageCustomerRegistry } from "../../../domain/policies/admin.ts";
import { forbidden, invalidField, RefusalError } from "../../../domain/refusal.ts";
import type { AppContext } from "../../context.ts";
import type { Principal } from "../../principal.ts";
import { type ImportResult, importCustomers as runImport } from "../customer-import.ts";

/** The request's file, opened only once the caller may import. */
export interface CsvUpload {
  /** Whether the request is multipart/form-data at all. */
  multipart: boolean;
  /** The part holding the file, or null when the request holds none. */
  open(): Promise<Readable | null>;
}

export async function importCustomers(
  ctx: AppContext,
  principal: Principal,
  input: { dryRun: boolean; upload: CsvUpload },
): Promise<ImportResult> {
  if (!mayManageCustomerRegistry(principal)) throw forbidden("only a program admin may do this");
  if (!input.upload.multipart)
    throw new RefusalError({
      code: "file_rejected",
      detail: "send multipart/form-data with one part named file",
    });
  const file = await input.upload.open();
  if (!file) throw invalidField("file", "is required");
  return runImport(ctx, file, input.dryRun);
}
