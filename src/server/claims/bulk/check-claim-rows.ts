// The dry run of a claims file: every row judged by the rules one claim is judged by (the claim
// body's schema at the edge, then checkClaimInput against the registry and the catalog, then
// uniqueness), plus what only a file can have: columns, and two rows on the same key.
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import {
  type AssociationKey,
  type ClaimInput,
  checkClaimInput,
  keyHolders,
  memoLookup,
  ownDuplicates,
} from "../claim-input.ts";
import {
  CLAIM_FILE_COLUMNS,
  type ClaimFileColumn,
  columnOfField,
  REQUIRED_COLUMNS,
  rowToInput,
} from "./claim-file-columns.ts";
import type { ReadClaimFile } from "./claim-file-reader.ts";

export type RowReason =
  | "unreadable_file"
  | "no_rows"
  | "missing_column"
  | "unknown_column"
  | "required"
  | "invalid_value"
  | "duplicate_in_file"
  | "duplicate_association"
  | "competing_claim"
  | Awaited<ReturnType<typeof checkClaimInput>>["errors"][number]["reason"];

export interface RowProblem {
  line: number;
  column: ClaimFileColumn | "row" | string;
  reason: RowReason;
  message: string;
}

export interface CheckedRow {
  line: number;
  input: ClaimInput;
}

/** The claim body's shape, as the HTTP edge checks it for POST /api/v1/claims. */
export type ShapeCheck = (input: ClaimInput) => { path: string; message: string }[];

export interface CheckedFile {
  rows: CheckedRow[];
  errors: RowProblem[];
  /** Competing claims of other organisations: allowed, shown (RULES.md §10). */
  warnings: RowProblem[];
}

const KEY_BATCH = 500;

export async function checkClaimRows(
  db: Kysely<DB>,
  organizationId: string,
  file: ReadClaimFile,
  shape: ShapeCheck,
): Promise<CheckedFile> {
  const errors: RowProblem[] = [];
  const warnings: RowProblem[] = [];
  const known = new Set<string>(CLAIM_FILE_COLUMNS);
  const missing = REQUIRED_COLUMNS.filter((c) => !file.header.includes(c));
  for (const c of missing)
    errors.push({ line: 1, column: c, reason: "missing_column", message: `the header has no column ${c}` });
  file.header.forEach((h, i) => {
    if (!known.has(h))
      errors.push({
        line: 1,
        column: h || `#${i + 1}`,
        reason: "unknown_column",
        message: `unknown column ${h || "(blank)"}; the columns are ${CLAIM_FILE_COLUMNS.join(",")}`,
      });
  });
  if (errors.length) return { rows: [], errors, warnings };
  if (file.rows.length === 0)
    return {
      rows: [],
      errors: [{ line: 2, column: "row", reason: "no_rows", message: "the file has no rows" }],
      warnings,
    };

  const lookup = memoLookup(db);
  const rows: (CheckedRow & { keys: AssociationKey[] })[] = [];
  const firstLineOfKey = new Map<string, number>();
  for (const { line, cells } of file.rows) {
    const before = errors.length;
    const fail = (column: string, reason: RowReason, message: string) =>
      errors.push({ line, column, reason, message });
    for (const c of REQUIRED_COLUMNS) if (!cells[c]) fail(c, "required", "is required");
    for (const k of Object.keys(cells))
      if (k.startsWith("#")) fail(k, "unknown_column", "a cell outside the header's columns");
    if (errors.length > before) continue;
    const input = rowToInput(cells);
    for (const e of shape(input)) fail(columnOfField(e.path), "invalid_value", e.message);
    if (errors.length > before) continue;
    const checked = await checkClaimInput(db, organizationId, input, lookup);
    for (const e of checked.errors) fail(columnOfField(e.field), e.reason, e.message);
    if (errors.length > before) continue;
    for (const k of checked.keys) {
      const first = firstLineOfKey.get(k.key);
      if (first !== undefined) {
        fail(
          k.key.startsWith("s:") ? "subscriptionId" : "products",
          "duplicate_in_file",
          `line ${first} already claims this customer for ${k.product}`,
        );
      } else firstLineOfKey.set(k.key, line);
    }
    if (errors.length > before) continue;
    rows.push({ line, input, keys: checked.keys });
  }

  // Uniqueness against the claims already filed, a batch of keys at a time.
  const lineOfKey = new Map(rows.flatMap((r) => r.keys.map((k) => [k.key, r.line] as const)));
  const keys = [...lineOfKey.keys()];
  const refused = new Set<number>();
  for (let i = 0; i < keys.length; i += KEY_BATCH) {
    const holders = await keyHolders(db, keys.slice(i, i + KEY_BATCH));
    const own = new Set(ownDuplicates(holders, organizationId));
    for (const h of holders) {
      const line = lineOfKey.get(h.key) ?? 0;
      const column = h.key.startsWith("s:") ? "subscriptionId" : "products";
      if (own.has(h)) {
        refused.add(line);
        errors.push({
          line,
          column,
          reason: "duplicate_association",
          message: "your organisation already holds or has in flight a claim on this customer and product",
        });
      } else if (h.organizationId !== organizationId && h.status !== "rejected") {
        warnings.push({
          line,
          column,
          reason: "competing_claim",
          message:
            "another organisation has a claim on this customer and product; reviewers will compare them",
        });
      }
    }
  }
  errors.sort((a, b) => a.line - b.line);
  warnings.sort((a, b) => a.line - b.line);
  return {
    rows: rows.filter((r) => !refused.has(r.line)).map(({ line, input }) => ({ line, input })),
    errors,
    warnings,
  };
}
