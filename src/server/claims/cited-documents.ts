// Every id a request cites must belong where it is used (issue 12.5): a dispute's documentIds name
// documents attached to this claim, nothing else. Another organisation's document, an unknown id
// and junk get the same answer, so that ids cannot be probed.
import type { Kysely } from "kysely";
import type { Command } from "../../domain/commands.ts";
import { RefusalError } from "../../domain/refusal.ts";
import type { DB } from "../db/schema.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The refusal for cited documents not attached to `claimId`, or undefined when all are. */
export async function unattachedDocuments(
  db: Kysely<DB>,
  claimId: string,
  command: Command,
): Promise<RefusalError | undefined> {
  if (command.type !== "dispute" || !command.documentIds?.length) return undefined;
  const ids = [...new Set(command.documentIds)];
  // Junk never reaches the database (PostgreSQL refuses some of it outright, e.g. U+0000).
  const wellFormed = ids.filter((id) => UUID.test(id)).map((id) => id.toLowerCase());
  const found =
    wellFormed.length === 0
      ? []
      : await db
          .selectFrom("documents")
          .select("id")
          .where("claim_id", "=", claimId)
          .where("id", "in", wellFormed)
          .execute();
  if (found.length === ids.length) return undefined;
  return new RefusalError({
    code: "validation_failed",
    detail: "documentIds names a document that is not attached to this claim",
    errors: [{ field: "documentIds", message: "names a document that is not attached to this claim" }],
  });
}
