// Sign-in, the current session, sign-out, and personal access tokens.
import { Type } from "typebox";
import { getSession } from "../../auth/use-cases/get-session.ts";
import { createToken, listTokens, revokeToken } from "../../auth/use-cases/personal-tokens.ts";
import { signOut, startSession } from "../../auth/use-cases/start-session.ts";
import { updatePreferences } from "../../auth/use-cases/update-preferences.ts";
import { callerOf, SESSION_COOKIE } from "../authenticate.ts";
import { errors } from "../responses.ts";
import { TokenScope } from "../schemas/oidc.ts";
import { Session } from "../schemas.ts";
import type { App, HttpDeps } from "../types.ts";

export function sessionRoutes(app: App, { ctx, wall, secureCookies, uploads }: HttpDeps): void {
  // The limits the web app shows are the ones this server enforces, not a copy of them.
  const limits = { uploadMaxBytes: uploads.maxBytes, maxFilesPerClaim: uploads.maxFilesPerClaim };
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
        response: { 200: Session, ...errors(401, 422, 429) },
      },
    },
    async (req, reply) => {
      const { cookie, session } = await startSession(ctx, wall, {
        email: req.body.email,
        password: req.body.password,
        address: req.ip,
        previousCookie: req.cookies[SESSION_COOKIE],
      });
      reply.setCookie(SESSION_COOKIE, cookie, {
        httpOnly: true,
        sameSite: "lax",
        secure: secureCookies,
        path: "/",
      });
      return { ...session, limits };
    },
  );

  app.get(
    "/api/v1/session",
    {
      schema: {
        tags: ["session"],
        summary: "The signed-in user, the CSRF token, and what the user may do (abilities)",
        response: { 200: Session, ...errors(401) },
      },
    },
    async (req) => ({ ...(await getSession(ctx, callerOf(req))), limits }),
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
        response: { 200: Session, ...errors(401, 403, 422) },
      },
    },
    async (req) => ({ ...(await updatePreferences(ctx, callerOf(req), req.body)), limits }),
  );

  app.delete(
    "/api/v1/session",
    {
      schema: {
        tags: ["session"],
        summary: "Sign out (the session dies on the server)",
        description:
          "A session opened through an identity provider with an end_session_endpoint answers 200 with the IdP's logoutUrl, for the browser to go to next; any other answers 204.",
        response: { 200: Type.Object({ logoutUrl: Type.String() }), 204: Type.Null(), ...errors(401, 403) },
      },
    },
    async (req, reply) => {
      const { logoutUrl } = await signOut(ctx, req.cookies[SESSION_COOKIE]);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      if (logoutUrl) return reply.code(200).send({ logoutUrl });
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
          {
            name: Type.String({ minLength: 1, maxLength: 100 }),
            scope: Type.Optional(TokenScope),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ id: Type.String(), token: Type.String(), scope: TokenScope }),
          ...errors(401, 403, 422),
        },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await createToken(ctx, wall, callerOf(req).principal, req.body.name, req.body.scope)),
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
                scope: TokenScope,
              }),
            ),
          }),
          ...errors(401),
        },
      },
    },
    async (req) => listTokens(ctx, callerOf(req).principal),
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
      await revokeToken(ctx, wall, callerOf(req).principal, req.params.id);
      return reply.code(204).send(null);
    },
  );
}
