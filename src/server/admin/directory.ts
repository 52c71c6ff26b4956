// Organisations, users and the customer registry as the store writes them. The HTTP use cases
// (./use-cases/) check the caller's access and then call the `write...` functions inside their own
// transaction; the CLI, the demo world and the first admin act as the system and use the wrappers
// below, which open the transaction themselves.

import { roleBelongsToOrganization } from "../../domain/policies/admin.ts";
import { invalidField as invalid } from "../../domain/refusal.ts";
import type { Role } from "../../domain/vocabulary.ts";
import type { AppContext } from "../context.ts";
import { type Executor, transact } from "../db/transact.ts";
import { newId } from "../ids.ts";
import { hashPassword, MIN_PASSWORD_LENGTH } from "./passwords.ts";

export interface NewOrganization {
  name: string;
  partnerIds: string[];
  calendarId?: string | null;
}

export interface CreatedOrganization {
  id: string;
  name: string;
  partnerIds: string[];
  calendarId: string | null;
}

export async function requireCalendar(db: Executor, field: string, id: string): Promise<void> {
  const cal = await db.selectFrom("calendars").select("id").where("id", "=", id).executeTakeFirst();
  if (!cal) throw invalid(field, "no such calendar");
}

export async function writeOrganization(
  db: Executor,
  now: number,
  input: NewOrganization,
): Promise<CreatedOrganization> {
  const name = input.name.trim();
  if (!name) throw invalid("name", "is required");
  for (const p of input.partnerIds)
    if (!/^\d{6,7}$/.test(p)) throw invalid("partnerIds", `${p} is not a 6-7 digit partner ID`);
  const calendarId = input.calendarId ?? null;
  if (calendarId) await requireCalendar(db, "calendarId", calendarId);
  const taken = input.partnerIds.length
    ? await db
        .selectFrom("partner_ids")
        .select("partner_id")
        .where("partner_id", "in", input.partnerIds)
        .execute()
    : [];
  if (taken.length)
    throw invalid("partnerIds", `already registered: ${taken.map((t) => t.partner_id).join(", ")}`);
  const id = newId();
  await db
    .insertInto("organizations")
    .values({ id, name, calendar_id: calendarId, created_at: now })
    .execute();
  if (input.partnerIds.length) {
    await db
      .insertInto("partner_ids")
      .values(input.partnerIds.map((p) => ({ partner_id: p, organization_id: id })))
      .execute();
  }
  return { id, name, partnerIds: input.partnerIds, calendarId };
}

export function createOrganization(ctx: AppContext, input: NewOrganization): Promise<CreatedOrganization> {
  return transact(ctx.db, (trx) => writeOrganization(trx, ctx.clock.now(), input));
}

export interface NewUser {
  email: string;
  name: string;
  password: string;
  role: Role;
  organizationId?: string | null;
  locale?: string;
}

/** A new user checked and its password hashed: the slow part, kept out of any transaction. */
export interface PreparedUser {
  email: string;
  name: string;
  passwordHash: string;
  role: Role;
  organizationId: string | null;
  locale: string;
}

export async function prepareUser(input: NewUser): Promise<PreparedUser> {
  const email = input.email.trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw invalid("email", "is not an email address");
  if (input.password.length < MIN_PASSWORD_LENGTH)
    throw invalid("password", `needs at least ${MIN_PASSWORD_LENGTH} characters`);
  const inOrganization = roleBelongsToOrganization(input.role);
  if (inOrganization && !input.organizationId)
    throw invalid("organizationId", "is required for a partner role");
  if (!inOrganization && input.organizationId)
    throw invalid("organizationId", "operator users belong to no organisation");
  const locale = input.locale ?? "en";
  if (!["en", "es"].includes(locale)) throw invalid("locale", "must be en or es");
  return {
    email,
    name: input.name.trim() || email,
    passwordHash: await hashPassword(input.password),
    role: input.role,
    organizationId: input.organizationId ?? null,
    locale,
  };
}

export async function writeUser(
  db: Executor,
  now: number,
  u: PreparedUser,
): Promise<{ id: string; email: string; role: Role }> {
  if (u.organizationId) {
    const org = await db
      .selectFrom("organizations")
      .select("id")
      .where("id", "=", u.organizationId)
      .executeTakeFirst();
    if (!org) throw invalid("organizationId", "no such organisation");
  }
  const exists = await db.selectFrom("users").select("id").where("email", "=", u.email).executeTakeFirst();
  if (exists) throw invalid("email", "is already in use");
  const id = newId();
  await db
    .insertInto("users")
    .values({
      id,
      email: u.email,
      name: u.name,
      password_hash: u.passwordHash,
      role: u.role,
      organization_id: u.organizationId,
      locale: u.locale,
      created_at: now,
      disabled_at: null,
    })
    .execute();
  return { id, email: u.email, role: u.role };
}

export async function createUser(
  ctx: AppContext,
  input: NewUser,
): Promise<{ id: string; email: string; role: Role }> {
  const prepared = await prepareUser(input);
  return transact(ctx.db, (trx) => writeUser(trx, ctx.clock.now(), prepared));
}

export type SubscriptionStatus = "active" | "suspended" | "cancelled";

export interface NewCustomer {
  tenantId: string;
  domain: string;
  name: string;
  locale?: string | null;
  subscriptions: { id: string; product: string; status: SubscriptionStatus }[];
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function checkCustomer(input: NewCustomer): void {
  if (!GUID.test(input.tenantId)) throw invalid("tenantId", "must be a GUID");
  for (const s of input.subscriptions)
    if (!GUID.test(s.id)) throw invalid("subscriptions.id", `${s.id} must be a GUID`);
}

export async function writeCustomer(db: Executor, now: number, input: NewCustomer): Promise<void> {
  await db
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
    await db
      .insertInto("subscriptions")
      .values({ id: s.id, tenant_id: input.tenantId, product: s.product, status: s.status })
      .onConflict((oc) =>
        oc.column("id").doUpdateSet({ product: s.product, status: s.status, tenant_id: input.tenantId }),
      )
      .execute();
  }
}

export async function upsertCustomer(ctx: AppContext, input: NewCustomer): Promise<void> {
  checkCustomer(input);
  await transact(ctx.db, (trx) => writeCustomer(trx, ctx.clock.now(), input));
}
