// Personal access tokens: shown once, stored as a hash, revocable.
import type { Kysely } from "kysely";
import type { Clock } from "../context.ts";
import { compiledOnce } from "../db/compiled-query.ts";
import type { DB, UsersTable } from "../db/schema.ts";
import { newId } from "../ids.ts";
import { forgetUser, tokenCache } from "./principal-cache.ts";
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

const tokenRow = compiledOnce((db, tokenHash: string) =>
  db
    .selectFrom("access_tokens")
    .innerJoin("users", "users.id", "access_tokens.user_id")
    .selectAll("users")
    .select([
      "access_tokens.id as token_id",
      "access_tokens.created_at as token_created",
      "access_tokens.last_used_at",
      "access_tokens.scope as token_scope",
    ])
    .where("access_tokens.token_hash", "=", tokenHash)
    .where("access_tokens.revoked_at", "is", null)
    .where("users.disabled_at", "is", null),
);

/** The token's user, from the principal cache when read in the last few seconds. */
export async function findByToken(
  db: Kysely<DB>,
  token: string,
  wall: Clock,
): Promise<{ user: UsersTable; scope: TokenScope } | null> {
  if (!token.startsWith(PREFIX)) return null;
  const hash = sha256(token);
  const now = wall.now();
  const hit = tokenCache.get(hash, now);
  if (hit) return { user: hit.user, scope: hit.scope ?? "write" };
  const epoch = tokenCache.epoch();
  const [row] = await tokenRow(db, hash);
  if (!row) return null;
  // last_used_at is a hint for the owner ("used today"): written at most once a minute, on a miss.
  if (row.last_used_at === null || now - row.last_used_at > 60_000) {
    await db.updateTable("access_tokens").set({ last_used_at: now }).where("id", "=", row.token_id).execute();
  }
  const { token_id: _t, token_created, last_used_at: _l, token_scope, ...user } = row;
  const scope: TokenScope = token_scope === "read" ? "read" : "write";
  tokenCache.set(
    hash,
    { user, csrfToken: null, createdAt: token_created, lastSeenAt: now, scope },
    now,
    epoch,
  );
  return { user, scope };
}

export async function listAccessTokens(db: Kysely<DB>, userId: string) {
  return db
    .selectFrom("access_tokens")
    .select(["id", "name", "created_at", "last_used_at", "revoked_at", "scope"])
    .where("user_id", "=", userId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
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
  // Every cached credential of the owner goes: the token stops working in this process at once.
  forgetUser(userId);
  return r.numUpdatedRows === 1n;
}
