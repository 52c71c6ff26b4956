// A claim's documents, comments and history.
import type {} from "@fastify/multipart";
import { Type } from "typebox";
import { RefusalError } from "../../../domain/refusal.ts";
import { isPartnerRole } from "../../../domain/vocabulary.ts";
import { addComment } from "../../claims/use-cases/add-comment.ts";
import { attachDocument } from "../../claims/use-cases/attach-document.ts";
import { getClaim } from "../../claims/use-cases/get-claim.ts";
import type { DocumentsTable } from "../../db/schema.ts";
import { FileRejectedError } from "../../documents/file-inspection.ts";
import { callerOf } from "../authenticate.ts";
import { HttpProblem } from "../problem.ts";
import { errors } from "../responses.ts";
import { Comment, Document, HistoryEntry } from "../schemas.ts";
import type { App, HttpDeps } from "../types.ts";

const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const iso = (t: number) => new Date(t).toISOString();

export function documentJson(d: DocumentsTable) {
  return {
    id: d.id,
    filename: d.filename,
    contentType: d.content_type,
    size: Number(d.size),
    sha256: d.sha256,
    flags: JSON.parse(d.flags) as string[],
    uploadedBy: d.uploaded_by,
    createdAt: iso(d.created_at),
  };
}

/** RFC 6266 / 5987: an ASCII fallback plus the exact UTF-8 name. */
function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** Ids of other organisations' claims (competing claims) are the operator's to see, not a partner's. */
function withoutForeignIds(data: Record<string, unknown>): Record<string, unknown> {
  const { winnerId: _w, keepCompeting: _k, ...rest } = data;
  return rest;
}

export function threadRoutes(app: App, { ctx, uploads }: HttpDeps): void {
  const db = ctx.db.kysely;

  app.post(
    "/api/v1/claims/:id/documents",
    {
      schema: {
        tags: ["documents"],
        summary: "Attach a PoE document (multipart/form-data, field `file`; PDF, PNG, JPEG, DOCX, XLSX)",
        params: IdParams,
        consumes: ["multipart/form-data"],
        response: { 201: Document, ...errors(401, 403, 404, 409, 413, 415, 422) },
      },
    },
    async (req, reply) => {
      const principal = callerOf(req).principal;
      if (!req.isMultipart())
        throw new FileRejectedError("send multipart/form-data with one part named file");
      // Busboy may read one byte past the limit, so that our own meter (which removes the partial
      // file) is what trips, never a silent truncation. Paths are kept in names to be refused.
      const part = await req.file({
        limits: { fileSize: uploads.maxBytes + 1, files: 1, parts: 5, fields: 2 },
        preservePath: true,
        throwFileSizeLimit: false,
      });
      if (!part)
        throw new HttpProblem(422, "validation_failed", "no file part", {
          errors: [{ field: "file", message: "is required" }],
        });
      if (part.fieldname !== "file")
        throw new HttpProblem(422, "validation_failed", "the file part must be named file", {
          errors: [{ field: part.fieldname, message: "is not a known field" }],
        });
      const doc = await attachDocument(
        ctx,
        principal,
        req.params.id,
        { filename: part.filename, source: part.file },
        uploads,
      );
      if (part.file.truncated)
        throw new HttpProblem(413, "file_too_large", `the file is larger than ${uploads.maxBytes} bytes`);
      return reply.code(201).send(documentJson(doc));
    },
  );

  app.get(
    "/api/v1/claims/:id/documents",
    {
      schema: {
        tags: ["documents"],
        summary: "The claim's documents",
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(Document) }), ...errors(401, 404) },
      },
    },
    async (req) => {
      await getClaim(ctx, callerOf(req).principal, req.params.id);
      const rows = await db
        .selectFrom("documents")
        .selectAll()
        .where("claim_id", "=", req.params.id)
        .orderBy("created_at")
        .execute();
      return { items: rows.map(documentJson) };
    },
  );

  app.get(
    "/api/v1/claims/:id/documents/:documentId/content",
    {
      schema: {
        tags: ["documents"],
        summary: "Download a document (always as an attachment)",
        params: Type.Object({
          id: Type.String({ maxLength: 64 }),
          documentId: Type.String({ maxLength: 64 }),
        }),
        response: { 200: Type.Unsafe({ type: "string", format: "binary" }), ...errors(401, 404) },
      },
    },
    async (req, reply) => {
      await getClaim(ctx, callerOf(req).principal, req.params.id);
      const doc = await db
        .selectFrom("documents")
        .selectAll()
        .where("id", "=", req.params.documentId)
        .where("claim_id", "=", req.params.id)
        .executeTakeFirst();
      if (!doc) throw new RefusalError({ code: "not_found", detail: "no such document on this claim" });
      reply.header("Content-Disposition", contentDisposition(doc.filename));
      reply.header("X-Content-Type-Options", "nosniff");
      reply.header("Content-Security-Policy", "sandbox; default-src 'none'");
      reply.header("Content-Length", String(doc.size));
      return reply.type(doc.content_type).send(await ctx.blobs.get(doc.storage_key));
    },
  );

  app.get(
    "/api/v1/claims/:id/comments",
    {
      schema: {
        tags: ["comments"],
        summary: "The claim's comments, oldest first",
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(Comment) }), ...errors(401, 404) },
      },
    },
    async (req) => {
      await getClaim(ctx, callerOf(req).principal, req.params.id);
      const rows = await db
        .selectFrom("comments")
        .selectAll()
        .where("claim_id", "=", req.params.id)
        .orderBy("created_at")
        .orderBy("id")
        .execute();
      return {
        items: rows.map((c) => ({
          id: c.id,
          body: c.body,
          author: { id: c.author_id, name: c.author_name, side: c.side },
          createdAt: iso(c.created_at),
        })),
      };
    },
  );

  app.post(
    "/api/v1/claims/:id/comments",
    {
      schema: {
        tags: ["comments"],
        summary: "Comment (global and incentives admins of the organisation, reviewers)",
        params: IdParams,
        body: Type.Object(
          { body: Type.String({ minLength: 1, maxLength: 10_000 }) },
          { additionalProperties: false },
        ),
        response: { 201: Comment, ...errors(401, 403, 404, 422) },
      },
    },
    async (req, reply) => {
      const c = await addComment(ctx, callerOf(req).principal, req.params.id, req.body.body);
      return reply.code(201).send({
        id: c.id,
        body: c.body,
        author: { id: c.author_id, name: c.author_name, side: c.side },
        createdAt: iso(c.created_at),
      });
    },
  );

  app.get(
    "/api/v1/claims/:id/history",
    {
      schema: {
        tags: ["history"],
        summary: "Append-only history, oldest first",
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(HistoryEntry) }), ...errors(401, 404) },
      },
    },
    async (req) => {
      const principal = callerOf(req).principal;
      await getClaim(ctx, principal, req.params.id);
      const partner = isPartnerRole(principal.role);
      const rows = await db
        .selectFrom("history")
        .selectAll()
        .where("claim_id", "=", req.params.id)
        .orderBy("seq")
        .execute();
      return {
        items: rows.map((h) => ({
          seq: h.seq,
          at: iso(h.at),
          actor: {
            kind: h.actor_kind as "user" | "system" | "customer",
            ...(h.actor_id ? { id: h.actor_id } : {}),
            name: h.actor_name,
          },
          event: h.event,
          data: partner
            ? withoutForeignIds(JSON.parse(h.data))
            : (JSON.parse(h.data) as Record<string, unknown>),
        })),
      };
    },
  );
}
