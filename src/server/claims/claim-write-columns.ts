// The column lists of the writer's fixed-shape inserts (src/server/db/fixed-statements.ts), with
// PostgreSQL's types as migration 0001 made them.
import type { Column } from "../db/fixed-statements.ts";
import type { HistoryTable } from "../db/schema.ts";
import type { consentRequestRow, deadlineRow, outboxRows } from "./claim-writer.ts";

type Outbox = ReturnType<typeof outboxRows>[number];
type Deadline = ReturnType<typeof deadlineRow>;
type ConsentRequest = ReturnType<typeof consentRequestRow>;

export const HISTORY: Column<HistoryTable>[] = [
  { name: "claim_id", pg: "text" },
  { name: "seq", pg: "integer" },
  { name: "at", pg: "bigint" },
  { name: "actor_kind", pg: "text" },
  { name: "actor_id", pg: "text" },
  { name: "actor_name", pg: "text" },
  { name: "event", pg: "text" },
  { name: "data", pg: "text" },
  { name: "prev_hash", pg: "text" },
  { name: "hash", pg: "text" },
];
export const OUTBOX: Column<Outbox>[] = [
  { name: "id", pg: "text" },
  { name: "claim_id", pg: "text" },
  { name: "topic", pg: "text" },
  { name: "payload", pg: "text" },
  { name: "created_at", pg: "bigint" },
  { name: "available_at", pg: "bigint" },
  { name: "attempts", pg: "integer" },
  { name: "sent_at", pg: "bigint" },
  { name: "last_error", pg: "text" },
];
export const DEADLINES: Column<Deadline>[] = [
  { name: "claim_id", pg: "text" },
  { name: "timer", pg: "text" },
  { name: "kind", pg: "text" },
  { name: "warn", pg: "integer" },
  { name: "due_at", pg: "bigint" },
];
export const CONSENT_REQUESTS: Column<ConsentRequest>[] = [
  { name: "id", pg: "text" },
  { name: "claim_id", pg: "text" },
  { name: "created_at", pg: "bigint" },
  { name: "ends_at", pg: "bigint" },
];
