// GET /api/v1/claim-imports and /api/v1/claim-imports/{id}: the organisation's claims files, with
// their progress and the drafts each made (line, id, number). Another organisation's file: 404.
import { mayFileInBulk } from "../../../domain/policies/claims.ts";
import { forbidden, notFound } from "../../../domain/refusal.ts";
import type { AppContext } from "../../context.ts";
import type { Principal } from "../../principal.ts";
import {
  type ClaimImportView,
  createdClaims,
  findImport,
  importView,
  recentImports,
} from "../bulk/claim-import-store.ts";
import { partnerOrganization } from "./create-claim.ts";

function organizationOf(principal: Principal): string {
  if (!mayFileInBulk(principal))
    throw forbidden("only global and incentives admins of a partner file claims");
  return partnerOrganization(principal);
}

export async function getClaimImport(
  ctx: AppContext,
  principal: Principal,
  id: string,
): Promise<ClaimImportView> {
  const organizationId = organizationOf(principal);
  const db = ctx.db.kysely;
  const row = await findImport(db, organizationId, id);
  if (!row) throw notFound("no such claims import");
  return importView(row, await createdClaims(db, id));
}

export async function listClaimImports(
  ctx: AppContext,
  principal: Principal,
): Promise<{ items: ClaimImportView[] }> {
  const organizationId = organizationOf(principal);
  const rows = await recentImports(ctx.db.kysely, organizationId);
  // The list stays light: a file's claims are on its own page.
  return { items: rows.map((r) => importView(r, [])) };
}
