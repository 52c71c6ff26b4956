// The rows of bulk filing: one per accepted claims file (its progress) and one per claim it made.
import type { Kysely } from "kysely";
import { rowLimit } from "../../db/row-limit.ts";
import type { ClaimImportsTable, DB } from "../../db/schema.ts";

export type ImportStatus = "running" | "done" | "failed";

export interface CreatedClaim {
  line: number;
  id: string;
  number: string;
}

export interface ImportFailure {
  code: string;
  /** The file's line whose claim was refused; null when the filer was (every later line). */
  line: number | null;
  /** For validation_failed: the first field's reason code (the dry run's codes), else null. */
  reason: string | null;
}

export interface ClaimImportView {
  id: string;
  status: ImportStatus;
  filename: string;
  rows: number;
  done: number;
  error: string | null;
  /** Why it failed, for a reader's own language: a refusal's code (or `filer_refused`) and line. */
  failure: ImportFailure | null;
  createdAt: string;
  finishedAt: string | null;
  claims: CreatedClaim[];
}

/** What the import's views read: never its stored rows (up to 10,000 of them). */
const VIEW_COLUMNS = [
  "id",
  "organization_id",
  "status",
  "filename",
  "total",
  "done",
  "error",
  "error_code",
  "error_line",
  "error_reason",
  "created_at",
  "finished_at",
] as const;
type ImportRow = Pick<ClaimImportsTable, (typeof VIEW_COLUMNS)[number]>;

const iso = (ms: number) => new Date(Number(ms)).toISOString();
const statusOf = (s: string): ImportStatus => (s === "done" || s === "failed" ? s : "running");

export function importView(row: ImportRow, claims: CreatedClaim[]): ClaimImportView {
  return {
    id: row.id,
    status: statusOf(row.status),
    filename: row.filename,
    rows: Number(row.total),
    done: Number(row.done),
    error: row.error,
    failure:
      row.error_code === null
        ? null
        : { code: row.error_code, line: row.error_line, reason: row.error_reason },
    createdAt: iso(row.created_at),
    finishedAt: row.finished_at === null ? null : iso(row.finished_at),
    claims,
  };
}

/** The organisation's import, or undefined (another organisation's is as good as absent). */
export async function findImport(
  db: Kysely<DB>,
  organizationId: string,
  id: string,
): Promise<ImportRow | undefined> {
  return db
    .selectFrom("claim_imports")
    .select(VIEW_COLUMNS)
    .where("id", "=", id)
    .where("organization_id", "=", organizationId)
    .executeTakeFirst();
}

export async function createdClaims(db: Kysely<DB>, importId: string): Promise<CreatedClaim[]> {
  const rows = await db
    .selectFrom("claim_import_claims")
    .select(["line", "claim_id", "number"])
    .where("import_id", "=", importId)
    .orderBy("line")
    .execute();
  return rows.map((r) => ({ line: Number(r.line), id: r.claim_id, number: r.number }));
}

export async function recentImports(db: Kysely<DB>, organizationId: string): Promise<ImportRow[]> {
  return db
    .selectFrom("claim_imports")
    .select(VIEW_COLUMNS)
    .where("organization_id", "=", organizationId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(rowLimit(100))
    .execute();
}

export async function recordCreated(db: Kysely<DB>, importId: string, made: CreatedClaim[]): Promise<void> {
  if (made.length === 0) return;
  await db
    .insertInto("claim_import_claims")
    .values(made.map((c) => ({ import_id: importId, line: c.line, claim_id: c.id, number: c.number })))
    .execute();
  await db
    .updateTable("claim_imports")
    .set((eb) => ({ done: eb("done", "+", made.length) }))
    .where("id", "=", importId)
    .execute();
}

/** Ends an import, if `owner` still holds its lease (a process that lost it has no say). */
export async function finishImport(
  db: Kysely<DB>,
  importId: string,
  owner: string,
  status: "done" | "failed",
  failure: (ImportFailure & { message: string }) | null,
  now: number,
): Promise<void> {
  await db
    .updateTable("claim_imports")
    .set({
      status,
      error: failure?.message ?? null,
      error_code: failure?.code ?? null,
      error_line: failure?.line ?? null,
      error_reason: failure?.reason ?? null,
      finished_at: now,
      lease_owner: null,
      lease_until: null,
    })
    .where("id", "=", importId)
    .where("lease_owner", "=", owner)
    .where("status", "=", "running")
    .execute();
}
