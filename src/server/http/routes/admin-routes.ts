// Administration: organisations and partner IDs, users and roles, the customer registry.
import { Type } from "typebox";
import { RefusalError } from "../../../domain/refusal.ts";
import { isPartnerRole, ROLES, type Role } from "../../../domain/vocabulary.ts";
import { createOrganization, createUser, upsertCustomer } from "../../admin/directory.ts";
import { userJson } from "../../auth/users.ts";
import { callerOf } from "../authenticate.ts";
import { errors } from "../responses.ts";
import { User } from "../schemas.ts";
import type { App, HttpDeps } from "../types.ts";

const closed = { additionalProperties: false } as const;
const forbidden = (detail: string) => new RefusalError({ code: "forbidden", detail });
const notFound = (detail: string) => new RefusalError({ code: "not_found", detail });

const Organization = Type.Object({
  id: Type.String(),
  name: Type.String(),
  partnerIds: Type.Array(Type.String()),
  calendarId: Type.Union([Type.String(), Type.Null()]),
});
const Customer = Type.Object({
  tenantId: Type.String(),
  domain: Type.String(),
  name: Type.String(),
  locale: Type.Union([Type.String(), Type.Null()]),
  subscriptions: Type.Array(
    Type.Object({
      id: Type.String(),
      product: Type.String(),
      status: Type.Enum(["active", "suspended", "cancelled"]),
    }),
  ),
});

export function adminRoutes(app: App, { ctx }: HttpDeps): void {
  const db = ctx.db.kysely;

  async function organizationJson(id: string) {
    const org = await db.selectFrom("organizations").selectAll().where("id", "=", id).executeTakeFirst();
    if (!org) return null;
    const pids = await db
      .selectFrom("partner_ids")
      .select("partner_id")
      .where("organization_id", "=", id)
      .orderBy("partner_id")
      .execute();
    return {
      id: org.id,
      name: org.name,
      partnerIds: pids.map((p) => p.partner_id),
      calendarId: org.calendar_id,
    };
  }

  app.post(
    "/api/v1/admin/organizations",
    {
      schema: {
        tags: ["admin"],
        summary: "Create a partner organisation (program admin)",
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 200 }),
            partnerIds: Type.Array(Type.String({ pattern: "^[0-9]{6,7}$" }), {
              minItems: 1,
              maxItems: 100,
              uniqueItems: true,
            }),
            calendarId: Type.Optional(Type.String()),
          },
          closed,
        ),
        response: { 201: Organization, ...errors(401, 403, 422) },
      },
    },
    async (req, reply) => {
      if (callerOf(req).principal.role !== "program_admin")
        throw forbidden("only a program admin creates organisations");
      if (
        req.body.calendarId &&
        !(await db
          .selectFrom("calendars")
          .select("id")
          .where("id", "=", req.body.calendarId)
          .executeTakeFirst())
      ) {
        throw new RefusalError({
          code: "validation_failed",
          detail: "calendarId: no such calendar",
          errors: [{ field: "calendarId", message: "no such calendar" }],
        });
      }
      const org = await createOrganization(ctx, req.body);
      reply.header("Location", `/api/v1/admin/organizations/${org.id}`);
      return reply.code(201).send({
        id: org.id,
        name: org.name,
        partnerIds: org.partnerIds,
        calendarId: req.body.calendarId ?? null,
      });
    },
  );

  app.get(
    "/api/v1/admin/organizations",
    {
      schema: {
        tags: ["admin"],
        summary: "Organisations (program admin: all; global admin: its own)",
        response: { 200: Type.Object({ items: Type.Array(Organization) }), ...errors(401, 403) },
      },
    },
    async (req) => {
      const p = callerOf(req).principal;
      if (p.role !== "program_admin" && p.role !== "global_admin")
        throw forbidden("administration is for program and global admins");
      let q = db.selectFrom("organizations").select("id").orderBy("name");
      if (p.role === "global_admin") q = q.where("id", "=", p.organizationId ?? "");
      const ids = await q.execute();
      const items = [];
      for (const { id } of ids) {
        const o = await organizationJson(id);
        if (o) items.push(o);
      }
      return { items };
    },
  );

  app.get(
    "/api/v1/admin/organizations/:id",
    {
      schema: {
        tags: ["admin"],
        summary: "One organisation",
        params: Type.Object({ id: Type.String() }),
        response: { 200: Organization, ...errors(401, 403, 404) },
      },
    },
    async (req) => {
      const p = callerOf(req).principal;
      // Another organisation is 404 to a partner user (ids cannot be probed); then the role decides.
      if (isPartnerRole(p.role) && p.organizationId !== req.params.id) throw notFound("no such organisation");
      if (p.role !== "global_admin" && p.role !== "program_admin") {
        throw forbidden("administration is for program and global admins");
      }
      const o = await organizationJson(req.params.id);
      if (!o) throw notFound("no such organisation");
      return o;
    },
  );

  app.post(
    "/api/v1/admin/users",
    {
      schema: {
        tags: ["admin"],
        summary: "Create a user (program admin; a global admin for its own organisation's partner users)",
        body: Type.Object(
          {
            email: Type.String({ format: "email", maxLength: 254 }),
            name: Type.String({ minLength: 1, maxLength: 200 }),
            password: Type.String({ minLength: 12, maxLength: 1024 }),
            role: Type.Enum(ROLES),
            organizationId: Type.Optional(Type.Union([Type.String(), Type.Null()])),
            locale: Type.Optional(Type.Enum(["en", "es"])),
          },
          closed,
        ),
        response: { 201: User, ...errors(401, 403, 422) },
      },
    },
    async (req, reply) => {
      const p = callerOf(req).principal;
      const body = req.body;
      if (p.role === "global_admin") {
        if (!isPartnerRole(body.role as Role)) throw forbidden("a global admin creates partner users only");
        if ((body.organizationId ?? p.organizationId) !== p.organizationId)
          throw forbidden("a global admin creates users in its own organisation only");
      } else if (p.role !== "program_admin") {
        throw forbidden("only program admins and global admins create users");
      }
      const organizationId = p.role === "global_admin" ? p.organizationId : (body.organizationId ?? null);
      const u = await createUser(ctx, { ...body, role: body.role as Role, organizationId });
      const row = await db.selectFrom("users").selectAll().where("id", "=", u.id).executeTakeFirstOrThrow();
      reply.header("Location", `/api/v1/admin/users/${u.id}`);
      return reply.code(201).send(userJson(row));
    },
  );

  app.get(
    "/api/v1/admin/users",
    {
      schema: {
        tags: ["admin"],
        summary: "Users (program admin: all; global admin: its organisation's)",
        response: { 200: Type.Object({ items: Type.Array(User) }), ...errors(401, 403) },
      },
    },
    async (req) => {
      const p = callerOf(req).principal;
      if (p.role !== "program_admin" && p.role !== "global_admin")
        throw forbidden("administration is for program and global admins");
      let q = db.selectFrom("users").selectAll().where("disabled_at", "is", null).orderBy("email");
      if (p.role === "global_admin") q = q.where("organization_id", "=", p.organizationId ?? "");
      return { items: (await q.execute()).map(userJson) };
    },
  );

  app.post(
    "/api/v1/admin/customers",
    {
      schema: {
        tags: ["admin"],
        summary: "Add or update a customer in the registry (program admin)",
        body: Type.Object(
          {
            tenantId: Type.String(),
            domain: Type.String({ minLength: 1, maxLength: 253 }),
            name: Type.String({ minLength: 1, maxLength: 200 }),
            locale: Type.Optional(Type.Union([Type.Enum(["en", "es"]), Type.Null()])),
            subscriptions: Type.Array(
              Type.Object(
                {
                  id: Type.String(),
                  product: Type.String(),
                  status: Type.Enum(["active", "suspended", "cancelled"]),
                },
                closed,
              ),
              { maxItems: 1000 },
            ),
          },
          closed,
        ),
        response: { 201: Customer, ...errors(401, 403, 422) },
      },
    },
    async (req, reply) => {
      if (callerOf(req).principal.role !== "program_admin")
        throw forbidden("only a program admin edits the customer registry");
      const unknown = [];
      for (const s of req.body.subscriptions) {
        if (
          !(await db.selectFrom("products").select("code").where("code", "=", s.product).executeTakeFirst())
        )
          unknown.push(s.product);
      }
      if (unknown.length) {
        throw new RefusalError({
          code: "validation_failed",
          detail: `unknown products: ${unknown.join(", ")}`,
          errors: [{ field: "subscriptions.product", message: `unknown: ${unknown.join(", ")}` }],
        });
      }
      await upsertCustomer(ctx, req.body);
      return reply.code(201).send(await customerJson(req.body.tenantId));
    },
  );

  async function customerJson(tenantId: string) {
    const c = await db
      .selectFrom("customers")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .executeTakeFirstOrThrow();
    const subs = await db
      .selectFrom("subscriptions")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .orderBy("id")
      .execute();
    return {
      tenantId: c.tenant_id,
      domain: c.domain,
      name: c.name,
      locale: c.locale,
      subscriptions: subs.map((s) => ({
        id: s.id,
        product: s.product,
        status: s.status as "active" | "suspended" | "cancelled",
      })),
    };
  }

  app.get(
    "/api/v1/customers",
    {
      schema: {
        tags: ["customers"],
        summary: "Look a customer up in the registry by tenant ID or domain (for filing a claim)",
        querystring: Type.Object(
          { tenantId: Type.Optional(Type.String()), domain: Type.Optional(Type.String()) },
          closed,
        ),
        response: { 200: Type.Object({ items: Type.Array(Customer) }), ...errors(401, 422) },
      },
    },
    async (req) => {
      const { tenantId, domain } = req.query;
      if (!tenantId && !domain) {
        throw new RefusalError({
          code: "validation_failed",
          detail: "give tenantId or domain",
          errors: [{ field: "tenantId", message: "or domain is required" }],
        });
      }
      let q = db.selectFrom("customers").select("tenant_id").limit(20);
      if (tenantId) q = q.where("tenant_id", "=", tenantId);
      if (domain) q = q.where("domain", "=", domain.toLowerCase());
      const rows = await q.execute();
      return { items: await Promise.all(rows.map((r) => customerJson(r.tenant_id))) };
    },
  );
}
