// Customer registry import from CSV: one row per subscription (or a tenant with no subscription),
// header `tenantId,domain,name,locale,subscriptionId,product,status`. A dry run reports every bad
// row with its line, column and reason and writes nothing; a real run writes everything or, if any
// row is bad, nothing.

import type { Readable } from "node:stream";
import type { ImportRowError, RowReason } from "../../domain/import-rows.ts";
import type { AppContext } from "../context.ts";
import { transact } from "../db/transact.ts";

export const CUSTOMER_COLUMNS = [
  "tenantId",
  "domain",
  "name",
  "locale",
  "subscriptionId",
  "product",
  "status",
] as const;
type Column = (typeof CUSTOMER_COLUMNS)[number];

export type RowError = ImportRowError<Column>;

export interface ImportResult {
  rows: number;
  customers: number;
  subscriptions: number;
  errors: RowError[];
  dryRun: boolean;
  imported: boolean;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const MAX_ERRORS = 1000;

interface Customer {
  domain: string;
  name: string;
  locale: string | null;
  subscriptions: Map<string, { product: string; status: string }>;
}

/** What csv-parse yields with `columns` and `info` on: the row by header name, and where it ends. */
interface ParsedRow {
  record: Record<string, string>;
  info: { lines: number };
}

function isParsedRow(x: unknown): x is ParsedRow {
  if (typeof x !== "object" || x === null || !("record" in x) || !("info" in x)) return false;
  const { record, info } = x;
  return (
    typeof record === "object" &&
    record !== null &&
    typeof info === "object" &&
    info !== null &&
    "lines" in info &&
    typeof info.lines === "number"
  );
}

export async function importCustomers(
  ctx: AppContext,
  source: Readable,
  dryRun: boolean,
): Promise<ImportResult> {
  // Loaded with the first import, not at start (csv-parse is a few hundred ms of start-up).
  const { CsvError, parse } = await import("csv-parse");
  const products = new Set(
    (await ctx.db.kysely.selectFrom("products").select("code").execute()).map((p) => p.code),
  );
  const customers = new Map<string, Customer>();
  const errors: RowError[] = [];
  const fail = (
    line: number,
    column: RowError["column"],
    code: RowReason,
    reason: string,
    params?: Record<string, string>,
  ) => {
    if (errors.length < MAX_ERRORS)
      errors.push({ line, column, reason, code, ...(params ? { params } : {}) });
  };
  let rows = 0;
  const parser = source.pipe(
    parse({
      columns: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
      info: true,
      relax_column_count: false,
    }),
  );
  try {
    for await (const record of parser) {
      if (!isParsedRow(record)) continue;
      rows++;
      const r = record.record;
      const line = record.info.lines;
      if (rows === 1) {
        const missing = CUSTOMER_COLUMNS.filter((c) => !(c in r));
        if (missing.length) {
          fail(
            1,
            "row",
            "header_invalid",
            `the header lacks ${missing.join(", ")}; expected ${CUSTOMER_COLUMNS.join(",")}`,
            {
              missing: missing.join(", "),
              expected: CUSTOMER_COLUMNS.join(","),
            },
          );
          break;
        }
      }
      const get = (c: Column) => r[c] ?? "";
      const tenantId = get("tenantId").toLowerCase();
      if (!GUID.test(tenantId)) fail(line, "tenantId", "not_a_guid", "is not a GUID");
      if (!DOMAIN.test(get("domain"))) fail(line, "domain", "not_a_domain", "is not a domain name");
      if (!get("name")) fail(line, "name", "empty", "is empty");
      if (get("locale") && !["en", "es"].includes(get("locale")))
        fail(line, "locale", "invalid_locale", "must be en or es (or empty)");
      const sub = get("subscriptionId").toLowerCase();
      if (sub) {
        if (!GUID.test(sub)) fail(line, "subscriptionId", "not_a_guid", "is not a GUID");
        if (!products.has(get("product")))
          fail(line, "product", "unknown_product", `unknown product ${get("product") || "(empty)"}`, {
            value: get("product"),
          });
        if (!["active", "suspended", "cancelled"].includes(get("status")))
          fail(line, "status", "invalid_subscription_status", "must be active, suspended or cancelled");
      } else if (get("product") || get("status")) {
        fail(line, "subscriptionId", "subscription_id_required", "product and status need a subscriptionId");
      }
      const known = customers.get(tenantId);
      if (known && (known.domain !== get("domain").toLowerCase() || known.name !== get("name"))) {
        fail(line, "domain", "tenant_conflict", "the same tenant appears with another domain or name");
      }
      const c = known ?? {
        domain: get("domain").toLowerCase(),
        name: get("name"),
        locale: get("locale") || null,
        subscriptions: new Map(),
      };
      if (sub) {
        if (c.subscriptions.has(sub)) fail(line, "subscriptionId", "duplicate_subscription", "appears twice");
        c.subscriptions.set(sub, { product: get("product"), status: get("status") });
      }
      customers.set(tenantId, c);
    }
  } catch (err) {
    // csv-parse's errors carry the line they stopped at; anything else is named at the next line.
    const line = err instanceof CsvError && typeof err.lines === "number" ? err.lines : rows + 1;
    fail(line, "row", "invalid_csv", `not valid CSV: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (rows === 0 && errors.length === 0) fail(1, "row", "no_rows", "the file has no rows");
  const subscriptions = [...customers.values()].reduce((n, c) => n + c.subscriptions.size, 0);
  const result = { rows, customers: customers.size, subscriptions, errors, dryRun, imported: false };
  if (dryRun || errors.length) return result;
  await transact(ctx.db, async (trx) => {
    const now = ctx.clock.now();
    for (const [tenantId, c] of customers) {
      await trx
        .insertInto("customers")
        .values({ tenant_id: tenantId, domain: c.domain, name: c.name, locale: c.locale, created_at: now })
        .onConflict((oc) =>
          oc.column("tenant_id").doUpdateSet({ domain: c.domain, name: c.name, locale: c.locale }),
        )
        .execute();
      for (const [id, s] of c.subscriptions) {
        await trx
          .insertInto("subscriptions")
          .values({ id, tenant_id: tenantId, product: s.product, status: s.status })
          .onConflict((oc) =>
            oc.column("id").doUpdateSet({ tenant_id: tenantId, product: s.product, status: s.status }),
          )
          .execute();
      }
    }
  });
  return { ...result, imported: true };
}
