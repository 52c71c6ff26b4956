// Sign-in, the current session, sign-out, and personal access tokens.
import { Type } from "typebox";
import { createAccessToken, listAccessTokens, revokeAccessToken } from "../../auth/access-tokens.ts";
import { createSession, destroySession } from "../../auth/sessions.ts";
import { signIn } from "../../auth/sign-in.ts";
import { userJson } from "../../auth/users.ts";
import type { UsersTable } from "../../db/schema.ts";
import { callerOf, SESSION_COOKIE } from "../authenticate.ts";
import { HttpProblem } from "../problem.ts";
import { errors } from "../responses.ts";
import { User } from "../schemas.ts";
import type { App, HttpDeps } from "../types.ts";

const Organization = Type.Object({
  id: Type.String(),
  name: Type.String(),
  partnerIds: Type.Array(Type.String()),
});
const SessionBody = Type.Object({
  user: User,
  csrfToken: Type.String(),
  /** The user's organisation (partner users), with the partner IDs a claim can be filed under. */
  organization: Type.Optional(Type.Union([Organization, Type.Null()])),
  timeZone: Type.Optional(Type.Union([Type.String(), Type.Null()])),
});

export function sessionRoutes(app: App, { ctx, wall, secureCookies }: HttpDeps): void {
  const db = ctx.db.kysely;
  const sessionJson = async (user: UsersTable, csrfToken: string) => {
    let organization = null;
    if (user.organization_id) {
      const org = await db
        .selectFrom("organizations")
        .select(["id", "name"])
        .where("id", "=", user.organization_id)
        .executeTakeFirst();
      const ids = await db
        .selectFrom("partner_ids")
        .select("partner_id")
        .where("organization_id", "=", user.organization_id)
        .orderBy("partner_id")
        .execute();
      if (org) organization = { ...org, partnerIds: ids.map((i) => i.partner_id) };
    }
    return { user: userJson(user), csrfToken, organization, timeZone: user.time_zone };
  };
  app.post(
    "/api/v1/session",
    {
      config: { auth: false },
      schema: {
        tags: ["session"],
        summary: "Sign in",
        body: Type.Object(
          { email: Type.String({ maxLength: 254 }), password: Type.String({ maxLength: 1024 }) },
          { additionalProperties: false },
        ),
        response: { 200: SessionBody, ...errors(401, 422, 429) },
      },
    },
    async (req, reply) => {
      const user = await signIn(
        db,
        { email: req.body.email, password: req.body.password, address: req.ip },
        wall,
      );
      // A new id at every sign-in: a session id planted before sign-in is worthless.
      const old = req.cookies[SESSION_COOKIE];
      if (old) await destroySession(db, old);
      const s = await createSession(db, user.id, wall);
      reply.setCookie(SESSION_COOKIE, s.cookie, {
        httpOnly: true,
        sameSite: "lax",
        secure: secureCookies,
        path: "/",
      });
      return sessionJson(user, s.csrfToken);
    },
  );

  app.get(
    "/api/v1/session",
    {
      schema: {
        tags: ["session"],
        summary: "The signed-in user and the CSRF token",
        response: { 200: SessionBody, ...errors(401) },
      },
    },
    async (req) => {
      const c = callerOf(req);
      return sessionJson(c.user, c.csrfToken ?? "");
    },
  );

  app.patch(
    "/api/v1/session",
    {
      schema: {
        tags: ["session"],
        summary: "The signed-in user's own preferences: language (remembered per user) and time zone",
        body: Type.Object(
          {
            locale: Type.Optional(Type.Union([Type.Literal("en"), Type.Literal("es")])),
            timeZone: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
          },
          { additionalProperties: false },
        ),
        response: { 200: SessionBody, ...errors(401, 403, 422) },
      },
    },
    async (req) => {
      const c = callerOf(req);
      const { locale, timeZone } = req.body;
      if (timeZone && !Intl.supportedValuesOf("timeZone").includes(timeZone))
        throw new HttpProblem(422, "validation_failed", `unknown time zone ${timeZone}`, {
          errors: [{ field: "timeZone", message: "is not an IANA time zone" }],
        });
      const set = {
        ...(locale ? { locale } : {}),
        ...(timeZone !== undefined ? { time_zone: timeZone } : {}),
      };
      if (Object.keys(set).length)
        await db.updateTable("users").set(set).where("id", "=", c.user.id).execute();
      const user = await db
        .selectFrom("users")
        .selectAll()
        .where("id", "=", c.user.id)
        .executeTakeFirstOrThrow();
      return sessionJson(user, c.csrfToken ?? "");
    },
  );

  app.delete(
    "/api/v1/session",
    {
      schema: {
        tags: ["session"],
        summary: "Sign out (the session dies on the server)",
        response: { 204: Type.Null(), ...errors(401, 403) },
      },
    },
    async (req, reply) => {
      const cookie = req.cookies[SESSION_COOKIE];
      if (cookie) await destroySession(db, cookie);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/api/v1/tokens",
    {
      schema: {
        tags: ["session"],
        summary: "Create a personal access token (shown once)",
        body: Type.Object(
          { name: Type.String({ minLength: 1, maxLength: 100 }) },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ id: Type.String(), token: Type.String() }), ...errors(401, 403, 422) },
      },
    },
    async (req, reply) => {
      const t = await createAccessToken(db, callerOf(req).user.id, req.body.name, wall);
      return reply.code(201).send(t);
    },
  );

  app.get(
    "/api/v1/tokens",
    {
      schema: {
        tags: ["session"],
        summary: "Your personal access tokens (never the secret)",
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.String(),
                name: Type.String(),
                createdAt: Type.String(),
                lastUsedAt: Type.Union([Type.String(), Type.Null()]),
                revokedAt: Type.Union([Type.String(), Type.Null()]),
              }),
            ),
          }),
          ...errors(401),
        },
      },
    },
    async (req) => {
      const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
      const rows = await listAccessTokens(db, callerOf(req).user.id);
      return {
        items: rows.map((r) => ({
          id: r.id,
          name: r.name,
          createdAt: new Date(r.created_at).toISOString(),
          lastUsedAt: iso(r.last_used_at),
          revokedAt: iso(r.revoked_at),
        })),
      };
    },
  );

  app.delete(
    "/api/v1/tokens/:id",
    {
      schema: {
        tags: ["session"],
        summary: "Revoke a personal access token",
        params: Type.Object({ id: Type.String() }),
        response: { 204: Type.Null(), ...errors(401, 403, 404) },
      },
    },
    async (req, reply) => {
      const ok = await revokeAccessToken(db, callerOf(req).user.id, req.params.id, wall);
      if (!ok) throw new HttpProblem(404, "not_found", "no such active token of yours");
      return reply.code(204).send(null);
    },
  );
}
