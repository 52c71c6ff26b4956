// Claims: list, summary, export, create, read, edit, and the review queue.
import { Type } from "typebox";
import type { EditableField } from "../../../domain/editing.ts";
import { createClaim } from "../../claims/use-cases/create-claim.ts";
import { editClaim } from "../../claims/use-cases/edit-claim.ts";
import { exportClaims } from "../../claims/use-cases/export-claims.ts";
import { getClaim } from "../../claims/use-cases/get-claim.ts";
import { claimSummary, listClaims } from "../../claims/use-cases/list-claims.ts";
import { reviewQueue } from "../../claims/use-cases/review-queue.ts";
import { slaMetrics } from "../../claims/use-cases/sla-metrics.ts";
import { callerOf } from "../authenticate.ts";
import { ifMatch, setEtag } from "../etag.ts";
import { errors } from "../responses.ts";
import { Claim, ClaimCreate, ClaimList, ClaimPatch, ListQuery } from "../schemas.ts";
import type { App, HttpDeps } from "../types.ts";

const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
// Claim views are built field by field in the schema's shape, so the hot reads need no schema
// walk: JSON.stringify beats fast-json-stringify, which validates the nullable unions at run time.
const plainJson = { serializerCompiler: () => (data: unknown) => JSON.stringify(data) };

export function claimRoutes(app: App, { ctx }: HttpDeps): void {
  app.get(
    "/api/v1/claims",
    {
      ...plainJson,
      schema: {
        tags: ["claims"],
        summary: "Your visible claims (keyset pagination)",
        querystring: ListQuery,
        response: { 200: ClaimList, ...errors(401, 422) },
      },
    },
    async (req) => listClaims(ctx, callerOf(req).principal, req.query),
  );

  app.get(
    "/api/v1/claims/summary",
    {
      schema: {
        tags: ["claims"],
        summary: "Counts per status and the number that need your action",
        querystring: Type.Omit(ListQuery, ["limit", "cursor", "sort"]),
        response: {
          200: Type.Object({
            counts: Type.Record(Type.String(), Type.Integer()),
            needsAction: Type.Integer(),
            side: Type.String(),
          }),
          ...errors(401, 422),
        },
      },
    },
    async (req) => claimSummary(ctx, callerOf(req).principal, req.query),
  );

  app.get(
    "/api/v1/claims/export.csv",
    {
      schema: {
        tags: ["claims"],
        summary: "Your visible claims as CSV (same filters as the list)",
        querystring: Type.Omit(ListQuery, ["limit", "cursor"]),
        response: { 200: Type.String({ description: "text/csv" }), ...errors(401, 422) },
      },
    },
    async (req, reply) => {
      const csv = await exportClaims(ctx, callerOf(req).principal, req.query);
      reply.header("Content-Disposition", 'attachment; filename="claims.csv"');
      return reply.type("text/csv; charset=utf-8").send(csv);
    },
  );

  app.post(
    "/api/v1/claims",
    {
      schema: {
        tags: ["claims"],
        summary: "Create a claim (status editing)",
        body: ClaimCreate,
        response: { 201: Claim, ...errors(401, 403, 409, 422) },
      },
    },
    async (req, reply) => {
      const principal = callerOf(req).principal;
      // The answer is the version this write produced, built inside its transaction.
      const view = await createClaim(ctx, principal, req.body);
      setEtag(reply, view.version);
      reply.header("Location", `/api/v1/claims/${view.id}`);
      return reply.code(201).send(view);
    },
  );

  app.get(
    "/api/v1/claims/:id",
    {
      ...plainJson,
      schema: {
        tags: ["claims"],
        summary: "One claim, with the actions you may take",
        params: IdParams,
        response: { 200: Claim, ...errors(401, 404) },
      },
    },
    async (req, reply) => {
      const view = await getClaim(ctx, callerOf(req).principal, req.params.id);
      setEtag(reply, view.version);
      return view;
    },
  );

  app.patch(
    "/api/v1/claims/:id",
    {
      schema: {
        tags: ["claims"],
        summary: "Edit the fields the status allows (JSON merge patch; If-Match optional)",
        params: IdParams,
        body: ClaimPatch,
        response: { 200: Claim, ...errors(401, 403, 404, 409, 412, 422) },
      },
    },
    async (req, reply) => {
      const principal = callerOf(req).principal;
      const view = await editClaim(
        ctx,
        principal,
        req.params.id,
        req.body as Partial<Record<EditableField, unknown>>,
        { ifMatch: ifMatch(req) },
      );
      setEtag(reply, view.version);
      return view;
    },
  );

  app.get(
    "/api/v1/review/queue",
    {
      ...plainJson,
      schema: {
        tags: ["review"],
        summary: "Open work for reviewers, ordered by SLA due time",
        querystring: Type.Object(
          {
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
            cursor: Type.Optional(Type.String()),
            q: Type.Optional(
              Type.String({
                maxLength: 200,
                description: "number, customer, domain, tenant or partner ID contains",
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: ClaimList, ...errors(401, 403, 422) },
      },
    },
    async (req) => reviewQueue(ctx, callerOf(req).principal, req.query),
  );

  const Durations = Type.Object({
    count: Type.Integer(),
    medianHours: Type.Union([Type.Number(), Type.Null()]),
    p90Hours: Type.Union([Type.Number(), Type.Null()]),
  });
  app.get(
    "/api/v1/review/metrics",
    {
      schema: {
        tags: ["review"],
        summary: "Service levels of the last days: time to start a review, time to decide, breaches",
        querystring: Type.Object(
          { days: Type.Optional(Type.Integer({ minimum: 1, maximum: 365, default: 30 })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            since: Type.String({ format: "date-time" }),
            days: Type.Integer(),
            timeToStart: Durations,
            timeToDecide: Durations,
            breaches: Type.Record(Type.String(), Type.Integer()),
          }),
          ...errors(401, 403, 422),
        },
      },
    },
    async (req) => slaMetrics(ctx, callerOf(req).principal, req.query),
  );
}
