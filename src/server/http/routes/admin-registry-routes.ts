// More administration: partner IDs, roles, calendars, the catalog, and the customer registry CSV
// import (dry run first, per-row errors). Each route declares its schemas and calls one use case
// (src/server/admin/use-cases/), which judges access.
import type {} from "@fastify/multipart";
import { Type } from "typebox";
import { ROLES } from "../../../domain/vocabulary.ts";
import { addPartnerId } from "../../admin/use-cases/add-partner-id.ts";
import { createCalendar } from "../../admin/use-cases/create-calendar.ts";
import { createProduct } from "../../admin/use-cases/create-product.ts";
import { importCustomers } from "../../admin/use-cases/import-customers.ts";
import { listCalendars } from "../../admin/use-cases/list-calendars.ts";
import { setOrganizationCalendar } from "../../admin/use-cases/set-organization-calendar.ts";
import { updateProduct } from "../../admin/use-cases/update-product.ts";
import { updateUser } from "../../admin/use-cases/update-user.ts";
import { callerOf } from "../authenticate.ts";
import { errors } from "../responses.ts";
import { AdminUser, Calendar, CustomerImportResult } from "../schemas/admin.ts";
import type { App, HttpDeps } from "../types.ts";

const closed = { additionalProperties: false } as const;
const IdParams = Type.Object({ id: Type.String() });
const CSV_LIMITS = { fileSize: 50 * 1024 * 1024, files: 1, parts: 3 };

export function adminRegistryRoutes(app: App, { ctx, wall }: HttpDeps): void {
  app.post(
    "/api/v1/admin/organizations/:id/partner-ids",
    {
      schema: {
        tags: ["admin"],
        summary: "Add a partner ID (another location) to an organisation",
        params: IdParams,
        body: Type.Object({ partnerId: Type.String({ pattern: "^[0-9]{6,7}$" }) }, closed),
        response: {
          201: Type.Object({ organizationId: Type.String(), partnerId: Type.String() }),
          ...errors(401, 403, 404, 422),
        },
      },
    },
    async (req, reply) => {
      const input = { organizationId: req.params.id, partnerId: req.body.partnerId };
      return reply.code(201).send(await addPartnerId(ctx, callerOf(req).principal, input));
    },
  );

  app.patch(
    "/api/v1/admin/users/:id",
    {
      schema: {
        tags: ["admin"],
        summary: "Change a user's role, name or locale, or disable the user (ends their sessions and tokens)",
        params: IdParams,
        body: Type.Object(
          {
            role: Type.Optional(Type.Enum(ROLES)),
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            locale: Type.Optional(Type.Enum(["en", "es"])),
            disabled: Type.Optional(Type.Boolean()),
          },
          closed,
        ),
        response: { 200: AdminUser, ...errors(401, 403, 404, 422) },
      },
    },
    async (req) => updateUser(ctx, callerOf(req).principal, { id: req.params.id, changes: req.body }, wall),
  );

  app.get(
    "/api/v1/admin/calendars",
    {
      schema: {
        tags: ["admin"],
        summary: "Business-day calendars",
        response: { 200: Type.Object({ items: Type.Array(Calendar) }), ...errors(401) },
      },
    },
    async (req) => listCalendars(ctx, callerOf(req).principal),
  );

  app.post(
    "/api/v1/admin/calendars",
    {
      schema: {
        tags: ["admin"],
        summary:
          "Create a calendar: public holidays of a region, weekend days, and the zone a business day ends in",
        body: Type.Object(
          {
            id: Type.String({ pattern: "^[a-z0-9-]{1,40}$" }),
            name: Type.String({ minLength: 1, maxLength: 100 }),
            region: Type.String({ minLength: 2, maxLength: 20, description: "US, US-CA, ES-MD, DE-BY, ..." }),
            timeZone: Type.String({ minLength: 1, maxLength: 64, description: "IANA, e.g. Europe/Madrid" }),
            weekend: Type.Optional(
              Type.Array(Type.Integer({ minimum: 0, maximum: 6 }), { maxItems: 6, uniqueItems: true }),
            ),
          },
          closed,
        ),
        response: { 201: Calendar, ...errors(401, 403, 422) },
      },
    },
    async (req, reply) => reply.code(201).send(await createCalendar(ctx, callerOf(req).principal, req.body)),
  );

  app.put(
    "/api/v1/admin/organizations/:id/calendar",
    {
      schema: {
        tags: ["admin"],
        summary:
          "Use a calendar for an organisation's new deadlines (null: the default); stored deadlines keep their times",
        params: IdParams,
        body: Type.Object({ calendarId: Type.Union([Type.String(), Type.Null()]) }, closed),
        response: {
          200: Type.Object({
            organizationId: Type.String(),
            calendarId: Type.Union([Type.String(), Type.Null()]),
          }),
          ...errors(401, 403, 404, 422),
        },
      },
    },
    async (req) =>
      setOrganizationCalendar(ctx, callerOf(req).principal, {
        organizationId: req.params.id,
        calendarId: req.body.calendarId,
      }),
  );

  app.post(
    "/api/v1/admin/catalog/products",
    {
      schema: {
        tags: ["admin"],
        summary: "Add a product or workload to the catalog",
        body: Type.Object(
          {
            code: Type.String({ pattern: "^[a-z0-9_]{2,64}$" }),
            name: Type.String({ minLength: 1, maxLength: 200 }),
            solutionArea: Type.String({ minLength: 1, maxLength: 64 }),
            basis: Type.Enum(["workload", "subscription"]),
          },
          closed,
        ),
        response: { 201: Type.Object({ code: Type.String() }), ...errors(401, 403, 422) },
      },
    },
    async (req, reply) => reply.code(201).send(await createProduct(ctx, callerOf(req).principal, req.body)),
  );

  app.patch(
    "/api/v1/admin/catalog/products/:code",
    {
      schema: {
        tags: ["admin"],
        summary: "Rename a product, or stop offering it for new claims (existing claims keep it)",
        params: Type.Object({ code: Type.String() }),
        body: Type.Object(
          {
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            active: Type.Optional(Type.Boolean()),
          },
          closed,
        ),
        response: {
          200: Type.Object({ code: Type.String(), name: Type.String(), active: Type.Boolean() }),
          ...errors(401, 403, 404, 422),
        },
      },
    },
    async (req) => updateProduct(ctx, callerOf(req).principal, { code: req.params.code, ...req.body }),
  );

  app.post(
    "/api/v1/admin/customers/import",
    {
      schema: {
        tags: ["admin"],
        summary: "Import the customer registry from CSV (multipart, field file); dryRun=true checks only",
        consumes: ["multipart/form-data"],
        querystring: Type.Object({ dryRun: Type.Optional(Type.Boolean({ default: true })) }, closed),
        response: { 200: CustomerImportResult, ...errors(401, 403, 413, 415, 422) },
      },
    },
    async (req) =>
      importCustomers(ctx, callerOf(req).principal, {
        dryRun: req.query.dryRun !== false,
        upload: {
          multipart: req.isMultipart(),
          open: async () => (await req.file({ limits: CSV_LIMITS }))?.file ?? null,
        },
      }),
  );
}
