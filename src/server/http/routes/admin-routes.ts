// Administration: organisations, users, and the customer registry. Each route declares its schemas
// and calls one use case (src/server/admin/use-cases/), which judges access.
import { Type } from "typebox";
import { ROLES } from "../../../domain/vocabulary.ts";
import { createOrganization } from "../../admin/use-cases/create-organization.ts";
import { createUser } from "../../admin/use-cases/create-user.ts";
import { getOrganization } from "../../admin/use-cases/get-organization.ts";
import { listOrganizations } from "../../admin/use-cases/list-organizations.ts";
import { listUsers } from "../../admin/use-cases/list-users.ts";
import { lookUpCustomers } from "../../admin/use-cases/look-up-customers.ts";
import { saveCustomer } from "../../admin/use-cases/save-customer.ts";
import { searchCustomers } from "../../admin/use-cases/search-customers.ts";
import { callerOf } from "../authenticate.ts";
import { errors } from "../responses.ts";
import { AdminUser, AdminUserList, Customer, Organization, SubscriptionStatus } from "../schemas/admin.ts";
import type { App, HttpDeps } from "../types.ts";

const closed = { additionalProperties: false } as const;

export function adminRoutes(app: App, { ctx }: HttpDeps): void {
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
      const org = await createOrganization(ctx, callerOf(req).principal, req.body);
      reply.header("Location", `/api/v1/admin/organizations/${org.id}`);
      return reply.code(201).send(org);
    },
  );

  app.get(
    "/api/v1/admin/organizations",
    {
      schema: {
        tags: ["admin"],
        summary:
          "Organisations (program admin: all; global admin: its own), each with the caller's abilities",
        response: { 200: Type.Object({ items: Type.Array(Organization) }), ...errors(401, 403) },
      },
    },
    async (req) => listOrganizations(ctx, callerOf(req).principal),
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
    async (req) => getOrganization(ctx, callerOf(req).principal, { id: req.params.id }),
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
        response: { 201: AdminUser, ...errors(401, 403, 422) },
      },
    },
    async (req, reply) => {
      const user = await createUser(ctx, callerOf(req).principal, req.body);
      reply.header("Location", `/api/v1/admin/users/${user.id}`);
      return reply.code(201).send(user);
    },
  );

  app.get(
    "/api/v1/admin/users",
    {
      schema: {
        tags: ["admin"],
        summary:
          "Users (program admin: all; global admin: its organisation's), each with the caller's abilities, and the roles the caller may assign",
        response: { 200: AdminUserList, ...errors(401, 403) },
      },
    },
    async (req) => listUsers(ctx, callerOf(req).principal),
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
              Type.Object({ id: Type.String(), product: Type.String(), status: SubscriptionStatus }, closed),
              { maxItems: 1000 },
            ),
          },
          closed,
        ),
        response: { 201: Customer, ...errors(401, 403, 422) },
      },
    },
    async (req, reply) => reply.code(201).send(await saveCustomer(ctx, callerOf(req).principal, req.body)),
  );

  app.get(
    "/api/v1/admin/customers",
    {
      schema: {
        tags: ["admin"],
        summary:
          "The customer registry, by name then tenant ID, searched by name, domain or tenant ID, in keyset pages (program admin)",
        querystring: Type.Object(
          {
            q: Type.Optional(Type.String({ maxLength: 200 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 25 })),
            cursor: Type.Optional(Type.String({ maxLength: 2000 })),
          },
          closed,
        ),
        response: {
          200: Type.Object({
            items: Type.Array(Customer),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
          }),
          ...errors(401, 403, 422),
        },
      },
    },
    async (req) => searchCustomers(ctx, callerOf(req).principal, req.query),
  );

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
    async (req) => lookUpCustomers(ctx, callerOf(req).principal, req.query),
  );
}
