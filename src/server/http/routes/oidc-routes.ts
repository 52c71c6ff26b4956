// Sign-in through an organisation's own identity provider (issue 15): the sign-in page's options,
// the authorization code flow's two legs, back-channel logout, and the providers' administration.
import type { FastifyReply, FastifyRequest } from "fastify";
import { Type } from "typebox";
import { RefusalError } from "../../../domain/refusal.ts";
import type { SignInFailure } from "../../../domain/sign-in-failures.ts";
import { finishOidcSignIn } from "../../auth/oidc/finish-sign-in.ts";
import { backchannelLogout } from "../../auth/oidc/logout.ts";
import {
  createIdentityProvider,
  deleteIdentityProvider,
  listIdentityProviders,
  testDiscovery,
  updateIdentityProvider,
} from "../../auth/oidc/manage-providers.ts";
import { OidcClients } from "../../auth/oidc/oidc-client.ts";
import type { OidcDeps } from "../../auth/oidc/oidc-deps.ts";
import { SecretBox } from "../../auth/oidc/secret-box.ts";
import { signInOptions } from "../../auth/oidc/sign-in-options.ts";
import { startOidcSignIn } from "../../auth/oidc/start-sign-in.ts";
import { callerOf, SESSION_COOKIE } from "../authenticate.ts";
import { HttpProblem } from "../problem.ts";
import { errors } from "../responses.ts";
import {
  DiscoveryRequest,
  DiscoveryResult,
  IdentityProvider,
  IdentityProviderCreate,
  IdentityProviderList,
  IdentityProviderPatch,
  SignInOptions,
} from "../schemas/oidc.ts";
import type { App, HttpDeps } from "../types.ts";

/** A browser follows the 302; a client that asks for JSON gets the same address as 200 instead. */
const Redirect = Type.Object({ redirectTo: Type.String({ description: "where the browser goes next" }) });
const wantsJson = (req: FastifyRequest) => (req.headers.accept ?? "").includes("application/json");
/** A browser's own navigation asks for HTML; fetch() and API clients do not. */
const isNavigation = (req: FastifyRequest) => (req.headers.accept ?? "").includes("text/html");

/**
 * A refused sign-in in the browser lands on the sign-in page with the reason, which the page words
 * in the user's language; an API client gets the problem (with the same `reason`).
 */
async function orBackToSignIn<T>(req: FastifyRequest, reply: FastifyReply, work: () => Promise<T>) {
  try {
    return await work();
  } catch (err) {
    if (!isNavigation(req)) throw err;
    const r = err instanceof RefusalError ? err.refusal : null;
    const reason: SignInFailure =
      r && "reason" in r && r.reason ? r.reason : r?.code === "not_found" ? "provider_unavailable" : "failed";
    req.log.info({ reason, detail: err instanceof Error ? err.message : "" }, "sign-in refused");
    return reply.redirect(`/?signInError=${reason}`, 302);
  }
}

/** Bound to the browser that started the sign-in; read only by the callback. */
const STATE_COOKIE = "claimdesk_oidc_state";
const STATE_PATH = "/api/v1/session/oidc";

export function oidcRoutes(app: App, deps: HttpDeps): void {
  const box = new SecretBox(deps.secret);
  const d: OidcDeps = {
    ctx: deps.ctx,
    wall: deps.wall,
    box,
    clients: new OidcClients(box, deps.wall),
    baseUrl: (deps.baseUrl ?? "http://127.0.0.1").replace(/\/$/, ""),
  };
  const tags = ["session"];

  app.get(
    "/api/v1/session/providers",
    {
      config: { auth: false },
      schema: {
        tags,
        summary:
          "The sign-in options for an e-mail address: identity providers by domain, and whether a password is allowed",
        querystring: Type.Object({ email: Type.String({ maxLength: 254 }) }),
        response: { 200: SignInOptions, ...errors(422) },
      },
    },
    async (req) => signInOptions(d, req.query.email),
  );

  app.get(
    "/api/v1/session/oidc/:providerId/start",
    {
      config: { auth: false },
      schema: {
        tags,
        summary: "Start signing in with an identity provider (redirects to it; PKCE S256, state, nonce)",
        params: Type.Object({ providerId: Type.String({ maxLength: 64 }) }),
        querystring: Type.Object({ returnTo: Type.Optional(Type.String({ maxLength: 2000 })) }),
        response: { 200: Redirect, 302: Type.Null(), ...errors(404, 422) },
      },
    },
    async (req, reply) =>
      orBackToSignIn(req, reply, async () => {
        const { url, state } = await startOidcSignIn(d, {
          providerId: req.params.providerId,
          returnTo: req.query.returnTo,
        });
        reply.setCookie(STATE_COOKIE, state, {
          httpOnly: true,
          sameSite: "lax", // sent on the IdP's top-level redirect back, not on cross-site subrequests
          secure: deps.secureCookies,
          path: STATE_PATH,
          maxAge: 600,
        });
        return wantsJson(req) ? { redirectTo: url } : reply.redirect(url, 302);
      }),
  );

  app.get(
    "/api/v1/session/oidc/callback",
    {
      config: { auth: false },
      schema: {
        tags,
        summary:
          "Where the identity provider returns: the code is exchanged, the user signed in, and sent to returnTo",
        querystring: Type.Object({}, { additionalProperties: true }),
        response: { 200: Redirect, 302: Type.Null(), ...errors(401, 403, 422) },
      },
    },
    async (req, reply) =>
      orBackToSignIn(req, reply, async () => {
        const { cookie, returnTo } = await finishOidcSignIn(d, {
          url: new URL(req.url, d.baseUrl),
          stateCookie: req.cookies[STATE_COOKIE],
          previousCookie: req.cookies[SESSION_COOKIE],
        });
        reply.clearCookie(STATE_COOKIE, { path: STATE_PATH });
        reply.setCookie(SESSION_COOKIE, cookie, {
          httpOnly: true,
          sameSite: "lax",
          secure: deps.secureCookies,
          path: "/",
        });
        return wantsJson(req) ? { redirectTo: returnTo } : reply.redirect(returnTo, 302);
      }),
  );

  app.post(
    "/api/v1/session/oidc/backchannel-logout",
    {
      config: { auth: false },
      schema: {
        tags,
        summary: "OpenID Connect back-channel logout: the IdP ends the sessions it opened (logout_token)",
        body: Type.Object({ logout_token: Type.String({ maxLength: 20_000 }) }),
        description:
          "A logout token that is refused (not a JWT, not signed by a configured provider, no logout event, a nonce, ...) answers 400 with `error: invalid_request`, as OpenID Connect Back-Channel Logout 1.0 §2.8 asks.",
        response: { 200: Type.Object({ ended: Type.Integer() }), ...errors(400, 422) },
      },
    },
    async (req, reply) => {
      reply.header("cache-control", "no-store");
      try {
        return await backchannelLogout(d, req.body.logout_token);
      } catch (err) {
        if (!(err instanceof RefusalError)) throw err;
        throw new HttpProblem(400, "invalid_request", err.message, {
          error: "invalid_request",
          error_description: err.message,
        });
      }
    },
  );

  app.get(
    "/api/v1/admin/identity-providers",
    {
      schema: {
        tags: ["admin"],
        summary: "Identity providers: every one for a program admin, its organisation's for a global admin",
        response: { 200: IdentityProviderList, ...errors(401, 403) },
      },
    },
    async (req) => listIdentityProviders(d, callerOf(req).principal),
  );

  app.post(
    "/api/v1/admin/identity-providers",
    {
      schema: {
        tags: ["admin"],
        summary: "Configure an identity provider for an organisation (or the operator: organizationId null)",
        body: IdentityProviderCreate,
        response: { 201: IdentityProvider, ...errors(401, 403, 404, 422) },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await createIdentityProvider(d, callerOf(req).principal, req.body)),
  );

  app.post(
    "/api/v1/admin/identity-providers/discovery",
    {
      schema: {
        tags: ["admin"],
        summary: "Test an issuer's discovery document before configuring it (nothing is stored)",
        body: DiscoveryRequest,
        response: { 200: DiscoveryResult, ...errors(401, 403, 422) },
      },
    },
    async (req) => testDiscovery(d, callerOf(req).principal, req.body.issuer),
  );

  app.patch(
    "/api/v1/admin/identity-providers/:id",
    {
      schema: {
        tags: ["admin"],
        summary: "Change an identity provider (clientSecret: a new one, or null to remove it)",
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        body: IdentityProviderPatch,
        response: { 200: IdentityProvider, ...errors(401, 403, 404, 422) },
      },
    },
    async (req) => updateIdentityProvider(d, callerOf(req).principal, req.params.id, req.body),
  );

  app.delete(
    "/api/v1/admin/identity-providers/:id",
    {
      schema: {
        tags: ["admin"],
        summary: "Remove an identity provider (its users stay; they sign in otherwise)",
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        response: { 204: Type.Null(), ...errors(401, 403, 404) },
      },
    },
    async (req, reply) => {
      await deleteIdentityProvider(d, callerOf(req).principal, req.params.id);
      return reply.code(204).send(null);
    },
  );
}
