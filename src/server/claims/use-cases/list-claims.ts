// The dashboard list: the caller's visible claims, filtered, sorted, keyset-paginated.
import {
  type CompiledQuery,
  type ExpressionBuilder,
  type Kysely,
  type SelectQueryBuilder,
  sql,
} from "kysely";
import {
  listedOrganization,
  mayActOnClaims,
  mayListDrafts,
  sideOf,
} from "../../../domain/policies/claims.ts";
import { RefusalError } from "../../../domain/refusal.ts";
import type { Status } from "../../../domain/vocabulary.ts";
import type { UserPrincipal } from "../../auth/users.ts";
import type { AppContext } from "../../context.ts";
import { rowLimit } from "../../db/row-limit.ts";
import type { DB } from "../../db/schema.ts";
import { type ClaimView, VIEW_COLUMNS, type ViewRow } from "../claim-view.ts";
import { viewRows } from "./get-claim.ts";

export interface ListFilters {
  status?: Status;
  product?: string;
  activity?: string;
  partnerId?: string;
  tenantId?: string;
  q?: string;
  needsAction?: boolean;
  createdFrom?: string;
  createdTo?: string;
  sort?: "createdAt" | "-createdAt" | "updatedAt" | "-updatedAt" | "number" | "-number";
  limit?: number;
  cursor?: string;
}

const SORT_COLUMNS = { createdAt: "created_at", updatedAt: "updated_at", number: "number" } as const;
type SortKey = keyof typeof SORT_COLUMNS;

function badCursor(): RefusalError {
  return new RefusalError({
    code: "validation_failed",
    detail: "cursor is not one this server gave out for this sort",
    errors: [{ field: "cursor", message: "is invalid" }],
  });
}

function decodeCursor(cursor: string, sort: string): [string | number, string] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw badCursor();
  }
  const [s, value, id] = Array.isArray(parsed) ? parsed : [];
  // The value's type follows the sort column: text for the number, epoch ms for the times.
  const valueOk =
    sort.replace(/^-/, "") === "number" ? typeof value === "string" : Number.isSafeInteger(value);
  if (s !== sort || typeof id !== "string" || !valueOk) throw badCursor();
  return [value as string | number, id];
}

const encodeCursor = (sort: string, value: string | number, id: string) =>
  Buffer.from(JSON.stringify([sort, value, id]), "utf8").toString("base64url");

type Query = SelectQueryBuilder<DB, "claims", ViewRow>;

/**
 * Visibility and filters shared by the list, the summary and the CSV export: on the claims table
 * alone, so that a count or a sorted page can be answered from one index.
 */
export function filtered(db: Kysely<DB>, principal: UserPrincipal, f: ListFilters) {
  let q = db.selectFrom("claims");
  const organizationId = listedOrganization(principal);
  if (organizationId !== null) q = q.where("claims.organization_id", "=", organizationId);
  // A literal, not a parameter: it selects the operator lists' partial indexes (migration 0020).
  // Bound, SQLite would compare the value with their predicate while planning and then plan the
  // statement again on every run (20 µs of a 5 µs statement).
  if (!mayListDrafts(principal)) q = q.where("claims.status", "<>", sql.lit("editing"));
  if (f.status) q = q.where("claims.status", "=", f.status);
  if (f.activity) q = q.where("claims.activity", "=", f.activity);
  if (f.partnerId) q = q.where("claims.partner_id", "=", f.partnerId);
  if (f.tenantId) q = q.where("claims.tenant_id", "=", f.tenantId);
  if (f.product) {
    const product = f.product;
    q = q.where((eb: ExpressionBuilder<DB, "claims">) =>
      eb.exists(
        eb
          .selectFrom("claim_products")
          .select("claim_products.claim_id")
          .whereRef("claim_products.claim_id", "=", "claims.id")
          .where("claim_products.product", "=", product),
      ),
    );
  }
  // Nothing needs the action of someone who may not act (a billing admin): none do, all don't.
  if (f.needsAction === true && !mayActOnClaims(principal)) q = q.where(sql<boolean>`1 = 0`);
  else if (f.needsAction !== undefined && mayActOnClaims(principal)) {
    const column = sideOf(principal) === "partner" ? "claims.partner_action" : "claims.operator_action";
    q = q.where(column, "=", f.needsAction ? 1 : 0);
  }
  if (f.createdFrom) q = q.where("claims.created_at", ">=", Date.parse(f.createdFrom));
  if (f.createdTo) q = q.where("claims.created_at", "<", Date.parse(f.createdTo));
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or(
        (
          [
            "claims.number",
            "claims.customer_name",
            "claims.customer_domain",
            "claims.tenant_id",
            "claims.partner_id",
          ] as const
        ).map((col) => eb(sql`lower(${sql.ref(col)})`, "like", sql`lower(${like}) escape '\\'`)),
      ),
    );
  }
  return q;
}

/** In a shape's key, not among its parameters: `filtered` writes the drafts' exclusion literally. */
const DRAFTS_HIDDEN = Symbol("drafts hidden");

/**
 * A list query's shape (which filters, which sort, a cursor or not) and its parameters, in the
 * order `filtered` and `listClaims` add them: a shape is built and compiled once, then only its
 * parameters change (the first compile of each shape checks the two agree).
 */
function shapeOf(principal: UserPrincipal, f: ListFilters, sort: string, cursor: unknown[] | null) {
  const organizationId = listedOrganization(principal);
  const like = f.q ? `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const present = [
    organizationId,
    mayListDrafts(principal) ? null : DRAFTS_HIDDEN,
    f.status || null,
    f.activity || null,
    f.partnerId || null,
    f.tenantId || null,
    f.product || null,
    f.needsAction === undefined || !mayActOnClaims(principal) ? null : f.needsAction ? 1 : 0,
    f.createdFrom ? Date.parse(f.createdFrom) : null,
    f.createdTo ? Date.parse(f.createdTo) : null,
  ];
  const params: unknown[] = present.filter((v) => v !== null && v !== DRAFTS_HIDDEN);
  if (like !== null) params.push(like, like, like, like, like);
  if (cursor) params.push(...cursor);
  const key = [
    ...present.map((v) => (v === null ? 0 : 1)),
    f.needsAction === undefined
      ? ""
      : mayActOnClaims(principal)
        ? sideOf(principal)
        : `none-${f.needsAction}`,
    like === null ? 0 : 1,
    sort,
    cursor ? 1 : 0,
  ].join(",");
  return { key, params };
}

const SHAPE_LIMIT = 1_000;
const compiledShapes = new WeakMap<Kysely<DB>, Map<string, CompiledQuery<ViewRow>>>();

export async function listClaims(
  ctx: AppContext,
  principal: UserPrincipal,
  f: ListFilters,
): Promise<{ items: ClaimView[]; nextCursor: string | null }> {
  const sort = f.sort ?? "-updatedAt";
  const desc = sort.startsWith("-");
  const key = sort.replace(/^-/, "") as SortKey;
  const col = `claims.${SORT_COLUMNS[key]}` as const;
  const limit = Math.min(200, Math.max(1, f.limit ?? 50));
  const cursor = f.cursor ? decodeCursor(f.cursor, sort) : null;
  const db = ctx.db.kysely;
  const shape = shapeOf(principal, f, sort, cursor);
  // The page size is part of the text (row-limit.ts), so it is part of the shape's key.
  shape.key += `,${limit}`;
  const shapes = compiledShapes.get(db) ?? new Map<string, CompiledQuery<ViewRow>>();
  compiledShapes.set(db, shapes);
  let compiled = shapes.get(shape.key);
  if (!compiled) {
    // Only the columns a view is built from, and no calendar: a row's calendar is read only when
    // one of its timers is due (viewRows), so the page is walked from the sort's index alone.
    let q: Query = filtered(db, principal, f).select(VIEW_COLUMNS);
    if (cursor) q = q.where((eb) => eb(eb.refTuple(col, "claims.id"), desc ? "<" : ">", eb.tuple(...cursor)));
    compiled = q
      .orderBy(col, desc ? "desc" : "asc")
      .orderBy("claims.id", desc ? "desc" : "asc")
      .limit(rowLimit(limit + 1))
      .compile();
    const agree =
      compiled.parameters.length === shape.params.length &&
      compiled.parameters.every((p, i) => Object.is(p, shape.params[i]));
    if (!agree) throw new Error(`list shape ${shape.key}: parameters do not match the query`);
    if (shapes.size >= SHAPE_LIMIT) shapes.clear();
    shapes.set(shape.key, compiled);
  }
  const { rows } = await db.executeQuery<ViewRow>({ ...compiled, parameters: shape.params });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const items = await viewRows(ctx, principal, page);
  const nextCursor =
    rows.length > limit && last ? encodeCursor(sort, last[SORT_COLUMNS[key]], last.id) : null;
  return { items, nextCursor };
}

/** Counts per status: from the counters when nothing narrows the view, else from the claims. */
async function countsByStatus(ctx: AppContext, principal: UserPrincipal, f: ListFilters) {
  const db = ctx.db.kysely;
  const { status: _s, needsAction: _n, sort: _o, limit: _l, cursor: _c, ...narrowing } = f;
  if (Object.values(narrowing).every((v) => v === undefined || v === "")) {
    let q = db
      .selectFrom("claim_counts")
      .select(["status", (eb) => eb.fn.sum<number>("n").as("n")])
      .groupBy("status");
    const organizationId = listedOrganization(principal);
    if (organizationId !== null) q = q.where("organization_id", "=", organizationId);
    if (!mayListDrafts(principal)) q = q.where("status", "<>", sql.lit("editing"));
    return q.execute();
  }
  return filtered(db, principal, { ...f, status: undefined, needsAction: undefined })
    .select(["claims.status", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("claims.status")
    .execute();
}

export async function claimSummary(ctx: AppContext, principal: UserPrincipal, f: ListFilters) {
  const byStatus = await countsByStatus(ctx, principal, f);
  const need = await filtered(ctx.db.kysely, principal, { ...f, needsAction: true })
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  const counts: Record<string, number> = {
    editing: 0,
    submitted: 0,
    under_review: 0,
    partner_action_required: 0,
    approved: 0,
    rejected: 0,
  };
  for (const r of byStatus) counts[r.status] = Number(r.n);
  return { counts, needsAction: Number(need.n), side: sideOf(principal) };
}
