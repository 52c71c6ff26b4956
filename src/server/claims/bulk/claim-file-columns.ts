// The columns of a claims file (bulk filing, issue 14) and how a row becomes the claim resource's
// body: the same ClaimInput that POST /api/v1/claims takes, so the same rules judge it.
import type { ClaimInput } from "../claim-input.ts";

export const CLAIM_FILE_COLUMNS = [
  "partnerId",
  "customerTenantId",
  "customerDomain",
  "customerName",
  "subscriptionId",
  "activity",
  "products",
  "customerContactName",
  "customerContactTitle",
  "customerContactEmail",
  "customerContactPhone",
  "customerContactLocale",
  "partnerContactName",
  "partnerContactEmail",
  "partnerContactPhone",
] as const;
export type ClaimFileColumn = (typeof CLAIM_FILE_COLUMNS)[number];

/** Columns a row must fill; the others may stay empty. */
export const REQUIRED_COLUMNS: readonly ClaimFileColumn[] = [
  "partnerId",
  "customerTenantId",
  "customerDomain",
  "customerName",
  "activity",
  "products",
  "customerContactName",
  "customerContactEmail",
  "partnerContactName",
  "partnerContactEmail",
];

/** A claim field's path (`customer.tenantId` or `/customer/tenantId`) -> its column. */
const FIELD_COLUMNS: Record<string, ClaimFileColumn> = {
  partnerId: "partnerId",
  "customer.tenantId": "customerTenantId",
  "customer.domain": "customerDomain",
  "customer.name": "customerName",
  "customer.subscriptionId": "subscriptionId",
  activity: "activity",
  products: "products",
  "customerContact.name": "customerContactName",
  "customerContact.title": "customerContactTitle",
  "customerContact.email": "customerContactEmail",
  "customerContact.phone": "customerContactPhone",
  "customerContact.locale": "customerContactLocale",
  "partnerContact.name": "partnerContactName",
  "partnerContact.email": "partnerContactEmail",
  "partnerContact.phone": "partnerContactPhone",
};

export function columnOfField(path: string): ClaimFileColumn | "row" {
  const dotted = path
    .replace(/^\//, "")
    .replace(/\//g, ".")
    .replace(/\.\d+$/, "");
  return FIELD_COLUMNS[dotted] ?? "row";
}

const opt = (v: string | undefined) => (v && v.length > 0 ? v : null);

/** A row (trimmed cells by column name) as a claim body; empty optional cells become null. */
export function rowToInput(r: Partial<Record<ClaimFileColumn, string>>): ClaimInput {
  return {
    partnerId: r.partnerId ?? "",
    customer: {
      tenantId: (r.customerTenantId ?? "").toLowerCase(),
      domain: r.customerDomain ?? "",
      name: r.customerName ?? "",
      subscriptionId: opt(r.subscriptionId?.toLowerCase()),
    },
    activity: r.activity ?? "",
    products: (r.products ?? "")
      .split(";")
      .map((p) => p.trim())
      .filter((p) => p.length > 0),
    customerContact: {
      name: r.customerContactName ?? "",
      title: opt(r.customerContactTitle),
      email: r.customerContactEmail ?? "",
      phone: opt(r.customerContactPhone),
      locale: opt(r.customerContactLocale),
    },
    partnerContact: {
      name: r.partnerContactName ?? "",
      email: r.partnerContactEmail ?? "",
      phone: opt(r.partnerContactPhone),
    },
  };
}

/** GET /api/v1/claim-imports/template.csv: the header and one example row (docs/API.md). */
export function claimFileTemplate(): string {
  const example: Record<ClaimFileColumn, string> = {
    partnerId: "1234567",
    customerTenantId: "00000000-0000-4000-8000-000000000001",
    customerDomain: "customer.example.com",
    customerName: "Customer Ltd",
    subscriptionId: "",
    activity: "deployment",
    products: "teams;exchange_online",
    customerContactName: "Casey Customer",
    customerContactTitle: "IT manager",
    customerContactEmail: "casey@customer.example.com",
    customerContactPhone: "+1 555 0100",
    customerContactLocale: "en",
    partnerContactName: "Paula Partner",
    partnerContactEmail: "paula@partner.example.com",
    partnerContactPhone: "",
  };
  const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return `${CLAIM_FILE_COLUMNS.join(",")}\r\n${CLAIM_FILE_COLUMNS.map((c) => cell(example[c])).join(",")}\r\n`;
}
