// GET /api/v1/admin/customers: the programme's customer registry, searched and paged (issue 11).
// Pages walk the customers_name_tenant index in (name, tenant id) order from the cursor on; a
// search keeps the rows of that walk whose name contains the text, whose domain starts with it or
// whose tenant id is it, so a page costs one index walk that stops at its last row. The whole
// registry, with the customers' languages: the programme's own staff only (docs/SECURITY.md).
import { sql } from "kysely";
import { mayManageCustomerRegistry } from "../../../domain/policies/admin.ts";
import { forbidden, invalidField } from "../../../domain/refusal.ts";
import type { AppContext } from "../../context.ts";
import { rowLimit } from "../../db/row-limit.ts";
import type { Principal } from "../../principal.ts";
import { type CustomerView, readCustomers } from "../customer-view.ts";

export interface CustomerPage {
  items: CustomerView[];
  nextCursor: string | null;
}

function encodeCursor(name: string, tenantId: string): string {
  return Buffer.from(JSON.stringify([name, tenantId]), "utf8").toString("base64url");
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === "string" && typeof v[1] === "string")
      return [v[0], v[1]];
  } catch {
    // Not JSON: refused below like any other foreign cursor.
  }
  throw invalidField("cursor", "is invalid");
}

export async function searchCustomers(
  ctx: AppContext,
  principal: Principal,
  input: { q?: string; limit?: number; cursor?: string },
): Promise<CustomerPage> {
  if (!mayManageCustomerRegistry(principal)) throw forbidden("the customer registry is the programme's");
  const limit = Math.min(100, Math.max(1, input.limit ?? 25));
  const text = input.q?.trim().toLowerCase() ?? "";
  let q = ctx.db.kysely.selectFrom("customers").select(["tenant_id", "name"]);
  if (text) {
    const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
    q = q.where((eb) =>
      eb.or([
        eb(sql`lower(name)`, "like", sql`${`%${escaped}%`} escape '\\'`),
        eb(sql`lower(domain)`, "like", sql`${`${escaped}%`} escape '\\'`),
        eb(sql`lower(tenant_id)`, "=", text),
      ]),
    );
  }
  if (input.cursor) {
    const [name, tenantId] = decodeCursor(input.cursor);
    q = q.where((eb) => eb(eb.refTuple("name", "tenant_id"), ">", eb.tuple(name, tenantId)));
  }
  const rows = await q
    .orderBy("name")
    .orderBy("tenant_id")
    .limit(rowLimit(limit + 1))
    .execute();
  const shown = rows.slice(0, limit);
  const views = await readCustomers(ctx.db.kysely, { tenantIds: shown.map((r) => r.tenant_id) }, limit);
  const byId = new Map(views.map((v) => [v.tenantId, v]));
  const items = shown.flatMap((r) => byId.get(r.tenant_id) ?? []);
  const last = shown.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.name, last.tenant_id) : null };
}
