// The catalog of RULES.md §3, seeded once on an empty database (editable afterwards).
import type { Kysely } from "kysely";
import { DEFAULT_CALENDAR } from "../../domain/holidays.ts";
import type { ProductBasis } from "../../domain/vocabulary.ts";
import type { DB } from "../db/schema.ts";

interface ProductSeed {
  code: string;
  name: string;
  area: "business_applications" | "microsoft_365";
  basis: ProductBasis;
}

const BA = (code: string, name: string): ProductSeed => ({
  code,
  name,
  area: "business_applications",
  basis: "subscription",
});
const M365 = (code: string, name: string): ProductSeed => ({
  code,
  name,
  area: "microsoft_365",
  basis: "workload",
});

export const SEED_PRODUCTS: readonly ProductSeed[] = [
  BA("d365_sales", "Dynamics 365 Sales"),
  BA("d365_customer_service", "Dynamics 365 Customer Service"),
  BA("d365_field_service", "Dynamics 365 Field Service"),
  BA("d365_finance", "Dynamics 365 Finance"),
  BA("d365_supply_chain", "Dynamics 365 Supply Chain Management"),
  BA("d365_business_central", "Dynamics 365 Business Central"),
  BA("power_apps", "Power Apps"),
  BA("power_automate", "Power Automate"),
  BA("power_bi_pro", "Power BI Pro"),
  BA("power_pages", "Power Pages"),
  BA("copilot_studio", "Copilot Studio"),
  M365("exchange_online", "Exchange Online"),
  M365("sharepoint_online", "SharePoint Online"),
  M365("onedrive", "OneDrive"),
  M365("teams", "Teams"),
  M365("teams_phone", "Teams Phone"),
  M365("intune", "Intune"),
  M365("entra_id_p1", "Entra ID P1"),
  M365("entra_id_p2", "Entra ID P2"),
  M365("defender_office_365", "Defender for Office 365"),
  M365("purview", "Purview"),
  M365("m365_copilot", "Microsoft 365 Copilot"),
  M365("windows_365", "Windows 365"),
];

export const SEED_ACTIVITIES = [
  { code: "pre_sales", name: "Pre-sales (build intent, advisor)", incentivised: 1 },
  { code: "deployment", name: "Deployment", incentivised: 1 },
  { code: "usage", name: "Usage (use or consume)", incentivised: 1 },
  { code: "revenue_association", name: "Revenue association (business influencer)", incentivised: 0 },
] as const;

/** Idempotent: inserts what is missing, never overwrites an admin's edits. */
export async function seedCatalog(db: Kysely<DB>, now: number): Promise<void> {
  const existing = new Set((await db.selectFrom("products").select("code").execute()).map((r) => r.code));
  const products = SEED_PRODUCTS.filter((p) => !existing.has(p.code)).map((p) => ({
    code: p.code,
    name: p.name,
    solution_area: p.area,
    basis: p.basis,
    active: 1,
  }));
  if (products.length) await db.insertInto("products").values(products).execute();
  const acts = new Set((await db.selectFrom("activities").select("code").execute()).map((r) => r.code));
  const activities = SEED_ACTIVITIES.filter((a) => !acts.has(a.code)).map((a) => ({ ...a }));
  if (activities.length) await db.insertInto("activities").values(activities).execute();
  const cal = await db
    .selectFrom("calendars")
    .select("id")
    .where("id", "=", DEFAULT_CALENDAR.id)
    .executeTakeFirst();
  if (!cal) {
    await db
      .insertInto("calendars")
      .values({
        id: DEFAULT_CALENDAR.id,
        name: "Default (US holidays, UTC)",
        region: DEFAULT_CALENDAR.region,
        time_zone: DEFAULT_CALENDAR.timeZone,
        weekend: JSON.stringify([0, 6]),
        updated_at: now,
      })
      .execute();
  }
}
