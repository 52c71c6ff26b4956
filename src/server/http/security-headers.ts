// Security headers on every answer (helmet), and no caching of private answers.
//
// helmet's middleware is made once here and run on the raw response of each request. Not through
// @fastify/helmet: that plugin calls helmet(options) again on every request, which parses and
// checks every directive each time (4 % of a reviewer's GET of a claim in its profile, issue 13).
//
// The Content-Security-Policy is the one the built web app runs under (Vite emits only external
// module scripts and stylesheets, no inline script):
// - script-src 'self': no inline script, no eval;
// - style-src 'self' 'unsafe-inline': Mantine writes its CSS variables into <style> elements at run
//   time and React renders `style` attributes; neither can carry a nonce, and style injection is
//   not script execution;
// - img-src and frame-src allow blob: because the document viewer shows a downloaded PoE (an image,
//   or a PDF in an iframe) from an object URL; img-src data: for inline SVG icons (Swagger UI too);
// - frame-ancestors 'none' (and X-Frame-Options DENY for older browsers): no page, not even a
//   same-site one, may frame the signed-in app; base-uri 'none', form-action 'self', object-src 'none'.
// Routes that need a stricter policy set their own, which wins over this one (the consent page:
// default-src 'none'; a document download: sandbox).
// HSTS only when BASE_URL is https: on plain http it would tell browsers nothing true.

import type { FastifyInstance } from "fastify";
import helmet from "helmet";
import type { HttpDeps } from "./types.ts";

export const CONTENT_SECURITY_POLICY = {
  "default-src": ["'self'"],
  "script-src": ["'self'"],
  "style-src": ["'self'", "'unsafe-inline'"],
  "img-src": ["'self'", "data:", "blob:"],
  "font-src": ["'self'", "data:"],
  "connect-src": ["'self'"],
  "frame-src": ["blob:"],
  "object-src": ["'none'"],
  "base-uri": ["'none'"],
  "form-action": ["'self'"],
  "frame-ancestors": ["'none'"],
};

/** Powerful browser features the app never uses, switched off for it and anything it embeds. */
export const PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

/** Private answers: the API (JSON, CSV exports, document downloads). Hashed /assets/* are cached. */
const PRIVATE = /^\/api\//;

export async function registerSecurityHeaders(app: FastifyInstance, deps: Pick<HttpDeps, "baseUrl">) {
  const https = (deps.baseUrl ?? "").startsWith("https:");
  const apply = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    // Nothing here needs cross-origin isolation.
    crossOriginEmbedderPolicy: false,
    frameguard: { action: "deny" },
    // "same-origin", like the consent page: nothing leaks to other sites, and the app's own posts
    // keep their Origin header (no-referrer makes Chromium send `Origin: null` on form posts).
    referrerPolicy: { policy: "same-origin" },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
  // Set on the raw response before any handler runs: a header a route sets on its reply (a
  // stricter policy) is written with the head and wins.
  app.addHook("onRequest", (req, reply, done) => {
    apply(req.raw, reply.raw, (err?: unknown) => done(err instanceof Error ? err : undefined));
  });
  app.addHook("onSend", (req, reply, payload, done) => {
    reply.header("permissions-policy", PERMISSIONS_POLICY);
    if (PRIVATE.test(req.url) && !reply.hasHeader("cache-control")) reply.header("cache-control", "no-store");
    done(null, payload);
  });
}
