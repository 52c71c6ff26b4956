// Attach a PoE document: checked before the bytes flow, streamed to storage while inspected, then
// recorded with its history entry in one transaction.

import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { RefusalError } from "../../../domain/refusal.ts";
import type { AppContext } from "../../context.ts";
import type { DocumentsTable } from "../../db/schema.ts";
import { transact } from "../../db/transact.ts";
import {
  checkFilename,
  FileInspector,
  type Inspection,
  storedFilename,
} from "../../documents/file-inspection.ts";
import { newId } from "../../ids.ts";
import { queuePreflight } from "../../preflight/preflight-queue.ts";
import { actorRef, type Principal } from "../../principal.ts";
import { applyCommand, judge } from "../apply-command.ts";
import { loadClaim } from "../claim-loader.ts";

export interface UploadLimits {
  maxBytes: number;
  maxFilesPerClaim: number;
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = { maxBytes: 10 * 1024 * 1024, maxFilesPerClaim: 20 };

async function documentCount(ctx: AppContext, claimId: string, db = ctx.db.kysely): Promise<number> {
  const r = await db
    .selectFrom("documents")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("claim_id", "=", claimId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

function tooMany(limits: UploadLimits): RefusalError {
  return new RefusalError({
    code: "validation_failed",
    detail: `a claim holds at most ${limits.maxFilesPerClaim} documents`,
    errors: [{ field: "file", message: `at most ${limits.maxFilesPerClaim} documents per claim` }],
  });
}

const rejected = (detail: string) => new RefusalError({ code: "file_rejected", detail });

/** May this caller upload to this claim now? Asked before any byte is read. */
export async function checkUpload(
  ctx: AppContext,
  principal: Principal,
  claimId: string,
  limits: UploadLimits,
): Promise<void> {
  await transact(ctx.db, async (trx) => {
    const loaded = await loadClaim(ctx, trx, principal, claimId);
    const full = (await documentCount(ctx, claimId, trx)) >= limits.maxFilesPerClaim;
    judge(ctx, principal, loaded, { type: "upload" }, { laterRefusal: full ? tooMany(limits) : undefined });
  });
}

export async function attachDocument(
  ctx: AppContext,
  principal: Principal,
  claimId: string,
  upload: { filename: string; source: Readable },
  limits: UploadLimits = DEFAULT_UPLOAD_LIMITS,
): Promise<DocumentsTable> {
  // Who may upload where comes first (404/403/409); then the name, then the bytes.
  await checkUpload(ctx, principal, claimId, limits);
  const filename = checkFilename(upload.filename);
  const inspector = new FileInspector();
  // pipeline() also settles for a source that already failed (a truncated multipart body can end
  // while the checks above ran): the inspector then fails, and so does the store.
  const feeding = pipeline(upload.source, inspector).catch((err: unknown) => {
    inspector.destroy(err instanceof Error ? err : new Error(String(err)));
  });
  let inspection: Inspection | undefined;
  let blob: Awaited<ReturnType<typeof ctx.blobs.stage>>;
  try {
    blob = await ctx.blobs.stage(inspector, limits.maxBytes, async () => {
      // Judged before the bytes become a stored blob: a refused file leaves nothing behind.
      inspection = await inspector.inspect();
    });
  } catch (err) {
    upload.source.destroy();
    throw err;
  } finally {
    await feeding;
  }
  if (!inspection || blob.size === 0) {
    await blob.discard();
    throw rejected(inspection ? "the file is empty" : "the file could not be inspected");
  }
  const { contentType, flags } = inspection;
  const storedName = storedFilename(filename, inspection.kind);
  // The staged bytes become a blob only with the row (below); any refusal discards them.
  const staged = blob;
  return transact(ctx.db, async (trx) => {
    const loaded = await loadClaim(ctx, trx, principal, claimId);
    const full = (await documentCount(ctx, claimId, trx)) >= limits.maxFilesPerClaim;
    const doc: DocumentsTable = {
      id: newId(),
      claim_id: claimId,
      filename: storedName,
      content_type: contentType,
      size: blob.size,
      sha256: blob.sha256,
      storage_key: blob.key,
      flags: JSON.stringify(flags),
      uploaded_by: principal.kind === "user" ? principal.id : "system",
      created_at: loaded.now,
    };
    await applyCommand(
      ctx,
      trx,
      principal,
      loaded,
      { type: "upload" },
      {
        laterRefusal: full ? tooMany(limits) : undefined,
        entries: [
          {
            event: {
              type: "document_added",
              at: loaded.now,
              data: { documentId: doc.id, filename: storedName, sha256: blob.sha256 },
            },
            actor: actorRef(principal),
          },
        ],
      },
    );
    await trx.insertInto("documents").values(doc).execute();
    // Read after the commit by the preflight runner (issue 14), never inside this request.
    const owner = { documentId: doc.id, claimId, organizationId: loaded.row.organization_id };
    await queuePreflight(trx, owner, loaded.now);
    // Last, so that a refusal or a conflict in any statement above leaves the bytes staged.
    await staged.commit(trx);
    return doc;
  }).finally(() => staged.discard());
}
