// Personal access tokens: shown once, stored as a hash, revocable.
import type { Kysely } from "kysely";
import type { Clock } from "../context.ts";
import type { DB, UsersTable } from "../db/schema.ts";
import { newId } from "../ids.ts";
import { randomSecret, sha256 } from "./secrets.ts";

const PREFIX = "cdp_";

/** "read": the token may only read (GET, HEAD); "write": whatever its user may do. */
export type TokenScope = "read" | "write";

export async function createAccessToken(
  db: Kysely<DB>,
  userId: string,
  name: string,
  wall: Clock,
  scope: TokenScope = "write",
) {
  const token = `${PREFIX}${randomSecret()}`;
  const id = newId();
  await db
    .insertInto("access_tokens")
    .values({
      id,
      user_id: userId,
      name,
      token_hash: sha256(token),
      created_at: wall.now(),
      last_used_at: null,
      revoked_at: null,
      scope,
    })
    .execute();
  return { id, token };
}

export async function findByToken(
  db: Kysely<DB>,
  token: string,
  wall: Clock,
): Promise<{ user: UsersTable; scope: TokenScope } | null> {
  if (!token.startsWith(PREFIX)) return null;
  const row = await db
    .selectFrom("access_tokens")
    .innerJoin("users", "users.id", "access_tokens.user_id")
    .selectAll("users")
    .select([
      "access_tokens.id as token_id",
      "access_tokens.last_used_at",
      "access_tokens.scope as token_scope",
    ])
    .where("access_tokens.token_hash", "=", sha256(token))
    .where("access_tokens.revoked_at", "is", null)
    .where("users.disabled_at", "is", null)
    .executeTakeFirst();
  if (!row) return null;
  const now = wall.now();
  if (row.last_used_at === null || now - row.last_used_at > 60_000) {
    await db.updateTable("access_tokens").set({ last_used_at: now }).where("id", "=", row.token_id).execute();
  }
  const { token_id: _t, last_used_at: _l, token_scope, ...user } = row;
  return { user, scope: token_scope === "read" ? "read" : "write" };
}

export async function listAccessTokens(db: Kysely<DB>, userId: string) {
  return db
    .selectFrom("access_tokens")
    .select(["id", "name", "created_at", "last_used_at", "revoked_at", "scope"])
    .where("user_id", "=", userId)
    .orderBy("created_at", "desc")
    .execute();
}

export async function revokeAccessToken(
  db: Kysely<DB>,
  userId: string,
  id: string,
  wall: Clock,
): Promise<boolean> {
  const r = await db
    .updateTable("access_tokens")
    .set({ revoked_at: wall.now() })
    .where("id", "=", id)
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return r.numUpdatedRows === 1n;
}
