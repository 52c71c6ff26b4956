// Incentives over HTTP (API.md §5): programmes, enrolments, re-assessment, revenue
// imports, earnings and payout statements. Each route declares its schemas and calls one use case
// (src/server/incentives/use-cases/), which checks access and owns its queries.

import { Type } from "typebox";
import { changeProgram } from "../../incentives/use-cases/change-program.ts";
import { defineProgram } from "../../incentives/use-cases/define-program.ts";
import { disputeStatementLine } from "../../incentives/use-cases/dispute-statement-line.ts";
import { endEnrollment } from "../../incentives/use-cases/end-enrollment.ts";
import { enrollOrganization } from "../../incentives/use-cases/enroll-organization.ts";
import { exportStatement } from "../../incentives/use-cases/export-statement.ts";
import { getStatement } from "../../incentives/use-cases/get-statement.ts";
import { importRevenueFile, REVENUE_FILE_MAX_BYTES } from "../../incentives/use-cases/import-revenue-file.ts";
import { listEarnings } from "../../incentives/use-cases/list-earnings.ts";
import { viewPrograms } from "../../incentives/use-cases/list-programs.ts";
import { listRevenueImports } from "../../incentives/use-cases/list-revenue-imports.ts";
import { listStatements } from "../../incentives/use-cases/list-statements.ts";
import { moveStatement } from "../../incentives/use-cases/move-statement.ts";
import { reassessEligibility } from "../../incentives/use-cases/reassess-eligibility.ts";
import { recalculateStatements } from "../../incentives/use-cases/recalculate-statements.ts";
import { resolveLineDispute } from "../../incentives/use-cases/resolve-line-dispute.ts";
import { callerOf } from "../authenticate.ts";
import { errors } from "../responses.ts";
import {
  CalculateAnswer,
  CalculateBody,
  DisputeBody,
  DryRunQuery,
  EarningsAnswer,
  EarningsQuery,
  EnrollmentBody,
  EnrollmentParams,
  IdParams,
  LineParams,
  MoveBody,
  ProgramCodeParams,
  ProgramCreate,
  ProgramJson,
  ProgramList,
  ProgramPatch,
  ReassessAnswer,
  ResolveDisputeBody,
  RevenueImportAnswer,
  RevenueImportList,
  Statement,
  StatementLine,
  StatementList,
  StatementQuery,
} from "../schemas/incentives.ts";
import { Nullable } from "../schemas.ts";
import type { App, HttpDeps } from "../types.ts";

export function incentiveRoutes(app: App, { ctx, wall }: HttpDeps): void {
  // Built per request: the context's members may be swapped after start-up (the simulated clock).
  const money = () => ({ ...ctx, wall });
  const tags = ["incentives"];
  const principal = (req: Parameters<typeof callerOf>[0]) => callerOf(req).principal;

  app.get(
    "/api/v1/programs",
    {
      schema: {
        tags,
        summary: "Incentive programmes (seeded OSU and OSA)",
        response: { 200: ProgramList, ...errors(401) },
      },
    },
    async (req) => viewPrograms(ctx, principal(req)),
  );

  app.post(
    "/api/v1/admin/programs",
    {
      schema: {
        tags,
        summary: "Define a programme",
        body: ProgramCreate,
        response: { 201: ProgramJson, ...errors(401, 403, 422) },
      },
    },
    async (req, reply) => {
      const p = await defineProgram(ctx, principal(req), req.body);
      return reply.code(201).header("location", `/api/v1/programs#${p.code}`).send(p);
    },
  );

  app.patch(
    "/api/v1/admin/programs/:code",
    {
      schema: {
        tags,
        summary: "Change a programme (claims already assessed keep their result until re-assessed)",
        params: ProgramCodeParams,
        body: ProgramPatch,
        response: { 200: ProgramJson, ...errors(401, 403, 404, 422) },
      },
    },
    async (req) => changeProgram(ctx, principal(req), { code: req.params.code, patch: req.body }),
  );

  app.post(
    "/api/v1/admin/programs/:code/enrollments",
    {
      schema: {
        tags,
        summary: "Enrol an organisation",
        params: ProgramCodeParams,
        body: EnrollmentBody,
        response: { 200: ProgramJson, ...errors(401, 403, 404, 422) },
      },
    },
    async (req) =>
      enrollOrganization(ctx, principal(req), {
        code: req.params.code,
        organizationId: req.body.organizationId,
      }),
  );

  app.delete(
    "/api/v1/admin/programs/:code/enrollments/:organizationId",
    {
      schema: {
        tags,
        summary: "End an organisation's enrolment (future assessments)",
        params: EnrollmentParams,
        response: { 200: ProgramJson, ...errors(401, 403, 404) },
      },
    },
    async (req) => endEnrollment(ctx, principal(req), req.params),
  );

  app.post(
    "/api/v1/admin/eligibility/reassess",
    {
      schema: {
        tags,
        summary:
          "Assess every assessed claim again against today's programmes; dryRun=true (default) only shows what would change",
        querystring: DryRunQuery,
        response: { 200: ReassessAnswer, ...errors(401, 403, 422) },
      },
    },
    async (req) => reassessEligibility(ctx, principal(req), { dryRun: req.query.dryRun !== false }),
  );

  app.post(
    "/api/v1/admin/revenue/imports",
    {
      schema: {
        tags,
        summary:
          "Import revenue CSV (multipart, field file): tenantId,subscriptionId,product,month,amount,currency",
        description:
          "A bad file imports nothing and lists every bad row (line, column, reason). Importing a month again replaces it. The payout statements of the imported months are recalculated.",
        consumes: ["multipart/form-data"],
        querystring: DryRunQuery,
        response: { 200: RevenueImportAnswer, ...errors(401, 403, 413, 415, 422) },
      },
    },
    async (req) =>
      importRevenueFile(money(), principal(req), {
        dryRun: req.query.dryRun !== false,
        multipart: req.isMultipart(),
        open: async () => {
          const part = await req.file({ limits: { fileSize: REVENUE_FILE_MAX_BYTES, files: 1, parts: 3 } });
          return part
            ? { file: part.file, filename: part.filename, truncated: () => part.file.truncated }
            : null;
        },
      }),
  );

  app.get(
    "/api/v1/admin/revenue/imports",
    {
      schema: {
        tags,
        summary: "Revenue imports, newest first",
        response: { 200: RevenueImportList, ...errors(401, 403) },
      },
    },
    async (req) => listRevenueImports(ctx, principal(req)),
  );

  app.get(
    "/api/v1/earnings",
    {
      schema: {
        tags,
        summary: "Earnings of a month: eligible associations x revenue x rate, as of now",
        querystring: EarningsQuery,
        response: { 200: EarningsAnswer, ...errors(401, 403, 422) },
      },
    },
    async (req) => listEarnings(ctx, principal(req), req.query),
  );

  app.get(
    "/api/v1/payouts",
    {
      schema: {
        tags,
        summary: "Payout statements (one per organisation, month and currency)",
        querystring: StatementQuery,
        response: { 200: StatementList, ...errors(401, 403, 422) },
      },
    },
    async (req) => listStatements(ctx, principal(req), req.query),
  );

  app.get(
    "/api/v1/payouts/:id",
    {
      schema: {
        tags,
        summary: "One statement with its lines",
        params: IdParams,
        response: { 200: Statement, ...errors(401, 403, 404) },
      },
    },
    async (req) => getStatement(ctx, principal(req), req.params),
  );

  app.get(
    "/api/v1/payouts/:id/export.csv",
    {
      schema: {
        tags,
        summary: "The statement's lines as CSV, to validate each tenant and subscription",
        params: IdParams,
        response: { 200: Type.String({ description: "text/csv" }), ...errors(401, 403, 404) },
      },
    },
    async (req, reply) => {
      const { filename, csv } = await exportStatement(ctx, principal(req), req.params);
      reply.header("Content-Disposition", `attachment; filename="${filename}"`);
      return reply.type("text/csv; charset=utf-8").send(csv);
    },
  );

  app.post(
    "/api/v1/payouts/:id/lines/:lineId/dispute",
    {
      schema: {
        tags,
        summary: "Flag a line as disputed, with a comment for the programme",
        params: LineParams,
        body: DisputeBody,
        response: { 200: StatementLine, ...errors(401, 403, 404, 409, 422) },
      },
    },
    async (req) =>
      disputeStatementLine(money(), principal(req), { ...req.params, comment: req.body.comment }),
  );

  app.post(
    "/api/v1/payouts/:id/lines/:lineId/resolve-dispute",
    {
      schema: {
        tags,
        summary: "Answer a disputed line: accept it with the amount it pays, or reject it, with a reply",
        description:
          "For the programme (program admins). The partner reads the reply and the outcome on its statement. An accepted amount that changes an approved statement's total sends it back to calculated.",
        params: LineParams,
        body: ResolveDisputeBody,
        response: { 200: Statement, ...errors(401, 403, 404, 409, 422) },
      },
    },
    async (req) => resolveLineDispute(money(), principal(req), { ...req.params, ...req.body }),
  );

  app.post(
    "/api/v1/admin/payouts/calculate",
    {
      schema: {
        tags,
        summary: "Calculate a month's statements again (approved and paid ones stay as they are)",
        body: CalculateBody,
        response: { 200: CalculateAnswer, ...errors(401, 403, 422) },
      },
    },
    async (req) => recalculateStatements(money(), principal(req), req.body),
  );

  for (const action of ["approve", "paid"] as const) {
    app.post(
      `/api/v1/admin/payouts/:id/${action}`,
      {
        schema: {
          tags,
          summary:
            action === "approve" ? "Approve a calculated statement" : "Mark an approved statement paid",
          description:
            "With open line disputes the request must say it has seen them (acknowledgeOpenDisputes: true); otherwise 409 open_line_disputes lists them.",
          params: IdParams,
          // Nullable: Fastify validates a POST sent with no body at all as null (approve and paid need none).
          body: Nullable(MoveBody),
          response: { 200: Statement, ...errors(401, 403, 404, 409, 422) },
        },
      },
      async (req) =>
        moveStatement(money(), principal(req), {
          id: req.params.id,
          action,
          acknowledgeOpenDisputes: req.body?.acknowledgeOpenDisputes,
        }),
    );
  }
}
