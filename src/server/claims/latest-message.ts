// The latest message of a claim (src/domain/messages.ts), read from its history: one indexed read
// of the claim's newest entry that carries one, so it needs no column of its own.

import { sql } from "kysely";
import { type LatestMessage, MESSAGE_EVENTS, messageOf } from "../../domain/messages.ts";
import { compiledOnce } from "../db/compiled-query.ts";
import { rowLimit } from "../db/row-limit.ts";
import type { Executor } from "../db/transact.ts";

export type { LatestMessage };

// Built once: the events and the limit are constants of the text, the claim its one parameter.
const latestEntry = compiledOnce((db, claimId: string) =>
  db
    .selectFrom("history")
    .select(["event", "at", "actor_kind", "actor_name", "data"])
    .where("claim_id", "=", claimId)
    .where(
      "event",
      "in",
      MESSAGE_EVENTS.map((e) => sql.lit(e)),
    )
    .orderBy("seq", "desc")
    .limit(rowLimit(1)),
);

export async function latestMessageOf(db: Executor, claimId: string): Promise<LatestMessage | null> {
  const [row] = await latestEntry(db, claimId);
  if (!row) return null;
  return messageOf({
    event: row.event,
    at: Number(row.at),
    actorKind: row.actor_kind,
    actorName: row.actor_name,
    data: JSON.parse(row.data) as Record<string, unknown>,
  });
}
