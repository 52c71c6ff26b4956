// More administration: partner IDs, roles, calendars, the catalog, and the customer registry CSV
// import (dry run first, per-row errors).
import type {} from "@fastify/multipart";
import { Type } from "typebox";
import { isKnownRegion, isKnownTimeZone } from "../../../domain/holidays.ts";
import { RefusalError } from "../../../domain/refusal.ts";
import { isPartnerRole, ROLES, type Role } from "../../../domain/vocabulary.ts";
import { importCustomers } from "../../admin/customer-import.ts";
import { userJson } from "../../auth/users.ts";
import { transact } from "../../db/transact.ts";
import { FileRejectedError } from "../../documents/file-inspection.ts";
import { callerOf } from "../authenticate.ts";
import { errors } from "../responses.ts";
import { User } from "../schemas.ts";
import type { App, HttpDeps } from "../types.ts";

const closed = { additionalProperties: false } as const;
const invalid = (field: string, message: string) =>
  new RefusalError({
    code: "validation_failed",
    detail: `${field} ${message}`,
    errors: [{ field, message }],
  });
const Calendar = Type.Object({
  id: Type.String(),
  name: Type.String(),
  region: Type.String(),
  timeZone: Type.String(),
  weekend: Type.Array(Type.Integer()),
});

export function adminRegistryRoutes(app: App, { ctx, wall }: HttpDeps): void {
  const db = ctx.db.kysely;
  const programAdmin = (role: Role) => {
    if (role !== "program_admin")
      throw new RefusalError({ code: "forbidden", detail: "only a program admin may do this" });
  };
  /** Another organisation's object is 404 to a partner user, before any 403 (ids cannot be probed). */
  const ownOrganization = (p: { role: Role; organizationId: string | null }, organizationId: string) => {
    if (isPartnerRole(p.role) && p.organizationId !== organizationId) {
      throw new RefusalError({ code: "not_found", detail: "no such organisation" });
    }
  };

  app.post(
    "/api/v1/admin/organizations/:id/partner-ids",
    {
      schema: {
        tags: ["admin"],
        summary: "Add a partner ID (another location) to an organisation",
        params: Type.Object({ id: Type.String() }),
        body: Type.Object({ partnerId: Type.String({ pattern: "^[0-9]{6,7}$" }) }, closed),
        response: {
          201: Type.Object({ organizationId: Type.String(), partnerId: Type.String() }),
          ...errors(401, 403, 404, 422),
        },
      },
    },
    async (req, reply) => {
      ownOrganization(callerOf(req).principal, req.params.id);
      programAdmin(callerOf(req).principal.role);
      await transact(ctx.db, async (trx) => {
        const org = await trx
          .selectFrom("organizations")
          .select("id")
          .where("id", "=", req.params.id)
          .executeTakeFirst();
        if (!org) throw new RefusalError({ code: "not_found", detail: "no such organisation" });
        const taken = await trx
          .selectFrom("partner_ids")
          .select("organization_id")
          .where("partner_id", "=", req.body.partnerId)
          .executeTakeFirst();
        if (taken) throw invalid("partnerId", "is already registered");
        await trx
          .insertInto("partner_ids")
          .values({ partner_id: req.body.partnerId, organization_id: req.params.id })
          .execute();
      });
      return reply.code(201).send({ organizationId: req.params.id, partnerId: req.body.partnerId });
    },
  );

  app.patch(
    "/api/v1/admin/users/:id",
    {
      schema: {
        tags: ["admin"],
        summary: "Change a user's role, name or locale, or disable the user (ends their sessions and tokens)",
        params: Type.Object({ id: Type.String() }),
        body: Type.Object(
          {
            role: Type.Optional(Type.Enum(ROLES)),
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            locale: Type.Optional(Type.Enum(["en", "es"])),
            disabled: Type.Optional(Type.Boolean()),
          },
          closed,
        ),
        response: { 200: User, ...errors(401, 403, 404, 422) },
      },
    },
    async (req) => {
      const p = callerOf(req).principal;
      const target = await db
        .selectFrom("users")
        .selectAll()
        .where("id", "=", req.params.id)
        .executeTakeFirst();
      const sameOrganization = target?.organization_id === p.organizationId;
      if (!target || (isPartnerRole(p.role) && !sameOrganization))
        throw new RefusalError({ code: "not_found", detail: "no such user" });
      if (p.role !== "program_admin" && p.role !== "global_admin") {
        throw new RefusalError({ code: "forbidden", detail: "only program and global admins manage users" });
      }
      const role = req.body.role as Role | undefined;
      if (role && isPartnerRole(role) !== isPartnerRole(target.role as Role))
        throw invalid("role", "cannot move a user between a partner and the operator");
      if (role && p.role === "global_admin" && !isPartnerRole(role))
        throw new RefusalError({ code: "forbidden", detail: "a global admin assigns partner roles only" });
      if (target.id === p.id && (req.body.disabled || (role && role !== p.role)))
        throw invalid("role", "you cannot demote or disable yourself");
      const now = wall.now();
      await transact(ctx.db, async (trx) => {
        await trx
          .updateTable("users")
          .set({
            ...(role ? { role } : {}),
            ...(req.body.name ? { name: req.body.name } : {}),
            ...(req.body.locale ? { locale: req.body.locale } : {}),
            ...(req.body.disabled === undefined ? {} : { disabled_at: req.body.disabled ? now : null }),
          })
          .where("id", "=", target.id)
          .execute();
        if (req.body.disabled) {
          await trx.deleteFrom("sessions").where("user_id", "=", target.id).execute();
          await trx
            .updateTable("access_tokens")
            .set({ revoked_at: now })
            .where("user_id", "=", target.id)
            .where("revoked_at", "is", null)
            .execute();
        }
      });
      return userJson(
        await db.selectFrom("users").selectAll().where("id", "=", target.id).executeTakeFirstOrThrow(),
      );
    },
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
    async () => {
      const rows = await db.selectFrom("calendars").selectAll().orderBy("id").execute();
      return {
        items: rows.map((c) => ({
          id: c.id,
          name: c.name,
          region: c.region,
          timeZone: c.time_zone,
          weekend: JSON.parse(c.weekend) as number[],
        })),
      };
    },
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
    async (req, reply) => {
      programAdmin(callerOf(req).principal.role);
      const b = req.body;
      if (!isKnownRegion(b.region))
        throw invalid("region", `unknown region ${b.region} (country code, then optional state: US, ES-MD)`);
      if (!isKnownTimeZone(b.timeZone)) throw invalid("timeZone", `unknown time zone ${b.timeZone}`);
      if (await db.selectFrom("calendars").select("id").where("id", "=", b.id).executeTakeFirst())
        throw invalid("id", "is taken");
      const weekend = b.weekend ?? [0, 6];
      await db
        .insertInto("calendars")
        .values({
          id: b.id,
          name: b.name,
          region: b.region,
          time_zone: b.timeZone,
          weekend: JSON.stringify(weekend),
          updated_at: ctx.clock.now(),
        })
        .execute();
      return reply
        .code(201)
        .send({ id: b.id, name: b.name, region: b.region, timeZone: b.timeZone, weekend });
    },
  );

  app.put(
    "/api/v1/admin/organizations/:id/calendar",
    {
      schema: {
        tags: ["admin"],
        summary:
          "Use a calendar for an organisation's new deadlines (null: the default); stored deadlines keep their times",
        params: Type.Object({ id: Type.String() }),
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
    async (req) => {
      ownOrganization(callerOf(req).principal, req.params.id);
      programAdmin(callerOf(req).principal.role);
      const { calendarId } = req.body;
      if (
        calendarId &&
        !(await db.selectFrom("calendars").select("id").where("id", "=", calendarId).executeTakeFirst())
      )
        throw invalid("calendarId", "no such calendar");
      const r = await db
        .updateTable("organizations")
        .set({ calendar_id: calendarId })
        .where("id", "=", req.params.id)
        .executeTakeFirst();
      if (r.numUpdatedRows !== 1n)
        throw new RefusalError({ code: "not_found", detail: "no such organisation" });
      ctx.calendars.invalidate();
      return { organizationId: req.params.id, calendarId };
    },
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
    async (req, reply) => {
      programAdmin(callerOf(req).principal.role);
      const b = req.body;
      if (await db.selectFrom("products").select("code").where("code", "=", b.code).executeTakeFirst())
        throw invalid("code", "is taken");
      await db
        .insertInto("products")
        .values({ code: b.code, name: b.name, solution_area: b.solutionArea, basis: b.basis, active: 1 })
        .execute();
      return reply.code(201).send({ code: b.code });
    },
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
    async (req) => {
      programAdmin(callerOf(req).principal.role);
      const { name, active } = req.body;
      const r = await db
        .updateTable("products")
        .set({ ...(name ? { name } : {}), ...(active === undefined ? {} : { active: active ? 1 : 0 }) })
        .where("code", "=", req.params.code)
        .executeTakeFirst();
      if (r.numUpdatedRows !== 1n) throw new RefusalError({ code: "not_found", detail: "no such product" });
      const p = await db
        .selectFrom("products")
        .selectAll()
        .where("code", "=", req.params.code)
        .executeTakeFirstOrThrow();
      return { code: p.code, name: p.name, active: p.active === 1 };
    },
  );

  app.post(
    "/api/v1/admin/customers/import",
    {
      schema: {
        tags: ["admin"],
        summary: "Import the customer registry from CSV (multipart, field file); dryRun=true checks only",
        consumes: ["multipart/form-data"],
        querystring: Type.Object({ dryRun: Type.Optional(Type.Boolean({ default: true })) }, closed),
        response: {
          200: Type.Object({
            rows: Type.Integer(),
            customers: Type.Integer(),
            subscriptions: Type.Integer(),
            dryRun: Type.Boolean(),
            imported: Type.Boolean(),
            errors: Type.Array(
              Type.Object({ line: Type.Integer(), column: Type.String(), reason: Type.String() }),
            ),
          }),
          ...errors(401, 403, 413, 415, 422),
        },
      },
    },
    async (req) => {
      programAdmin(callerOf(req).principal.role);
      if (!req.isMultipart())
        throw new FileRejectedError("send multipart/form-data with one part named file");
      const part = await req.file({ limits: { fileSize: 50 * 1024 * 1024, files: 1, parts: 3 } });
      if (!part) throw invalid("file", "is required");
      return importCustomers(ctx, part.file, req.query.dryRun !== false);
    },
  );
}
