// Create a claim in Editing (and, through `copyClaim`, a copy of a rejected one).
import type { Kysely } from "kysely";
import { initialState } from "../../../domain/claim-state.ts";
import { RefusalError } from "../../../domain/refusal.ts";
import { allowedActions } from "../../../domain/transitions.ts";
import type { AppContext } from "../../context.ts";
import type { DB } from "../../db/schema.ts";
import { transact } from "../../db/transact.ts";
import { actorOf, actorRef, type Principal } from "../../principal.ts";
import { CountDeltas } from "../claim-counts.ts";
import {
  type ClaimInput,
  checkClaimInput,
  InputRefusal,
  keyHolders,
  ownDuplicates,
  type RegistryLookup,
} from "../claim-input.ts";
import { newClaimRow, nextClaimNumber, writeKeys } from "../claim-row.ts";
import type { ClaimView } from "../claim-view.ts";
import { historyRows, outboxRows } from "../claim-writer.ts";
import { type Written, writtenView } from "../written-view.ts";

export function partnerOrganization(principal: Principal): string {
  if (principal.kind !== "user" || !principal.organizationId) {
    throw new RefusalError({ code: "forbidden", detail: "only partner users create claims" });
  }
  return principal.organizationId;
}

export async function insertClaim(
  ctx: AppContext,
  db: Kysely<DB>,
  principal: Principal,
  input: ClaimInput,
  copiedFrom: string | null,
  lookup?: RegistryLookup,
): Promise<Written> {
  const organizationId = partnerOrganization(principal);
  const checked = await checkClaimInput(db, organizationId, input, lookup);
  const dup = ownDuplicates(
    await keyHolders(
      db,
      checked.keys.map((k) => k.key),
    ),
    organizationId,
  );
  if (dup.length) {
    throw new RefusalError({
      code: "duplicate_association",
      detail: "your organisation already holds or has in flight a claim on this customer and product",
      conflicting: [...new Set(dup.map((d) => d.claimId))],
    });
  }
  if (checked.errors.length) throw new InputRefusal(checked.errors);
  const now = ctx.clock.now();
  const number = await nextClaimNumber(db, now);
  const row = newClaimRow({
    number,
    organizationId,
    input,
    createdBy: principal.kind === "user" ? principal.id : "system",
    copiedFrom,
    now,
  });
  const entries = [
    { event: { type: "created" as const, at: now, data: { copiedFrom } }, actor: actorRef(principal) },
  ];
  const history = historyRows(row, entries);
  const last = history.at(-1);
  const inserted = { ...row, history_seq: last?.seq ?? 0, history_hash: last?.hash ?? row.history_hash };
  await db.insertInto("claims").values(inserted).execute();
  const counts = new CountDeltas(ctx.db.engine);
  counts.add(inserted.id, inserted.organization_id, inserted.status, 1);
  await counts.apply(db);
  await db.insertInto("history").values(history).execute();
  // Integrations hear of a new claim like of every other change (webhook claim.created).
  await db
    .insertInto("outbox")
    .values(outboxRows(inserted, entries, now, initialState()))
    .execute();
  await writeKeys(db, row.id, checked.keys);
  return { row: inserted, state: initialState(), now, calendar: null, engine: ctx.db.engine };
}

/** Judged by the table like every action: only partner writers may create (one claim or a file). */
export function refuseUnlessMayCreate(principal: Principal): void {
  if (!allowedActions(initialState(), actorOf(principal)).includes("edit")) {
    throw new RefusalError({ code: "forbidden", detail: "this role may not create claims" });
  }
}

export async function createClaim(
  ctx: AppContext,
  principal: Principal,
  input: ClaimInput,
): Promise<ClaimView> {
  refuseUnlessMayCreate(principal);
  return transact(ctx.db, async (trx) =>
    writtenView(trx, principal, await insertClaim(ctx, trx, principal, input, null)),
  );
}
