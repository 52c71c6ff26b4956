// Revenue import (issue: 1,000,000 rows in under a minute on SQLite, streamed). CSV header
// `tenantId,subscriptionId,product,month,amount,currency`. Rows are checked as they stream in and
// appended to an unindexed staging table in short batches under a new import id (the server keeps
// answering between batches). Only if the whole file is good does one transaction replace the
// imported months with the staged rows, so a bad file imports nothing and importing a month again
// replaces it. A dry run stages, checks and discards.

import type { Readable } from "node:stream";
import { CompiledQuery, sql } from "kysely";
import type { ImportRowError, RowReason } from "../../domain/import-rows.ts";
import { currencyDigits, parseAmount } from "../../domain/incentives.ts";
import type { AppContext } from "../context.ts";
import { rowLimit } from "../db/row-limit.ts";
import type { RevenueTable } from "../db/schema.ts";
import { transact } from "../db/transact.ts";
import { newId } from "../ids.ts";

export const REVENUE_COLUMNS = [
  "tenantId",
  "subscriptionId",
  "product",
  "month",
  "amount",
  "currency",
] as const;
type Column = (typeof REVENUE_COLUMNS)[number];

export type RevenueRowError = ImportRowError<Column>;
type Fail = (
  line: number,
  column: RevenueRowError["column"],
  code: RowReason,
  reason: string,
  params?: Record<string, string>,
) => void;

export interface RevenueImportResult {
  importId: string | null;
  rows: number;
  months: string[];
  errors: RevenueRowError[];
  /** All errors found; `errors` lists the first MAX_ERRORS. */
  errorCount: number;
  dryRun: boolean;
  imported: boolean;
  durationMs: number;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const MAX_ERRORS = 1000;
const BATCH = 1000;

/** Runs after each committed batch: rows read so far. */
export type Progress = (rows: number) => void;

export async function importRevenue(
  ctx: AppContext,
  source: Readable,
  opts: { dryRun: boolean; filename: string; userId: string; onProgress?: Progress },
): Promise<RevenueImportResult> {
  const started = performance.now();
  const db = ctx.db.kysely;
  // Loaded with the first import, not at start.
  const { parse } = await import("csv-parse");
  const products = new Set((await db.selectFrom("products").select("code").execute()).map((p) => p.code));
  const importId = newId();
  const errors: RevenueRowError[] = [];
  let errorCount = 0;
  const fail: Fail = (line, column, code, reason, params) => {
    errorCount++;
    if (errors.length < MAX_ERRORS)
      errors.push({ line, column, reason, code, ...(params ? { params } : {}) });
  };
  const months = new Set<string>();
  let rows = 0;
  let batch: RevenueTable[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const values = batch;
    batch = [];
    // The statement text is the same for every full batch, so the driver prepares it once.
    await db.executeQuery(
      CompiledQuery.raw(insertSql(ctx.db.engine, values.length), values.flatMap(rowValues)),
    );
    opts.onProgress?.(rows);
  };

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
    for await (const { record: r, info } of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      rows++;
      const line = info.lines;
      if (rows === 1) {
        const missing = REVENUE_COLUMNS.filter((c) => !(c in r));
        const extra = Object.keys(r).filter((c) => !(REVENUE_COLUMNS as readonly string[]).includes(c));
        if (missing.length || extra.length) {
          fail(
            1,
            "row",
            "header_invalid",
            `the header must be ${REVENUE_COLUMNS.join(",")}${missing.length ? `; missing ${missing.join(", ")}` : ""}${extra.length ? `; unknown ${extra.join(", ")}` : ""}`,
            { expected: REVENUE_COLUMNS.join(","), missing: missing.join(", "), unknown: extra.join(", ") },
          );
          break;
        }
      }
      const before = errorCount;
      const tenantId = (r.tenantId ?? "").toLowerCase();
      const subscriptionId = (r.subscriptionId ?? "").toLowerCase();
      const product = r.product ?? "";
      const month = r.month ?? "";
      const currency = r.currency ?? "";
      if (!GUID.test(tenantId)) fail(line, "tenantId", "not_a_guid", "is not a GUID");
      if (!GUID.test(subscriptionId)) fail(line, "subscriptionId", "not_a_guid", "is not a GUID");
      if (!products.has(product))
        fail(line, "product", "unknown_product", `is not a catalog product: ${product || "(empty)"}`, {
          value: product,
        });
      if (!MONTH.test(month)) fail(line, "month", "invalid_month", "must be YYYY-MM");
      const digits = currencyDigits(currency);
      if (digits === null)
        fail(
          line,
          "currency",
          "invalid_currency",
          `is not an ISO 4217 currency code: ${currency || "(empty)"}`,
          {
            value: currency,
          },
        );
      const amount = digits === null ? null : parseAmount(r.amount ?? "", digits);
      if (digits !== null && amount === null)
        fail(
          line,
          "amount",
          "invalid_amount",
          `must be a decimal number with at most ${digits} decimals (e.g. 1234.50)`,
          { digits: String(digits) },
        );
      if (errorCount > before || amount === null) continue;
      months.add(month);
      batch.push({
        month,
        tenant_id: tenantId,
        subscription_id: subscriptionId,
        product,
        currency,
        amount_minor: amount,
        import_id: importId,
        line,
      });
      if (batch.length >= BATCH) await flush();
    }
    await flush();
  } catch (err) {
    const e = err as { lines?: number; message?: string };
    if (e.lines !== undefined || /CSV|Invalid|Quote|column/i.test(e.message ?? "")) {
      fail(e.lines ?? rows + 1, "row", "invalid_csv", `not valid CSV: ${e.message ?? String(err)}`);
    } else {
      await discard(ctx, importId);
      throw err;
    }
  }
  if (rows === 0 && errorCount === 0) fail(1, "row", "no_rows", "the file has no rows");
  if (errorCount === 0) await findDuplicates(ctx, importId, fail);

  const result: RevenueImportResult = {
    importId: null,
    rows,
    months: [...months].sort(),
    errors,
    errorCount,
    dryRun: opts.dryRun,
    imported: false,
    durationMs: 0,
  };
  if (opts.dryRun || errorCount > 0) {
    await discard(ctx, importId);
  } else {
    await transact(ctx.db, async (trx) => {
      // Importing a month again replaces it: the previous imports' rows of these months go.
      await trx.deleteFrom("revenue").where("month", "in", result.months).execute();
      // In index order, so that the index grows at its end instead of at a million random places.
      await trx
        .insertInto("revenue")
        .columns([
          "month",
          "tenant_id",
          "subscription_id",
          "product",
          "currency",
          "amount_minor",
          "import_id",
          "line",
        ])
        .expression((eb) =>
          eb
            .selectFrom("revenue_staging")
            .select([
              "month",
              "tenant_id",
              "subscription_id",
              "product",
              "currency",
              "amount_minor",
              "import_id",
              "line",
            ])
            .where("import_id", "=", importId)
            .orderBy("month")
            .orderBy("tenant_id")
            .orderBy("product"),
        )
        .execute();
      await trx.deleteFrom("revenue_staging").where("import_id", "=", importId).execute();
      await trx
        .insertInto("revenue_imports")
        .values({
          id: importId,
          filename: opts.filename,
          rows,
          months: JSON.stringify(result.months),
          created_by: opts.userId,
          created_at: ctx.clock.now(),
          duration_ms: Math.round(performance.now() - started),
        })
        .execute();
    });
    result.importId = importId;
    result.imported = true;
  }
  result.durationMs = Math.round(performance.now() - started);
  return result;
}

const COLUMNS = "month, tenant_id, subscription_id, product, currency, amount_minor, import_id, line";
const insertSqlCache = new Map<string, string>();

/** A multi-row INSERT for `n` rows, in the engine's placeholder style (built once per size). */
function insertSql(engine: "sqlite" | "postgres", n: number): string {
  const key = `${engine} ${n}`;
  let text = insertSqlCache.get(key);
  if (!text) {
    let p = 0;
    const ph = () => (engine === "postgres" ? `$${++p}` : "?");
    const rows = Array.from({ length: n }, () => `(${Array.from({ length: 8 }, ph).join(", ")})`);
    text = `insert into revenue_staging (${COLUMNS}) values ${rows.join(", ")}`;
    insertSqlCache.set(key, text);
  }
  return text;
}

const rowValues = (r: RevenueTable) => [
  r.month,
  r.tenant_id,
  r.subscription_id,
  r.product,
  r.currency,
  r.amount_minor,
  r.import_id,
  r.line,
];

/** The same tenant, subscription, product, month and currency twice in one file. */
async function findDuplicates(ctx: AppContext, importId: string, fail: Fail) {
  const dups = await ctx.db.kysely
    .selectFrom("revenue_staging")
    .select([
      "month",
      "tenant_id",
      "subscription_id",
      "product",
      "currency",
      sql<number>`min(line)`.as("first"),
      sql<number>`max(line)`.as("last"),
    ])
    .where("import_id", "=", importId)
    .groupBy(["month", "tenant_id", "subscription_id", "product", "currency"])
    .having(sql`count(*)`, ">", 1)
    .orderBy(sql`min(line)`)
    .limit(rowLimit(MAX_ERRORS))
    .execute();
  for (const d of dups)
    fail(
      Number(d.last),
      "row",
      "duplicate_row",
      `repeats line ${d.first} (same tenant, subscription, product, month and currency)`,
      { first: String(d.first) },
    );
}

/** Removes an import's staged rows (a dry run, a bad file, a failure). */
async function discard(ctx: AppContext, importId: string) {
  await ctx.db.kysely.deleteFrom("revenue_staging").where("import_id", "=", importId).execute();
}

/**
 * Staged rows of an import that never committed (a crash mid-import), older than an hour so that
 * an import still running in another server is left alone. Import ids are UUIDv7: their first 12
 * hex digits are the start time, so comparing ids compares start times.
 */
export async function removeAbandonedRevenue(ctx: AppContext, now: number): Promise<number> {
  const hex = Math.max(0, now - 3_600_000)
    .toString(16)
    .padStart(12, "0");
  const before = `${hex.slice(0, 8)}-${hex.slice(8, 12)}`;
  const res = await ctx.db.kysely
    .deleteFrom("revenue_staging")
    .where("import_id", "<", before)
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}
