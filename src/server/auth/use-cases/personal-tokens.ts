// Personal access tokens of the signed-in user: created (the secret shown once), listed (never the
// secret) and revoked. A user only ever sees and revokes its own: another user's token is not found.
import { notFound } from "../../../domain/refusal.ts";
import type { AppContext, Clock } from "../../context.ts";
import { createAccessToken, listAccessTokens, revokeAccessToken, type TokenScope } from "../access-tokens.ts";
import type { UserPrincipal } from "../users.ts";

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

export async function createToken(
  ctx: AppContext,
  wall: Clock,
  principal: UserPrincipal,
  name: string,
  scope: TokenScope = "write",
) {
  return { ...(await createAccessToken(ctx.db.kysely, principal.id, name, wall, scope)), scope };
}

export async function listTokens(ctx: AppContext, principal: UserPrincipal) {
  const rows = await listAccessTokens(ctx.db.kysely, principal.id);
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      createdAt: new Date(r.created_at).toISOString(),
      lastUsedAt: iso(r.last_used_at),
      revokedAt: iso(r.revoked_at),
      scope: r.scope === "read" ? ("read" as const) : ("write" as const),
    })),
  };
}

export async function revokeToken(ctx: AppContext, wall: Clock, principal: UserPrincipal, id: string) {
  if (!(await revokeAccessToken(ctx.db.kysely, principal.id, id, wall)))
    throw notFound("no such active token of yours");
}
