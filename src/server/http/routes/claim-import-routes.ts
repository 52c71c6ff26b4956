// Bulk filing (issue 14): a claims file checked and filed as drafts, its progress, its PoE ZIP, and
// the file template.
import type {} from "@fastify/multipart";
import { Type } from "typebox";
import { claimFileTemplate } from "../../claims/bulk/claim-file-columns.ts";
import { ClaimImportRunner } from "../../claims/bulk/run-claim-import.ts";
import { importClaimDocuments, POE_ZIP_MAX_BYTES } from "../../claims/use-cases/import-claim-documents.ts";
import { CLAIM_FILE_MAX_BYTES, importClaimsFile } from "../../claims/use-cases/import-claims-file.ts";
import { getClaimImport, listClaimImports } from "../../claims/use-cases/read-claim-imports.ts";
import { callerOf } from "../authenticate.ts";
import {
  ClaimImport,
  ClaimImportAnswer,
  ClaimImportList,
  claimBodyShape,
  PoeZipAnswer,
} from "../claim-import-schemas.ts";
import { errors } from "../responses.ts";
import type { App, HttpDeps } from "../types.ts";

const tags = ["claims"];
const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const DryRunQuery = Type.Object({
  dryRun: Type.Optional(Type.Boolean({ default: true, description: "true (default): check only" })),
});

export function claimImportRoutes(app: App, { ctx, uploads, wall, claimImports }: HttpDeps): void {
  // A bare app (no server around it) creates its own drafts and stops with itself.
  const runner = claimImports ?? new ClaimImportRunner(ctx, { wall });
  if (!claimImports) app.addHook("onClose", () => runner.stop());

  app.get(
    "/api/v1/claim-imports/template.csv",
    {
      schema: {
        tags,
        summary: "The claims file template: the header and one example row (docs/API.md)",
        response: { 200: Type.String({ description: "text/csv" }), ...errors(401) },
      },
    },
    async (_req, reply) => {
      reply.header("Content-Disposition", 'attachment; filename="claims-template.csv"');
      return reply.type("text/csv; charset=utf-8").send(claimFileTemplate());
    },
  );

  app.post(
    "/api/v1/claim-imports",
    {
      schema: {
        tags,
        summary: "File claims in bulk from a CSV or XLSX (multipart, field file); dryRun=true only checks",
        description:
          "Every row is judged like POST /api/v1/claims (schema, registry, catalog, uniqueness) plus duplicates within the file. Any bad row: nothing is created (200, accepted=false). A good file with dryRun=false: 202, the drafts are created in the background; follow GET /api/v1/claim-imports/{id}.",
        consumes: ["multipart/form-data"],
        querystring: DryRunQuery,
        response: { 200: ClaimImportAnswer, 202: ClaimImportAnswer, ...errors(401, 403, 413, 415, 422, 429) },
      },
    },
    async (req, reply) => {
      const answer = await importClaimsFile(ctx, callerOf(req).principal, {
        dryRun: req.query.dryRun !== false,
        multipart: req.isMultipart(),
        shape: claimBodyShape,
        runner,
        open: async () => {
          const part = await req.file({
            limits: { fileSize: CLAIM_FILE_MAX_BYTES, files: 1, parts: 3 },
            throwFileSizeLimit: false,
          });
          return part
            ? { file: part.file, filename: part.filename, truncated: () => part.file.truncated }
            : null;
        },
      });
      if (!answer.accepted) return answer;
      reply.header("Location", `/api/v1/claim-imports/${answer.import?.id ?? ""}`);
      return reply.code(202).send(answer);
    },
  );

  app.get(
    "/api/v1/claim-imports",
    {
      schema: {
        tags,
        summary: "Your organisation's claims files, newest first",
        response: { 200: ClaimImportList, ...errors(401, 403) },
      },
    },
    async (req) => listClaimImports(ctx, callerOf(req).principal),
  );

  app.get(
    "/api/v1/claim-imports/:id",
    {
      schema: {
        tags,
        summary: "A claims file's progress and the drafts it created (line, id, number)",
        params: IdParams,
        response: { 200: ClaimImport, ...errors(401, 403, 404) },
      },
    },
    async (req) => getClaimImport(ctx, callerOf(req).principal, req.params.id),
  );

  app.post(
    "/api/v1/claim-imports/:id/documents",
    {
      schema: {
        tags: ["documents"],
        summary: "Attach PoE to a file's drafts from a ZIP named by line (row-3/poe.pdf or 3-poe.pdf)",
        description:
          "Each entry goes through the single upload's checks and limits; each is answered on its own (attached, or its reason).",
        params: IdParams,
        consumes: ["multipart/form-data"],
        response: { 200: PoeZipAnswer, ...errors(401, 403, 404, 413, 415, 422, 429) },
      },
    },
    async (req) =>
      importClaimDocuments(
        ctx,
        callerOf(req).principal,
        req.params.id,
        {
          multipart: req.isMultipart(),
          open: async () => {
            const part = await req.file({
              limits: { fileSize: POE_ZIP_MAX_BYTES, files: 1, parts: 3 },
              throwFileSizeLimit: false,
            });
            return part
              ? { file: part.file, filename: part.filename, truncated: () => part.file.truncated }
              : null;
          },
        },
        uploads,
      ),
  );
}
