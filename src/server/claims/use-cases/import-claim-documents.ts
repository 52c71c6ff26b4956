// POST /api/v1/claim-imports/{id}/documents: a ZIP of PoE whose entries are named by the claims
// file's line (`row-3/contract.pdf`, `3-contract.pdf`). Each entry goes through attachDocument,
// the single upload's own inspection, storage, limits and history; each is answered on its own.
import type { Readable } from "node:stream";
import { mayFileInBulk } from "../../../domain/policies/claims.ts";
import { forbidden, invalidField, notFound, RefusalError } from "../../../domain/refusal.ts";
import type { AppContext } from "../../context.ts";
import { BlobTooLargeError } from "../../documents/blob-store.ts";
import { FileRejectedError } from "../../documents/file-inspection.ts";
import type { Principal } from "../../principal.ts";
import { eachZipEntry, ZipRefusal } from "../bulk/bounded-zip.ts";
import { createdClaims, findImport } from "../bulk/claim-import-store.ts";
import { attachDocument, type UploadLimits } from "./attach-document.ts";
import { partnerOrganization } from "./create-claim.ts";

export const POE_ZIP_MAX_BYTES = 100 * 1024 * 1024;
const MAX_ENTRIES = 2000;

export interface ZipUpload {
  file: Readable;
  filename: string;
  truncated(): boolean;
}

export interface EntryResult {
  entry: string;
  line: number | null;
  claimId: string | null;
  number: string | null;
  documentId: string | null;
  /** null: attached; else why not (a problem code, or unnamed_entry / unknown_line). */
  reason: string | null;
  message: string | null;
}

/** `row-3/contract.pdf`, `poe/row-3/contract.pdf`, `3-contract.pdf`, `row-3-contract.pdf`. */
export function lineOfEntry(name: string): { line: number; filename: string } | null {
  const parts = name.split("/").filter((p) => p.length > 0);
  const last = parts.at(-1) ?? "";
  for (const folder of parts.slice(0, -1)) {
    const m = /^row[-_ ]?(\d{1,6})$/i.exec(folder);
    if (m) return { line: Number(m[1]), filename: last };
  }
  const m = /^(?:row[-_ ]?)?(\d{1,6})[-_ ](.+)$/i.exec(last);
  return m ? { line: Number(m[1]), filename: m[2] ?? last } : null;
}

/** What the single upload would have answered, as this entry's reason; null: not a refusal. */
function entryRefusal(err: unknown): { reason: string; message: string } | null {
  if (err instanceof RefusalError) return { reason: err.refusal.code, message: err.message };
  if (err instanceof FileRejectedError) return { reason: "file_rejected", message: err.message };
  if (err instanceof BlobTooLargeError) return { reason: "file_too_large", message: err.message };
  return null;
}

const junk = (name: string) => name.startsWith("__MACOSX/") || /(^|\/)\.DS_Store$/.test(name);

export async function importClaimDocuments(
  ctx: AppContext,
  principal: Principal,
  importId: string,
  input: { multipart: boolean; open(): Promise<ZipUpload | null> },
  limits: UploadLimits,
): Promise<{ attached: number; rejected: number; entries: EntryResult[] }> {
  if (!mayFileInBulk(principal))
    throw forbidden("only global and incentives admins of a partner file claims");
  const organizationId = partnerOrganization(principal);
  const db = ctx.db.kysely;
  if (!(await findImport(db, organizationId, importId))) throw notFound("no such claims import");
  if (!input.multipart)
    throw new RefusalError({
      code: "file_rejected",
      detail: "send multipart/form-data with one part named file",
    });
  const upload = await input.open();
  if (!upload) throw invalidField("file", "is required");
  const chunks: Buffer[] = [];
  for await (const c of upload.file) chunks.push(Buffer.from(c));
  if (upload.truncated())
    throw new RefusalError({
      code: "file_too_large",
      detail: `the ZIP is larger than ${POE_ZIP_MAX_BYTES} bytes`,
      maxBytes: POE_ZIP_MAX_BYTES,
    });
  const byLine = new Map((await createdClaims(db, importId)).map((c) => [c.line, c]));
  const entries: EntryResult[] = [];
  const zipLimits = {
    maxEntries: MAX_ENTRIES,
    // One byte over the upload limit is still read, so that the document check names the refusal.
    maxEntryBytes: Number.MAX_SAFE_INTEGER,
    maxTotalBytes: Math.max(1, byLine.size) * limits.maxFilesPerClaim * limits.maxBytes,
  };
  try {
    await eachZipEntry(Buffer.concat(chunks), zipLimits, async (e) => {
      if (e.directory || junk(e.name)) return;
      const result: EntryResult = {
        entry: e.name,
        line: null,
        claimId: null,
        number: null,
        documentId: null,
        reason: null,
        message: null,
      };
      entries.push(result);
      const named = lineOfEntry(e.name);
      if (!named) {
        result.reason = "unnamed_entry";
        result.message = "name entries by the file's line: row-3/contract.pdf or 3-contract.pdf";
        return;
      }
      result.line = named.line;
      const claim = byLine.get(named.line);
      if (!claim) {
        result.reason = "unknown_line";
        result.message = `line ${named.line} of the file made no claim`;
        return;
      }
      result.claimId = claim.id;
      result.number = claim.number;
      if (e.size > limits.maxBytes) {
        result.reason = "file_too_large";
        result.message = `the file is larger than ${limits.maxBytes} bytes`;
        return;
      }
      const source = await e.open();
      try {
        const doc = await attachDocument(
          ctx,
          principal,
          claim.id,
          { filename: named.filename, source },
          limits,
        );
        result.documentId = doc.id;
      } catch (err) {
        source.destroy();
        const refusal = entryRefusal(err);
        if (!refusal) throw err;
        result.reason = refusal.reason;
        result.message = refusal.message;
      }
    });
  } catch (err) {
    if (err instanceof ZipRefusal) throw new RefusalError({ code: "file_rejected", detail: err.message });
    throw err;
  }
  const attached = entries.filter((e) => e.reason === null).length;
  return { attached, rejected: entries.length - attached, entries };
}
