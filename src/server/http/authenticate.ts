// Who is calling: a session cookie or a bearer token. Cookie-authenticated mutations must carry
// the session's CSRF token in X-CSRF-Token; bearer requests need none (a browser never adds them).
import type {} from "@fastify/cookie";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { mayChangeData } from "../../domain/policies/index.ts";
import { findByToken, type TokenScope } from "../auth/access-tokens.ts";
import { sameSecret } from "../auth/secrets.ts";
import { DEFAULT_SESSION_POLICY, findSession, type SessionPolicy } from "../auth/sessions.ts";
import { principalOf, type UserPrincipal } from "../auth/users.ts";
import type { AppContext, Clock } from "../context.ts";
import type { UsersTable } from "../db/schema.ts";
import { HttpProblem } from "./problem.ts";

export const SESSION_COOKIE = "claimdesk_session";
const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

export interface Caller {
  principal: UserPrincipal;
  user: UsersTable;
  via: "cookie" | "bearer";
  csrfToken: string | null;
  scope: TokenScope;
}

declare module "fastify" {
  interface FastifyRequest {
    caller: Caller | null;
  }
  interface FastifyContextConfig {
    /** `false` for routes anyone may call (sign-in, health, docs, consent links). */
    auth?: boolean;
  }
}

export function registerAuthentication(
  app: FastifyInstance,
  ctx: AppContext,
  wall: Clock,
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
): void {
  app.decorateRequest("caller", null);
  app.addHook("onRequest", async (req) => {
    req.caller = await identify(req, ctx, wall, policy);
    if (req.routeOptions.config?.auth === false) return;
    if (!req.routeOptions.url) return; // 404s are answered as such, signed in or not
    if (!req.caller)
      throw new HttpProblem(401, "unauthenticated", "sign in, or send a personal access token");
    if (!SAFE.has(req.method) && !mayChangeData(req.caller))
      throw new HttpProblem(403, "forbidden", "this personal access token is read-only");
    if (req.caller.via === "cookie" && !SAFE.has(req.method)) {
      const sent = req.headers["x-csrf-token"];
      if (typeof sent !== "string" || !req.caller.csrfToken || !sameSecret(sent, req.caller.csrfToken)) {
        throw new HttpProblem(403, "csrf_failed", "send the X-CSRF-Token header from GET /api/v1/session");
      }
    }
  });
}

async function identify(
  req: FastifyRequest,
  ctx: AppContext,
  wall: Clock,
  policy: SessionPolicy,
): Promise<Caller | null> {
  const db = ctx.db.kysely;
  const auth = req.headers.authorization;
  if (auth?.startsWith("Bearer ")) {
    const found = await findByToken(db, auth.slice(7).trim(), wall);
    return found
      ? {
          principal: principalOf(found.user),
          user: found.user,
          via: "bearer",
          csrfToken: null,
          scope: found.scope,
        }
      : null;
  }
  const cookie = req.cookies?.[SESSION_COOKIE];
  if (!cookie) return null;
  const found = await findSession(db, cookie, wall, policy);
  return found
    ? {
        principal: principalOf(found.user),
        user: found.user,
        via: "cookie",
        csrfToken: found.csrfToken,
        scope: "write",
      }
    : null;
}

export function callerOf(req: FastifyRequest): Caller {
  if (!req.caller) throw new HttpProblem(401, "unauthenticated", "sign in, or send a personal access token");
  return req.caller;
}
