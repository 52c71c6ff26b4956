// POST /api/v1/claims/{id}/documents: the request's one file part, checked for shape, then attached
// (attach-document.ts judges who may upload where, the name and the bytes).
import type { Readable } from "node:stream";
import { invalidField, RefusalError } from "../../../domain/refusal.ts";
import type { AppContext } from "../../context.ts";
import type { Principal } from "../../principal.ts";
import { attachDocument, DEFAULT_UPLOAD_LIMITS, type UploadLimits } from "./attach-document.ts";

export interface UploadRequest {
  /** Whether the body is multipart/form-data at all. */
  multipart: boolean;
  /** Its first file part, if any. `truncated`: the parser stopped at its own size limit. */
  part?: { fieldname: string; filename: string; file: Readable & { truncated?: boolean } };
}

export async function uploadDocument(
  ctx: AppContext,
  principal: Principal,
  claimId: string,
  request: UploadRequest,
  limits: UploadLimits = DEFAULT_UPLOAD_LIMITS,
) {
  if (!request.multipart)
    throw new RefusalError({
      code: "file_rejected",
      detail: "send multipart/form-data with one part named file",
    });
  const { part } = request;
  if (!part) throw invalidField("file", "is required");
  if (part.fieldname !== "file")
    throw new RefusalError({
      code: "validation_failed",
      detail: "the file part must be named file",
      errors: [{ field: part.fieldname, message: "is not a known field" }],
    });
  const doc = await attachDocument(
    ctx,
    principal,
    claimId,
    { filename: part.filename, source: part.file },
    limits,
  );
  if (part.file.truncated)
    throw new RefusalError({
      code: "file_too_large",
      detail: `the file is larger than ${limits.maxBytes} bytes`,
      maxBytes: limits.maxBytes,
    });
  return doc;
}
