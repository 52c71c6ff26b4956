// Keyset pages over time-ordered (UUIDv7) ids, newest first: the cursor is the last id, opaque.
export function encodeIdCursor(id: string): string {
  return Buffer.from(id, "utf8").toString("base64url");
}

export function decodeIdCursor(cursor: string | undefined): string | null {
  if (!cursor) return null;
  const id = Buffer.from(cursor, "base64url").toString("utf8");
  return /^[0-9a-f-]{36}$/.test(id) ? id : null;
}

export function page<T extends { id: string }>(
  rows: T[],
  limit: number,
): { rows: T[]; nextCursor: string | null } {
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  const last = shown.at(-1);
  return { rows: shown, nextCursor: more && last ? encodeIdCursor(last.id) : null };
}
