// Incentives over HTTP (API.md "Incentives"): programmes, enrolments, re-assessment, revenue
// imports, earnings and payout statements. Billing and global admins see their organisation's
// money; program admins see all; another organisation's statement is 404 before any 403.
import { stringify } from "csv-stringify/sync";
import { Type } from "typebox";
import { currencyDigits, INELIGIBLE_REASONS } from "../../../domain/incentives.ts";
import { RefusalError } from "../../../domain/refusal.ts";
import type { PayoutLinesTable, PayoutStatementsTable } from "../../db/schema.ts";
import { FileRejectedError } from "../../documents/file-inspection.ts";
import { reassess } from "../../incentives/assessment.ts";
import { earningsOf } from "../../incentives/earnings.ts";
import {
  calculatePayouts,
  disputeLine,
  getPayout,
  linesOf,
  listPayouts,
  movePayout,
} from "../../incentives/payouts.ts";
import { createProgram, enroll, listPrograms, unenroll, updateProgram } from "../../incentives/programs.ts";
import { importRevenue } from "../../incentives/revenue-import.ts";
import type { Principal } from "../../principal.ts";
import { callerOf } from "../authenticate.ts";
import { HttpProblem } from "../problem.ts";
import { errors } from "../responses.ts";
import { Enum, Nullable, Time } from "../schemas.ts";
import type { App, HttpDeps } from "../types.ts";

const closed = { additionalProperties: false } as const;
const Month = Type.String({ pattern: "^\\d{4}-(0[1-9]|1[0-2])$", description: "YYYY-MM" });
const Day = Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$", description: "YYYY-MM-DD" });
const Code = Type.String({ pattern: "^[A-Z0-9_]{2,20}$" });

const ProgramProduct = Type.Object(
  {
    code: Type.String({ maxLength: 64 }),
    rateBps: Nullable(Type.Integer({ minimum: 0, maximum: 10_000, description: "basis points of revenue" })),
    flatMinor: Type.Optional(
      Nullable(Type.Integer({ minimum: 0, description: "per active subscription and month" })),
    ),
    currency: Type.Optional(Nullable(Type.String({ pattern: "^[A-Z]{3}$" }))),
  },
  closed,
);
const ProgramJson = Type.Object({
  code: Type.String(),
  name: Type.String(),
  products: Type.Array(
    Type.Object({
      code: Type.String(),
      rateBps: Nullable(Type.Integer()),
      flatMinor: Nullable(Type.Integer()),
      currency: Nullable(Type.String()),
    }),
  ),
  activities: Type.Array(Type.String()),
  startsOn: Type.String(),
  endsOn: Nullable(Type.String()),
  enrolledOrganizations: Type.Array(Type.String()),
});
const ProgramFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  products: Type.Array(ProgramProduct, { maxItems: 200 }),
  activities: Type.Array(Type.String({ maxLength: 64 }), { maxItems: 20 }),
  startsOn: Day,
  endsOn: Nullable(Day),
};

const Line = Type.Object({
  id: Type.String(),
  claimId: Type.String(),
  claimNumber: Type.String(),
  program: Type.String(),
  tenantId: Type.String(),
  subscriptionId: Type.String(),
  product: Type.String(),
  revenueMinor: Type.Integer(),
  rateBps: Nullable(Type.Integer()),
  flatMinor: Nullable(Type.Integer()),
  earningsMinor: Type.Integer(),
  dispute: Nullable(Type.Object({ at: Time, comment: Type.String() })),
});
const StatementJson = Type.Object({
  id: Type.String(),
  organizationId: Type.String(),
  month: Type.String(),
  currency: Type.String(),
  totalMinor: Type.Integer(),
  status: Enum(["calculated", "approved", "paid"]),
  calculatedAt: Time,
  approvedAt: Nullable(Time),
  paidAt: Nullable(Time),
  lines: Type.Array(Line),
});

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

function lineJson(l: PayoutLinesTable) {
  return {
    id: l.id,
    claimId: l.claim_id,
    claimNumber: l.claim_number,
    program: l.program_code,
    tenantId: l.tenant_id,
    subscriptionId: l.subscription_id,
    product: l.product,
    revenueMinor: Number(l.revenue_minor),
    rateBps: l.rate_bps === null ? null : Number(l.rate_bps),
    flatMinor: l.flat_minor === null ? null : Number(l.flat_minor),
    earningsMinor: Number(l.earnings_minor),
    dispute:
      l.disputed_at === null
        ? null
        : { at: new Date(l.disputed_at).toISOString(), comment: l.dispute_comment ?? "" },
  };
}

function statementJson(s: PayoutStatementsTable, lines: PayoutLinesTable[]) {
  return {
    id: s.id,
    organizationId: s.organization_id,
    month: s.month,
    currency: s.currency,
    totalMinor: Number(s.total_minor),
    status: s.status,
    calculatedAt: new Date(s.calculated_at).toISOString(),
    approvedAt: iso(s.approved_at),
    paidAt: iso(s.paid_at),
    lines: lines.map(lineJson),
  };
}

/** Minor units as a decimal string in the currency's own digits: 123450 EUR -> "1234.50". */
export function decimal(minor: number, currency: string): string {
  const digits = currencyDigits(currency) ?? 2;
  const sign = minor < 0 ? "-" : "";
  const s = Math.abs(minor)
    .toString()
    .padStart(digits + 1, "0");
  return digits === 0 ? `${sign}${s}` : `${sign}${s.slice(0, -digits)}.${s.slice(-digits)}`;
}

const forbidden = (detail: string) => new RefusalError({ code: "forbidden", detail });

/** Whose money the caller sees: its organisation, or every one (null) for the program admin. */
function moneyScope(p: Principal): string | null {
  if (p.kind === "user" && p.role === "program_admin") return null;
  if (p.kind === "user" && p.organizationId !== null) return p.organizationId;
  throw forbidden("earnings and payouts are for billing and global admins and program admins");
}

function mayReadMoney(p: Principal): void {
  if (p.kind !== "user" || !["billing_admin", "global_admin", "program_admin"].includes(p.role))
    throw forbidden("earnings and payouts are for billing and global admins and program admins");
}

function programAdmin(p: Principal): void {
  if (p.kind !== "user" || p.role !== "program_admin") throw forbidden("this is for program admins");
}

export function incentiveRoutes(app: App, { ctx, wall }: HttpDeps): void {
  const db = ctx.db.kysely;
  const tags = ["incentives"];

  app.get(
    "/api/v1/programs",
    {
      schema: {
        tags,
        summary: "Incentive programmes (seeded OSU and OSA)",
        response: { 200: Type.Object({ items: Type.Array(ProgramJson) }), ...errors(401) },
      },
    },
    async () => ({ items: await listPrograms(db) }),
  );

  const toProduct = (x: {
    code: string;
    rateBps: number | null;
    flatMinor?: number | null;
    currency?: string | null;
  }) => ({
    code: x.code,
    rateBps: x.rateBps,
    flatMinor: x.flatMinor ?? null,
    currency: x.currency ?? null,
  });

  app.post(
    "/api/v1/admin/programs",
    {
      schema: {
        tags,
        summary: "Define a programme",
        body: Type.Object({ code: Code, ...ProgramFields }, closed),
        response: { 201: ProgramJson, ...errors(401, 403, 422) },
      },
    },
    async (req, reply) => {
      programAdmin(callerOf(req).principal);
      const b = req.body;
      const p = await createProgram(db, { ...b, products: b.products.map(toProduct) }, ctx.clock.now());
      return reply.code(201).header("location", `/api/v1/programs#${p.code}`).send(p);
    },
  );

  app.patch(
    "/api/v1/admin/programs/:code",
    {
      schema: {
        tags,
        summary: "Change a programme (claims already assessed keep their result until re-assessed)",
        params: Type.Object({ code: Type.String({ maxLength: 20 }) }),
        body: Type.Partial(Type.Object(ProgramFields, closed)),
        response: { 200: ProgramJson, ...errors(401, 403, 404, 422) },
      },
    },
    async (req) => {
      programAdmin(callerOf(req).principal);
      const b = req.body;
      const { products, ...rest } = b;
      return updateProgram(
        db,
        req.params.code,
        products ? { ...rest, products: products.map(toProduct) } : rest,
        ctx.clock.now(),
      );
    },
  );

  app.post(
    "/api/v1/admin/programs/:code/enrollments",
    {
      schema: {
        tags,
        summary: "Enrol an organisation",
        params: Type.Object({ code: Type.String({ maxLength: 20 }) }),
        body: Type.Object({ organizationId: Type.String({ maxLength: 64 }) }, closed),
        response: { 200: ProgramJson, ...errors(401, 403, 404, 422) },
      },
    },
    async (req) => {
      programAdmin(callerOf(req).principal);
      return enroll(db, req.params.code, req.body.organizationId, ctx.clock.now());
    },
  );

  app.delete(
    "/api/v1/admin/programs/:code/enrollments/:organizationId",
    {
      schema: {
        tags,
        summary: "End an organisation's enrolment (future assessments)",
        params: Type.Object({
          code: Type.String({ maxLength: 20 }),
          organizationId: Type.String({ maxLength: 64 }),
        }),
        response: { 200: ProgramJson, ...errors(401, 403, 404) },
      },
    },
    async (req) => {
      programAdmin(callerOf(req).principal);
      return unenroll(db, req.params.code, req.params.organizationId);
    },
  );

  app.post(
    "/api/v1/admin/eligibility/reassess",
    {
      schema: {
        tags,
        summary:
          "Assess every assessed claim again against today's programmes; dryRun=true (default) only shows what would change",
        querystring: Type.Object({ dryRun: Type.Optional(Type.Boolean({ default: true })) }, closed),
        response: {
          200: Type.Object({
            dryRun: Type.Boolean(),
            changes: Type.Array(
              Type.Object({
                claimId: Type.String(),
                claimNumber: Type.String(),
                program: Type.String(),
                before: Nullable(Type.Object({ status: Type.String(), reasons: Type.Array(Type.String()) })),
                after: Type.Object({
                  status: Type.String(),
                  reasons: Type.Array(Enum(INELIGIBLE_REASONS)),
                  products: Type.Array(Type.String()),
                }),
              }),
            ),
          }),
          ...errors(401, 403, 422),
        },
      },
    },
    async (req) => {
      programAdmin(callerOf(req).principal);
      const dryRun = req.query.dryRun !== false;
      const changes = await reassess(db, !dryRun, ctx.clock.now());
      return { dryRun, changes };
    },
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
        querystring: Type.Object({ dryRun: Type.Optional(Type.Boolean({ default: true })) }, closed),
        response: {
          200: Type.Object({
            importId: Nullable(Type.String()),
            rows: Type.Integer(),
            months: Type.Array(Type.String()),
            errors: Type.Array(
              Type.Object({ line: Type.Integer(), column: Type.String(), reason: Type.String() }),
            ),
            errorCount: Type.Integer(),
            dryRun: Type.Boolean(),
            imported: Type.Boolean(),
            durationMs: Type.Integer(),
          }),
          ...errors(401, 403, 413, 415, 422),
        },
      },
    },
    async (req) => {
      const p = callerOf(req).principal;
      programAdmin(p);
      if (!req.isMultipart())
        throw new FileRejectedError("send multipart/form-data with one part named file");
      const part = await req.file({ limits: { fileSize: 512 * 1024 * 1024, files: 1, parts: 3 } });
      if (!part)
        throw new HttpProblem(422, "validation_failed", "no file part", {
          errors: [{ field: "file", message: "is required" }],
        });
      const result = await importRevenue(ctx, part.file, {
        dryRun: req.query.dryRun !== false,
        filename: part.filename,
        userId: p.kind === "user" ? p.id : "system",
      });
      if (part.file.truncated)
        throw new HttpProblem(413, "file_too_large", "the file is larger than 512 MiB");
      if (result.imported) for (const m of result.months) await calculatePayouts(ctx.db, m, wall.now());
      return result;
    },
  );

  app.get(
    "/api/v1/admin/revenue/imports",
    {
      schema: {
        tags,
        summary: "Revenue imports, newest first",
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.String(),
                filename: Type.String(),
                rows: Type.Integer(),
                months: Type.Array(Type.String()),
                createdAt: Time,
                durationMs: Type.Integer(),
              }),
            ),
          }),
          ...errors(401, 403),
        },
      },
    },
    async (req) => {
      programAdmin(callerOf(req).principal);
      const rows = await db
        .selectFrom("revenue_imports")
        .selectAll()
        .orderBy("id", "desc")
        .limit(200)
        .execute();
      return {
        items: rows.map((r) => ({
          id: r.id,
          filename: r.filename,
          rows: Number(r.rows),
          months: JSON.parse(r.months) as string[],
          createdAt: new Date(r.created_at).toISOString(),
          durationMs: Number(r.duration_ms),
        })),
      };
    },
  );

  app.get(
    "/api/v1/earnings",
    {
      schema: {
        tags,
        summary: "Earnings of a month: eligible associations x revenue x rate, as of now",
        querystring: Type.Object(
          { month: Month, organizationId: Type.Optional(Type.String({ maxLength: 64 })) },
          closed,
        ),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                claimId: Type.String(),
                claimNumber: Type.String(),
                organizationId: Type.String(),
                tenantId: Type.String(),
                subscriptionId: Type.String(),
                product: Type.String(),
                program: Type.String(),
                month: Type.String(),
                revenueMinor: Type.Integer(),
                rateBps: Nullable(Type.Integer()),
                flatMinor: Nullable(Type.Integer()),
                earningsMinor: Type.Integer(),
                currency: Type.String(),
              }),
            ),
            totals: Type.Array(
              Type.Object({
                currency: Type.String(),
                revenueMinor: Type.Integer(),
                earningsMinor: Type.Integer(),
              }),
            ),
          }),
          ...errors(401, 403, 422),
        },
      },
    },
    async (req) => {
      const p = callerOf(req).principal;
      mayReadMoney(p);
      const scope = moneyScope(p) ?? req.query.organizationId ?? null;
      const items = await earningsOf(db, req.query.month, scope);
      const totals = new Map<string, { currency: string; revenueMinor: number; earningsMinor: number }>();
      for (const l of items) {
        const t = totals.get(l.currency) ?? { currency: l.currency, revenueMinor: 0, earningsMinor: 0 };
        t.revenueMinor += l.revenueMinor;
        t.earningsMinor += l.earningsMinor;
        totals.set(l.currency, t);
      }
      return { items, totals: [...totals.values()] };
    },
  );

  app.get(
    "/api/v1/payouts",
    {
      schema: {
        tags,
        summary: "Payout statements (one per organisation, month and currency)",
        querystring: Type.Object({ month: Type.Optional(Month) }, closed),
        response: { 200: Type.Object({ items: Type.Array(StatementJson) }), ...errors(401, 403, 422) },
      },
    },
    async (req) => {
      const p = callerOf(req).principal;
      mayReadMoney(p);
      const statements = await listPayouts(db, moneyScope(p), req.query.month);
      const lines = await linesOf(
        db,
        statements.map((s) => s.id),
      );
      return { items: statements.map((s) => statementJson(s, lines.get(s.id) ?? [])) };
    },
  );

  const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
  const statementFor = async (p: Principal, id: string) => {
    const partnerOrg = p.kind === "user" ? p.organizationId : null;
    // 404 for another organisation's statement first, whatever the caller's role.
    const s = await getPayout(db, partnerOrg, id);
    mayReadMoney(p);
    return s;
  };

  app.get(
    "/api/v1/payouts/:id",
    {
      schema: {
        tags,
        summary: "One statement with its lines",
        params: IdParams,
        response: { 200: StatementJson, ...errors(401, 403, 404) },
      },
    },
    async (req) => {
      const s = await statementFor(callerOf(req).principal, req.params.id);
      return statementJson(s, s.lines);
    },
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
      const s = await statementFor(callerOf(req).principal, req.params.id);
      const text = (cell: string) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);
      const rows = s.lines.map((l) => [
        text(l.claim_number),
        l.program_code,
        l.tenant_id,
        l.subscription_id,
        l.product,
        s.month,
        s.currency,
        decimal(Number(l.revenue_minor), s.currency),
        l.rate_bps === null ? "" : String(l.rate_bps),
        l.flat_minor === null ? "" : decimal(Number(l.flat_minor), s.currency),
        decimal(Number(l.earnings_minor), s.currency),
        l.disputed_at === null ? "" : text(l.dispute_comment ?? ""),
      ]);
      const header = [
        "claimNumber",
        "program",
        "tenantId",
        "subscriptionId",
        "product",
        "month",
        "currency",
        "revenue",
        "rateBps",
        "flatAmount",
        "earnings",
        "dispute",
      ];
      const total = [
        "TOTAL",
        "",
        "",
        "",
        "",
        s.month,
        s.currency,
        "",
        "",
        "",
        decimal(Number(s.total_minor), s.currency),
        "",
      ];
      reply.header("Content-Disposition", `attachment; filename="payout-${s.month}-${s.currency}.csv"`);
      return reply.type("text/csv; charset=utf-8").send(stringify([header, ...rows, total]));
    },
  );

  app.post(
    "/api/v1/payouts/:id/lines/:lineId/dispute",
    {
      schema: {
        tags,
        summary: "Flag a line as disputed, with a comment for the programme",
        params: Type.Object({ id: Type.String({ maxLength: 64 }), lineId: Type.String({ maxLength: 64 }) }),
        body: Type.Object({ comment: Type.String({ minLength: 1, maxLength: 2000 }) }, closed),
        response: { 200: Line, ...errors(401, 403, 404, 409, 422) },
      },
    },
    async (req) => {
      const p = callerOf(req).principal;
      const s = await statementFor(p, req.params.id);
      if (p.kind !== "user" || !["billing_admin", "global_admin"].includes(p.role))
        throw forbidden("billing and global admins of the organisation dispute lines");
      return lineJson(
        await disputeLine(db, s.organization_id, s.id, req.params.lineId, req.body.comment, p.id, wall.now()),
      );
    },
  );

  app.post(
    "/api/v1/admin/payouts/calculate",
    {
      schema: {
        tags,
        summary: "Calculate a month's statements again (approved and paid ones stay as they are)",
        body: Type.Object({ month: Month }, closed),
        response: {
          200: Type.Object({ statements: Type.Integer(), lines: Type.Integer(), kept: Type.Integer() }),
          ...errors(401, 403, 422),
        },
      },
    },
    async (req) => {
      programAdmin(callerOf(req).principal);
      return calculatePayouts(ctx.db, req.body.month, wall.now());
    },
  );

  for (const step of ["approve", "paid"] as const) {
    app.post(
      `/api/v1/admin/payouts/:id/${step}`,
      {
        schema: {
          tags,
          summary: step === "approve" ? "Approve a calculated statement" : "Mark an approved statement paid",
          params: IdParams,
          response: { 200: StatementJson, ...errors(401, 403, 404, 409) },
        },
      },
      async (req) => {
        programAdmin(callerOf(req).principal);
        await movePayout(db, req.params.id, step, wall.now());
        const s = await getPayout(db, null, req.params.id);
        return statementJson(s, s.lines);
      },
    );
  }
}
