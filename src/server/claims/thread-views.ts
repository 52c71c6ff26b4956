// A claim's documents, comments and history entries as API.md §4.2 shows them.
import type { CommentsTable, DocumentsTable, HistoryTable } from "../db/schema.ts";
import { type DocumentPreflightView, documentPreflightView } from "../preflight/preflight-views.ts";

const iso = (t: number) => new Date(t).toISOString();
const ACTOR_KINDS = ["user", "system", "customer"] as const;
/** The stored actor kind; the writer only ever stores these three. */
const actorKind = (k: string) => ACTOR_KINDS.find((known) => known === k) ?? "system";

/** `preflight`: pending unless given (an upload answers before the runner has read the file). */
export function documentView(
  d: DocumentsTable,
  preflight: DocumentPreflightView = documentPreflightView(undefined),
) {
  return {
    id: d.id,
    filename: d.filename,
    contentType: d.content_type,
    size: Number(d.size),
    sha256: d.sha256,
    flags: JSON.parse(d.flags) as string[],
    uploadedBy: d.uploaded_by,
    createdAt: iso(d.created_at),
    preflight,
  };
}

export function commentView(c: CommentsTable) {
  return {
    id: c.id,
    body: c.body,
    author: { id: c.author_id, name: c.author_name, side: c.side },
    createdAt: iso(c.created_at),
  };
}

export function historyView(h: HistoryTable, data: Record<string, unknown>) {
  return {
    seq: h.seq,
    at: iso(h.at),
    actor: {
      kind: actorKind(h.actor_kind),
      ...(h.actor_id ? { id: h.actor_id } : {}),
      name: h.actor_name,
    },
    event: h.event,
    data,
  };
}
