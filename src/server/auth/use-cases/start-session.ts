// POST /api/v1/session: sign in and open a server-side session. A new session id at every sign-in,
// and the one the browser held before is destroyed: an id planted before sign-in is worthless.
import type { AppContext, Clock } from "../../context.ts";
import { idpLogoutUrl } from "../oidc/logout.ts";
import { createSession, destroySession } from "../sessions.ts";
import { signIn } from "../sign-in.ts";
import { getSession, type SessionAnswer } from "./get-session.ts";

export interface SignInInput {
  email: string;
  password: string;
  /** The client's address, for the per-address limit. */
  address: string;
  /** The session cookie the browser sent, if any. */
  previousCookie?: string;
}

export async function startSession(
  ctx: AppContext,
  wall: Clock,
  input: SignInInput,
): Promise<{ cookie: string; session: SessionAnswer }> {
  const db = ctx.db.kysely;
  const user = await signIn(db, input, wall);
  if (input.previousCookie) await destroySession(db, input.previousCookie);
  const s = await createSession(db, user.id, wall);
  return { cookie: s.cookie, session: await getSession(ctx, { user, csrfToken: s.csrfToken }) };
}

/**
 * DELETE /api/v1/session: the session dies on the server, not only in the browser. A session an
 * identity provider opened answers the IdP's logout URL (RP-initiated logout), if it has one.
 */
export async function signOut(
  ctx: AppContext,
  cookie: string | undefined,
): Promise<{ logoutUrl: string | null }> {
  if (!cookie) return { logoutUrl: null };
  const logoutUrl = await idpLogoutUrl(ctx.db.kysely, cookie);
  await destroySession(ctx.db.kysely, cookie);
  return { logoutUrl };
}
