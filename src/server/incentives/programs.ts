// Incentive programmes: the seeded OSU and OSA, and their administration by the program admin.
import type { Kysely } from "kysely";
import type { ProgramRules } from "../../domain/incentives.ts";
import { currencyDigits } from "../../domain/incentives.ts";
import { invalidField, notFound, RefusalError } from "../../domain/refusal.ts";
import type { DB } from "../db/schema.ts";

export interface ProgramProduct {
  code: string;
  /** Basis points of revenue (500 = 5 %), or null for a flat amount. */
  rateBps: number | null;
  /** Minor units per active subscription and month, in `currency`. */
  flatMinor: number | null;
  currency: string | null;
}

/** A product as a request may send it: flatMinor and currency may be left out for a rate. */
export type ProgramProductInput = Pick<ProgramProduct, "code" | "rateBps"> &
  Partial<Pick<ProgramProduct, "flatMinor" | "currency">>;

export const asProgramProduct = (x: ProgramProductInput): ProgramProduct => ({
  code: x.code,
  rateBps: x.rateBps,
  flatMinor: x.flatMinor ?? null,
  currency: x.currency ?? null,
});

export interface Program {
  code: string;
  name: string;
  products: ProgramProduct[];
  activities: string[];
  startsOn: string;
  endsOn: string | null;
  enrolledOrganizations: string[];
}

const M365 = [
  "exchange_online",
  "sharepoint_online",
  "onedrive",
  "teams",
  "teams_phone",
  "intune",
  "entra_id_p1",
  "entra_id_p2",
  "defender_office_365",
  "purview",
  "windows_365",
];
const BUSINESS_APPS = [
  "d365_sales",
  "d365_customer_service",
  "d365_field_service",
  "d365_finance",
  "d365_supply_chain",
  "d365_business_central",
  "power_apps",
  "power_automate",
  "power_bi_pro",
  "power_pages",
  "copilot_studio",
];

const rate = (code: string, rateBps: number): ProgramProduct => ({
  code,
  rateBps,
  flatMinor: null,
  currency: null,
});

export const SEED_PROGRAMS: readonly Omit<Program, "enrolledOrganizations">[] = [
  {
    code: "OSU",
    name: "Online Services Usage",
    products: M365.map((p) => rate(p, 500)),
    activities: ["usage", "deployment"],
    startsOn: "2026-01-01",
    endsOn: null,
  },
  {
    code: "OSA",
    name: "Online Services Advisor",
    products: [
      ...BUSINESS_APPS.map((p) => rate(p, 1000)),
      { code: "m365_copilot", rateBps: null, flatMinor: 500, currency: "USD" },
    ],
    activities: ["pre_sales"],
    startsOn: "2026-01-01",
    endsOn: null,
  },
];

/** Idempotent: a programme that exists (perhaps edited by an admin) is left alone. */
export async function seedPrograms(db: Kysely<DB>, now: number): Promise<void> {
  const existing = new Set((await db.selectFrom("programs").select("code").execute()).map((r) => r.code));
  for (const p of SEED_PROGRAMS) if (!existing.has(p.code)) await writeProgram(db, p, now);
}

async function writeProgram(db: Kysely<DB>, p: Omit<Program, "enrolledOrganizations">, now: number) {
  await db
    .insertInto("programs")
    .values({
      code: p.code,
      name: p.name,
      activities: JSON.stringify(p.activities),
      starts_on: p.startsOn,
      ends_on: p.endsOn,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.column("code").doUpdateSet({
        name: p.name,
        activities: JSON.stringify(p.activities),
        starts_on: p.startsOn,
        ends_on: p.endsOn,
        updated_at: now,
      }),
    )
    .execute();
  await db.deleteFrom("program_products").where("program_code", "=", p.code).execute();
  if (p.products.length)
    await db
      .insertInto("program_products")
      .values(
        p.products.map((x) => ({
          program_code: p.code,
          product_code: x.code,
          rate_bps: x.rateBps,
          flat_minor: x.flatMinor,
          flat_currency: x.currency,
        })),
      )
      .execute();
}

export async function listPrograms(db: Kysely<DB>): Promise<Program[]> {
  const [programs, products, enrollments] = await Promise.all([
    db.selectFrom("programs").selectAll().orderBy("code").execute(),
    db.selectFrom("program_products").selectAll().orderBy("product_code").execute(),
    db.selectFrom("enrollments").selectAll().orderBy("enrolled_at").execute(),
  ]);
  return programs.map((p) => ({
    code: p.code,
    name: p.name,
    activities: JSON.parse(p.activities) as string[],
    startsOn: p.starts_on,
    endsOn: p.ends_on,
    products: products
      .filter((x) => x.program_code === p.code)
      .map((x) => ({
        code: x.product_code,
        rateBps: x.rate_bps,
        flatMinor: x.flat_minor,
        currency: x.flat_currency,
      })),
    enrolledOrganizations: enrollments.filter((e) => e.program_code === p.code).map((e) => e.organization_id),
  }));
}

export async function getProgram(db: Kysely<DB>, code: string): Promise<Program> {
  const p = (await listPrograms(db)).find((x) => x.code === code);
  if (!p) throw notFound(`no programme ${code}`);
  return p;
}

export function rulesOf(p: Program): ProgramRules {
  return {
    code: p.code,
    products: p.products.map((x) => x.code),
    activities: p.activities,
    startsOn: p.startsOn,
    endsOn: p.endsOn,
  };
}

async function check(db: Kysely<DB>, p: Omit<Program, "enrolledOrganizations">): Promise<void> {
  const products = new Set((await db.selectFrom("products").select("code").execute()).map((r) => r.code));
  const activities = new Set((await db.selectFrom("activities").select("code").execute()).map((r) => r.code));
  p.products.forEach((x, i) => {
    if (!products.has(x.code))
      throw invalidField(`products.${i}.code`, `is not a catalog product: ${x.code}`);
    const flat = x.flatMinor !== null;
    if ((x.rateBps === null) === !flat)
      throw invalidField(`products.${i}`, "needs either rateBps or flatMinor with currency, not both");
    if (flat && (x.currency === null || currencyDigits(x.currency) === null))
      throw invalidField(`products.${i}.currency`, "must be an ISO 4217 code for a flat amount");
  });
  if (new Set(p.products.map((x) => x.code)).size !== p.products.length)
    throw invalidField("products", "lists a product twice");
  p.activities.forEach((a, i) => {
    if (!activities.has(a)) throw invalidField(`activities.${i}`, `is not a catalog activity: ${a}`);
  });
  if (p.endsOn !== null && p.endsOn < p.startsOn) throw invalidField("endsOn", "is before startsOn");
}

export async function createProgram(db: Kysely<DB>, p: Omit<Program, "enrolledOrganizations">, now: number) {
  const exists = await db.selectFrom("programs").select("code").where("code", "=", p.code).executeTakeFirst();
  if (exists)
    throw new RefusalError({
      code: "validation_failed",
      detail: `programme ${p.code} exists`,
      errors: [{ field: "code", message: "is taken" }],
    });
  await check(db, p);
  await writeProgram(db, p, now);
  return getProgram(db, p.code);
}

export async function updateProgram(
  db: Kysely<DB>,
  code: string,
  patch: Partial<Omit<Program, "code" | "enrolledOrganizations">>,
  now: number,
) {
  const current = await getProgram(db, code);
  const next = { ...current, ...patch, code };
  await check(db, next);
  await writeProgram(db, next, now);
  return getProgram(db, code);
}

export async function enroll(db: Kysely<DB>, code: string, organizationId: string, now: number) {
  await getProgram(db, code);
  const org = await db
    .selectFrom("organizations")
    .select("id")
    .where("id", "=", organizationId)
    .executeTakeFirst();
  if (!org) throw invalidField("organizationId", "is not an organisation");
  await db
    .insertInto("enrollments")
    .values({ program_code: code, organization_id: organizationId, enrolled_at: now })
    .onConflict((oc) => oc.columns(["program_code", "organization_id"]).doNothing())
    .execute();
  return getProgram(db, code);
}

export async function unenroll(db: Kysely<DB>, code: string, organizationId: string) {
  await getProgram(db, code);
  await db
    .deleteFrom("enrollments")
    .where("program_code", "=", code)
    .where("organization_id", "=", organizationId)
    .execute();
  return getProgram(db, code);
}
