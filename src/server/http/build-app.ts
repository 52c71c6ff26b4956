// The Fastify application: plugins, authentication, idempotency, errors as problem+json, and every
// route of API.md §4. Routes are thin: schemas in, one use case, view out.
import cookie from "@fastify/cookie";
import multipart from "@fastify/multipart";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import Fastify, { type FastifyInstance, type FastifyRequest } from "fastify";
import { Type } from "typebox";
import type { SimulatedClock } from "../simulated-clock.ts";
import { databaseAnswers } from "../system/operations.ts";
import { registerAuthentication } from "./authenticate.ts";
import { benchFloorRoutes } from "./bench-floors.ts";
import { frameworkErrorOptions } from "./framework-errors.ts";
import { registerIdempotency } from "./idempotency.ts";
import { createMetrics, type Metrics, registerRequestMetrics } from "./metrics.ts";
import { metricsAccess } from "./metrics-access.ts";
import { openapiOptions } from "./openapi/openapi-options.ts";
import { applyOperationId } from "./openapi/operation-ids.ts";
import { errorHandler, problem, sendProblem } from "./problem.ts";
import { registerRateLimits } from "./rate-limits.ts";
import { actionRoutes } from "./routes/action-routes.ts";
import { adminRegistryRoutes } from "./routes/admin-registry-routes.ts";
import { adminRoutes } from "./routes/admin-routes.ts";
import { catalogRoutes } from "./routes/catalog-routes.ts";
import { claimImportRoutes } from "./routes/claim-import-routes.ts";
import { claimRoutes } from "./routes/claim-routes.ts";
import { consentRoutes } from "./routes/consent-routes.ts";
import { incentiveRoutes } from "./routes/incentive-routes.ts";
import { notificationRoutes } from "./routes/notification-routes.ts";
import { oidcRoutes } from "./routes/oidc-routes.ts";
import { poeTemplateRoutes } from "./routes/poe-template-routes.ts";
import { sessionRoutes } from "./routes/session-routes.ts";
import { systemRoutes } from "./routes/system-routes.ts";
import { threadRoutes } from "./routes/thread-routes.ts";
import { webhookRoutes } from "./routes/webhook-routes.ts";
import { Problem } from "./schemas.ts";
import { registerSecurityHeaders } from "./security-headers.ts";
import type { App, HttpDeps } from "./types.ts";
import { validatorCompiler } from "./validation.ts";
import { registerWebApp } from "./web-app.ts";

export interface BuiltApp {
  app: FastifyInstance;
  metrics: Metrics;
  /** Every registered route: the tenancy test walks this list, so a new route cannot be missed. */
  routes: { method: string; url: string; auth: boolean }[];
}

export async function buildApp(deps: HttpDeps, opts: { logLevel?: string } = {}): Promise<BuiltApp> {
  const { ctx } = deps;
  const fastify = Fastify({
    logger: {
      level: opts.logLevel ?? "info",
      redact: [
        "req.headers.authorization",
        "req.headers.cookie",
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
      ],
      serializers: {
        // A consent link's token is the customer's credential: it never reaches the log.
        req: (req: FastifyRequest) => ({
          method: req.method,
          url: req.url.replace(/\/consent\/[^/?#]+/, "/consent/[token]"),
          host: req.host,
          remoteAddress: req.ip,
          remotePort: req.socket?.remotePort,
        }),
      },
    },
    genReqId: () => crypto.randomUUID(),
    trustProxy: false,
    // On close, idle keep-alive connections end at once; requests in flight still finish.
    forceCloseConnections: "idle",
    bodyLimit: 1024 * 1024,
    ...frameworkErrorOptions,
  });
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>() as unknown as App;

  const routes: BuiltApp["routes"] = [];
  app.addHook("onRoute", (route) => {
    // The documentation viewer is public, like the document it shows, and so are the web app's files.
    if (route.url.startsWith("/docs") || route.url.startsWith("/assets/"))
      route.config = { ...(route.config ?? {}), auth: false };
    for (const method of [route.method].flat()) {
      if (method !== "HEAD") routes.push({ method, url: route.url, auth: route.config?.auth !== false });
    }
  });
  app.addHook("onRoute", applyOperationId);
  // RFC 7396's own media type for PATCH bodies, parsed as the JSON it is.
  app.addContentTypeParser(
    "application/merge-patch+json",
    { parseAs: "string" },
    app.getDefaultJsonParser("error", "error"),
  );
  await app.register(cookie);
  await registerSecurityHeaders(app as unknown as FastifyInstance, deps);
  await app.register(multipart, {
    limits: { fileSize: deps.uploads.maxBytes, files: 1, parts: 5, fields: 2, fieldSize: 1024 },
  });
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Claimdesk API",
        version: "1",
        description:
          "Partner-of-record customer-association claims. Errors are application/problem+json with a machine `code`.",
      },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "claimdesk_session" },
          bearer: {
            type: "http",
            scheme: "bearer",
            description: "a personal access token from POST /api/v1/tokens",
          },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    ...openapiOptions(deps.baseUrl),
  });
  await app.register(swaggerUi, { routePrefix: "/docs", uiConfig: { docExpansion: "list" } });
  app.addSchema(Problem);
  // Unknown fields are refused, not silently dropped (API.md §1: status, version, organizationId).
  app.setValidatorCompiler(validatorCompiler([Problem]));

  const metrics = createMetrics(ctx);
  registerRequestMetrics(app as unknown as FastifyInstance, metrics);
  registerAuthentication(app as unknown as FastifyInstance, ctx, deps.wall);
  if (deps.simulatedClock) {
    const clock = ctx.clock as SimulatedClock;
    app.addHook("onRequest", async () => clock.refresh());
  }
  registerIdempotency(app as unknown as FastifyInstance, ctx.db.kysely, deps.wall, deps.idempotency);
  await registerRateLimits(app as unknown as FastifyInstance, deps);
  app.setErrorHandler(errorHandler);
  // While shutting down, answers in flight close their connection, so that a keep-alive socket
  // does not hold the process open for the keep-alive timeout.
  let closing = false;
  app.addHook("preClose", async () => {
    closing = true;
  });
  // A refused upload may leave part of its body unread: close that connection rather than let the
  // client send its next request after the rest of a file. (Callback hooks here and in the other
  // per-request hooks: an async hook costs every request a promise and its microtasks.)
  app.addHook("onSend", (req, reply, payload, done) => {
    if (closing || (reply.statusCode >= 400 && req.headers["content-type"]?.startsWith("multipart/")))
      reply.header("Connection", "close");
    done(null, payload);
  });
  const web = await registerWebApp(app as unknown as FastifyInstance);
  app.setNotFoundHandler((req, reply) => {
    // The web app's own routes (/claims/..., /admin, ...) are pages: the browser gets index.html and
    // the app routes itself. API and other machine paths keep their problem+json 404.
    const path = req.url.split("?")[0] ?? "";
    const page =
      req.method === "GET" &&
      !/^\/(api|docs|consent|openapi\.json|healthz|readyz|metrics|assets)(\/|$)/.test(path) &&
      (req.headers.accept ?? "").includes("text/html");
    if (page && web)
      return reply.type("text/html; charset=utf-8").header("cache-control", "no-cache").send(web.index);
    return sendProblem(reply, problem(404, "not_found", `no route ${req.method} ${path}`));
  });

  operationalRoutes(app, deps, metrics);
  if (deps.benchRoutes) benchFloorRoutes(app, ctx.db);
  sessionRoutes(app, deps);
  claimImportRoutes(app, deps);
  claimRoutes(app, deps);
  actionRoutes(app, deps);
  threadRoutes(app, deps);
  catalogRoutes(app, deps);
  adminRoutes(app, deps);
  adminRegistryRoutes(app, deps);
  systemRoutes(app, deps);
  consentRoutes(app, deps);
  notificationRoutes(app, deps);
  webhookRoutes(app, deps);
  incentiveRoutes(app, deps);
  oidcRoutes(app, deps);
  poeTemplateRoutes(app, deps);
  await app.ready();
  return { app: app as unknown as FastifyInstance, metrics, routes };
}

function operationalRoutes(app: App, { ctx, metricsToken }: HttpDeps, metrics: Metrics): void {
  const open = { auth: false } as const;
  app.get(
    "/healthz",
    {
      config: open,
      schema: {
        tags: ["operations"],
        summary: "Liveness",
        response: { 200: Type.Object({ status: Type.String() }) },
      },
    },
    async () => ({ status: "ok" }),
  );
  app.get(
    "/readyz",
    {
      config: open,
      schema: {
        tags: ["operations"],
        summary: "Readiness: the database answers",
        response: {
          200: Type.Object({ status: Type.String(), database: Type.String() }),
          503: Type.Object({ status: Type.String(), detail: Type.String() }),
        },
      },
    },
    async (req, reply) => {
      try {
        await databaseAnswers(ctx.db);
        return { status: "ready", database: ctx.db.engine };
      } catch (err) {
        // The reason goes to the log, not to an unauthenticated caller (hosts, ports, users).
        req.log.error({ err }, "readiness check failed");
        return reply.code(503).send({ status: "unavailable", detail: "the database does not answer" });
      }
    },
  );
  app.get(
    "/metrics",
    {
      config: open,
      preHandler: metricsAccess(metricsToken),
      schema: { tags: ["operations"], summary: "Prometheus metrics", hide: true },
    },
    async (_req, reply) => reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()),
  );
  app.get("/openapi.json", { config: open, schema: { hide: true } }, async () => app.swagger());
}
