// A document's preflight and a claim's summary as the API shows them (API.md §4.2).
import {
  type ClaimPreflight,
  type DocumentPreflightStatus,
  type PreflightCheck,
  summarizePreflight,
} from "../../domain/preflight/index.ts";
import type { DocumentPreflightsTable } from "../db/schema.ts";
import type { Executor } from "../db/transact.ts";
import { type UnreadableCode, unreadableCodeOf } from "./unreadable-reasons.ts";

export interface DocumentPreflightView {
  status: DocumentPreflightStatus;
  checks: PreflightCheck[];
  unreadableReason?: string;
  unreadableCode?: UnreadableCode;
}

type Row = Pick<DocumentPreflightsTable, "status" | "checks" | "unreadable_reason">;

const STATUSES: readonly DocumentPreflightStatus[] = ["pending", "done", "unreadable"];
const statusOf = (s: string): DocumentPreflightStatus => STATUSES.find((k) => k === s) ?? "pending";

/** A missing row reads as pending: the document was attached before the runner saw it. */
export function documentPreflightView(row: Row | undefined): DocumentPreflightView {
  if (!row) return { status: "pending", checks: [] };
  const status = statusOf(row.status);
  // Pending (first read or a re-run) shows no checks: the old ones may be about another customer.
  const checks = status === "done" ? (JSON.parse(row.checks) as PreflightCheck[]) : [];
  const reason = status === "unreadable" ? row.unreadable_reason : null;
  const code = reason ? unreadableCodeOf(reason) : undefined;
  return {
    status,
    checks,
    ...(reason ? { unreadableReason: reason } : {}),
    ...(code ? { unreadableCode: code } : {}),
  };
}

export async function preflightsOfClaim(db: Executor, claimId: string): Promise<Map<string, Row>> {
  const rows = await db
    .selectFrom("document_preflights")
    .select(["document_id", "status", "checks", "unreadable_reason"])
    .where("claim_id", "=", claimId)
    .execute();
  return new Map(rows.map((r) => [r.document_id, r]));
}

/** The summary of a claim's documents, each by its preflight row (undefined: none written yet). */
export function claimPreflightFromRows(rows: (Row | undefined)[]): ClaimPreflight {
  return summarizePreflight(rows.map(documentPreflightView));
}
