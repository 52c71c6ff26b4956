// The customer's consent link: the JSON API of API.md §4.4 and the server-rendered page the mail links
// to. No sign-in: the token is the credential. Only POST acts (mail scanners open links); the page's
// form carries a double-submit token in a SameSite=Strict cookie, so another site cannot post it.
import { randomBytes } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import { Type } from "typebox";
import { type RefusalCode, RefusalError } from "../../../domain/refusal.ts";
import { fromAcceptLanguage, type Locale, supportedLocale, translator } from "../../../i18n/index.ts";
import { sameSecret } from "../../auth/secrets.ts";
import { type ConsentView, type Decision, decideConsent, viewConsent } from "../../consent/consent.ts";
import { admitConsentRequest } from "../../consent/consent-limit.ts";
import { type PageNotice, renderConsentPage } from "../../consent/consent-page.ts";
import { errors } from "../responses.ts";
import type { App, HttpDeps } from "../types.ts";

const FORM_COOKIE = "claimdesk_consent";

const TokenParams = Type.Object({ token: Type.String({ maxLength: 128 }) });
const ConsentBody = Type.Object({
  status: Type.Union([
    Type.Literal("open"),
    Type.Literal("denied"),
    Type.Literal("confirmed"),
    Type.Literal("closed"),
  ]),
  claimNumber: Type.String(),
  partner: Type.Object({ name: Type.String() }),
  customer: Type.Object({ name: Type.String(), tenantId: Type.String(), domain: Type.String() }),
  activity: Type.Object({ code: Type.String(), name: Type.String() }),
  products: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
  endsAt: Type.String({ format: "date-time" }),
  decidedAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
  locale: Type.String(),
});

function localeFor(req: FastifyRequest, view: ConsentView | null): Locale {
  const q = (req.query as { lang?: unknown } | undefined)?.lang;
  const body = (req.body as { lang?: unknown } | undefined)?.lang;
  return (
    supportedLocale(typeof q === "string" ? q : typeof body === "string" ? body : null) ??
    supportedLocale(view?.contactLocale) ??
    fromAcceptLanguage(req.headers["accept-language"]) ??
    "en"
  );
}

function json(view: ConsentView, locale: Locale, activityName: string) {
  return {
    status: view.state,
    claimNumber: view.claimNumber,
    partner: { name: view.partner },
    customer: view.customer,
    activity: { code: view.activity, name: activityName },
    products: view.products,
    endsAt: new Date(view.endsAt).toISOString(),
    decidedAt: view.decidedAt === null ? null : new Date(view.decidedAt).toISOString(),
    locale,
  };
}

function pageHeaders(reply: FastifyReply): FastifyReply {
  // The token is in the URL: no referrer may carry it to another site, and no cache may keep the
  // page. "same-origin", not "no-referrer": with no-referrer Chromium posts the page's own form
  // with `Origin: null`, which the cross-site check must refuse.
  return reply
    .header("content-type", "text/html; charset=utf-8")
    .header("cache-control", "no-store")
    .header("referrer-policy", "same-origin")
    .header("x-robots-tag", "noindex")
    .header("x-frame-options", "DENY")
    .header(
      "content-security-policy",
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    );
}

export function consentRoutes(app: App, { ctx, wall, secureCookies }: HttpDeps): void {
  const open = { auth: false } as const;
  // The flood guard runs before any route of the link looks at the token.
  const admit = (req: FastifyRequest & { params: { token: string } }) =>
    admitConsentRequest(ctx, wall, req.ip, req.params.token);
  const activityName = (code: string, locale: Locale) =>
    translator(locale)(`activity.${code}`, { defaultValue: code });

  app.get(
    "/api/v1/consent/:token",
    {
      config: open,
      schema: {
        tags: ["consent"],
        summary: "What the customer is asked about (the link in the consent mail)",
        security: [],
        params: TokenParams,
        response: { 200: ConsentBody, ...errors(404, 410, 429) },
      },
    },
    async (req, reply) => {
      reply.header("cache-control", "no-store");
      await admit(req);
      const view = await viewConsent(ctx, req.params.token);
      const locale = localeFor(req, view);
      return json(view, locale, activityName(view.activity, locale));
    },
  );

  for (const decision of ["deny", "confirm"] as const satisfies Decision[]) {
    app.post(
      `/api/v1/consent/:token/${decision}`,
      {
        config: open,
        schema: {
          tags: ["consent"],
          summary:
            decision === "deny"
              ? "The customer denies: the claim is rejected (customer decline)"
              : "The customer confirms early: the claim goes to incentive assessment",
          description:
            "The token is the credential (no CSRF token). An identical repeat answers as before and records nothing; after the period, another decision or a withdraw: 410 consent_closed.",
          security: [],
          params: TokenParams,
          body: Type.Optional(
            decision === "deny"
              ? Type.Object(
                  { comment: Type.Optional(Type.String({ maxLength: 2000 })) },
                  { additionalProperties: false },
                )
              : Type.Object({}, { additionalProperties: false }),
          ),
          response: { 200: ConsentBody, ...errors(404, 410, 422, 429) },
        },
      },
      async (req, reply) => {
        reply.header("cache-control", "no-store");
        await admit(req);
        const comment = (req.body as { comment?: string } | undefined)?.comment?.trim() || null;
        const view = await decideConsent(ctx, req.params.token, decision, comment);
        const locale = localeFor(req, view);
        return json(view, locale, activityName(view.activity, locale));
      },
    );
  }

  // The page. Form posts arrive url-encoded; parsed here for these routes' sake.
  app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });

  const render = async (
    req: FastifyRequest,
    reply: FastifyReply,
    token: string,
    status: number,
    notice: PageNotice,
  ) => {
    let view: ConsentView | null = null;
    if (notice !== "rateLimited") {
      try {
        view = await viewConsent(ctx, token);
      } catch (err) {
        if (!refused(err, "not_found")) throw err;
        status = 404;
        notice = "notFound";
      }
    }
    const csrf = randomBytes(24).toString("base64url");
    reply.setCookie(FORM_COOKIE, csrf, {
      httpOnly: true,
      sameSite: "strict",
      secure: secureCookies,
      path: "/consent/",
    });
    if (view && view.state === "closed" && status === 200) status = 410;
    return pageHeaders(reply)
      .code(status)
      .send(
        renderConsentPage({ locale: localeFor(req, view), path: `/consent/${token}`, view, notice, csrf }),
      );
  };

  app.get(
    "/consent/:token",
    { config: open, schema: { hide: true, params: TokenParams } },
    async (req, reply) => {
      const wait = await admit(req).then(() => null, waitOrThrow);
      if (wait !== null)
        return render(req, reply.header("retry-after", String(wait)), req.params.token, 429, "rateLimited");
      return render(req, reply, req.params.token, 200, null);
    },
  );

  app.post(
    "/consent/:token",
    { config: open, schema: { hide: true, params: TokenParams } },
    async (req, reply) => {
      const token = req.params.token;
      const wait = await admit(req).then(() => null, waitOrThrow);
      if (wait !== null)
        return render(req, reply.header("retry-after", String(wait)), token, 429, "rateLimited");
      const form = (req.body ?? {}) as Record<string, string | undefined>;
      const cookie = req.cookies[FORM_COOKIE];
      const sameOrigin = !req.headers.origin || originHost(req.headers.origin) === req.headers.host;
      if (!cookie || !form.csrf || !sameSecret(cookie, form.csrf) || !sameOrigin)
        return render(req, reply, token, 403, "badForm");
      const decision = form.decision;
      if (decision !== "deny" && decision !== "confirm") return render(req, reply, token, 422, "badForm");
      try {
        await decideConsent(
          ctx,
          token,
          decision,
          decision === "deny" ? form.comment?.trim().slice(0, 2000) || null : null,
        );
      } catch (err) {
        if (refused(err, "consent_closed")) return render(req, reply, token, 410, "closed");
        if (refused(err, "not_found")) return render(req, reply, token, 404, "notFound");
        throw err;
      }
      // Post/redirect/get: a reload shows the answer instead of posting again.
      const lang = supportedLocale(form.lang);
      return reply
        .code(303)
        .header("location", `/consent/${token}${lang ? `?lang=${lang}` : ""}`)
        .send();
    },
  );
}

const refused = (err: unknown, code: RefusalCode) => err instanceof RefusalError && err.refusal.code === code;

/** The seconds to wait from the flood guard's refusal; any other error goes on. */
function waitOrThrow(err: unknown): number {
  if (err instanceof RefusalError && err.refusal.code === "rate_limited")
    return err.refusal.retryAfterSeconds;
  throw err;
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null; // "null" and other opaque origins: not us
  }
}
