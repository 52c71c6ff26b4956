// A claim's documents, comments and history.
import type {} from "@fastify/multipart";
import { Type } from "typebox";
import { commentView, documentView } from "../../claims/thread-views.ts";
import { addComment } from "../../claims/use-cases/add-comment.ts";
import {
  listComments,
  listDocuments,
  listHistory,
  readDocument,
} from "../../claims/use-cases/read-thread.ts";
import { uploadDocument } from "../../claims/use-cases/upload-document.ts";
import { callerOf } from "../authenticate.ts";
import { errors } from "../responses.ts";
import { Comment, Document, HistoryEntry } from "../schemas.ts";
import type { App, HttpDeps } from "../types.ts";

const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });

/** RFC 6266 / 5987: an ASCII fallback plus the exact UTF-8 name. */
function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export function threadRoutes(app: App, { ctx, uploads }: HttpDeps): void {
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
      // Busboy may read one byte past the limit, so that our own meter (which removes the partial
      // file) is what trips, never a silent truncation. Paths are kept in names to be refused.
      const multipart = req.isMultipart();
      const part = multipart
        ? await req.file({
            limits: { fileSize: uploads.maxBytes + 1, files: 1, parts: 5, fields: 2 },
            preservePath: true,
            throwFileSizeLimit: false,
          })
        : undefined;
      const doc = await uploadDocument(
        ctx,
        callerOf(req).principal,
        req.params.id,
        { multipart, part },
        uploads,
      );
      return reply.code(201).send(documentView(doc));
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
    async (req) => listDocuments(ctx, callerOf(req).principal, req.params.id),
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
      const doc = await readDocument(ctx, callerOf(req).principal, req.params.id, req.params.documentId);
      reply.header("Content-Disposition", contentDisposition(doc.filename));
      reply.header("X-Content-Type-Options", "nosniff");
      reply.header("Content-Security-Policy", "sandbox; default-src 'none'");
      reply.header("Content-Length", String(doc.size));
      return reply.type(doc.contentType).send(doc.content);
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
    async (req) => listComments(ctx, callerOf(req).principal, req.params.id),
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
      return reply.code(201).send(commentView(c));
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
    async (req) => listHistory(ctx, callerOf(req).principal, req.params.id),
  );
}
