// Organisations, users and the customer registry: the administration use cases that the CLI, the
// demo world and (later) the admin API share.

import type { Kysely } from "kysely";
import { RefusalError } from "../../domain/refusal.ts";
import { isPartnerRole, ROLES, type Role } from "../../domain/vocabulary.ts";
import type { AppContext } from "../context.ts";
import type { DB } from "../db/schema.ts";
import { transact } from "../db/transact.ts";
import { newId } from "../ids.ts";
import { hashPassword, MIN_PASSWORD_LENGTH } from "./passwords.ts";

const invalid = (field: string, message: string) =>
  new RefusalError({
    code: "validation_failed",
    detail: `${field} ${message}`,
    errors: [{ field, message }],
  });

export async function createOrganization(
  ctx: AppContext,
  input: { name: string; partnerIds: string[]; calendarId?: string | null },
): Promise<{ id: string; name: string; partnerIds: string[] }> {
  if (!input.name.trim()) throw invalid("name", "is required");
  for (const p of input.partnerIds)
    if (!/^\d{6,7}$/.test(p)) throw invalid("partnerIds", `${p} is not a 6-7 digit partner ID`);
  return transact(ctx.db, async (trx) => {
    const taken = input.partnerIds.length
      ? await trx
          .selectFrom("partner_ids")
          .select("partner_id")
          .where("partner_id", "in", input.partnerIds)
          .execute()
      : [];
    if (taken.length)
      throw invalid("partnerIds", `already registered: ${taken.map((t) => t.partner_id).join(", ")}`);
    const id = newId();
    await trx
      .insertInto("organizations")
      .values({
        id,
        name: input.name.trim(),
        calendar_id: input.calendarId ?? null,
        created_at: ctx.clock.now(),
      })
      .execute();
    if (input.partnerIds.length) {
      await trx
        .insertInto("partner_ids")
        .values(input.partnerIds.map((p) => ({ partner_id: p, organization_id: id })))
        .execute();
    }
    return { id, name: input.name.trim(), partnerIds: input.partnerIds };
  });
}

export interface NewUser {
  email: string;
  name: string;
  password: string;
  role: Role;
  organizationId?: string | null;
  locale?: string;
}

export async function createUser(
  ctx: AppContext,
  input: NewUser,
): Promise<{ id: string; email: string; role: Role }> {
  const email = input.email.trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw invalid("email", "is not an email address");
  if (!ROLES.includes(input.role)) throw invalid("role", `must be one of ${ROLES.join(", ")}`);
  if (input.password.length < MIN_PASSWORD_LENGTH)
    throw invalid("password", `needs at least ${MIN_PASSWORD_LENGTH} characters`);
  const partner = isPartnerRole(input.role);
  if (partner && !input.organizationId) throw invalid("organizationId", "is required for a partner role");
  if (!partner && input.organizationId)
    throw invalid("organizationId", "operator users belong to no organisation");
  const locale = input.locale ?? "en";
  if (!["en", "es"].includes(locale)) throw invalid("locale", "must be en or es");
  const passwordHash = await hashPassword(input.password);
  return transact(ctx.db, async (trx) => {
    if (input.organizationId) await requireOrganization(trx, input.organizationId);
    const exists = await trx.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst();
    if (exists) throw invalid("email", "is already in use");
    const id = newId();
    await trx
      .insertInto("users")
      .values({
        id,
        email,
        name: input.name.trim() || email,
        password_hash: passwordHash,
        role: input.role,
        organization_id: input.organizationId ?? null,
        locale,
        created_at: ctx.clock.now(),
        disabled_at: null,
      })
      .execute();
    return { id, email, role: input.role };
  });
}

async function requireOrganization(db: Kysely<DB>, id: string): Promise<void> {
  const org = await db.selectFrom("organizations").select("id").where("id", "=", id).executeTakeFirst();
  if (!org) throw invalid("organizationId", "no such organisation");
}

export interface NewCustomer {
  tenantId: string;
  domain: string;
  name: string;
  locale?: string | null;
  subscriptions: { id: string; product: string; status: "active" | "suspended" | "cancelled" }[];
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function upsertCustomer(ctx: AppContext, input: NewCustomer): Promise<void> {
  if (!GUID.test(input.tenantId)) throw invalid("tenantId", "must be a GUID");
  for (const s of input.subscriptions)
    if (!GUID.test(s.id)) throw invalid("subscriptions.id", `${s.id} must be a GUID`);
  await transact(ctx.db, async (trx) => {
    const now = ctx.clock.now();
    await trx
      .insertInto("customers")
      .values({
        tenant_id: input.tenantId,
        domain: input.domain,
        name: input.name,
        locale: input.locale ?? null,
        created_at: now,
      })
      .onConflict((oc) =>
        oc
          .column("tenant_id")
          .doUpdateSet({ domain: input.domain, name: input.name, locale: input.locale ?? null }),
      )
      .execute();
    for (const s of input.subscriptions) {
      await trx
        .insertInto("subscriptions")
        .values({ id: s.id, tenant_id: input.tenantId, product: s.product, status: s.status })
        .onConflict((oc) =>
          oc.column("id").doUpdateSet({ product: s.product, status: s.status, tenant_id: input.tenantId }),
        )
        .execute();
    }
  });
}
