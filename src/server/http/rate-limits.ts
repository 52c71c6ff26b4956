// Throttles for the chatty writes (comments, claim actions, uploads, imports) and the customer
// registry look-up: two limits per request, one per signed-in user and one per organisation, so
// that neither one token nor a whole organisation rotating tokens can flood reviewers' mailboxes and
// webhooks (issue 12). Counting is @fastify/rate-limit's; the store is ours so that time is the
// injected wall clock (tests travel in time) and the window is fixed. Counters live in this
// process's memory: with several processes behind a balancer each counts its share
// (docs/SECURITY.md says so). A refusal is problem+json `rate_limited` with Retry-After and
// `retryAfterSeconds`.
import rateLimit, { type FastifyRateLimitStore } from "@fastify/rate-limit";
import type { FastifyInstance, FastifyRequest, preValidationAsyncHookHandler } from "fastify";
import { RefusalError } from "../../domain/refusal.ts";
import type { Clock } from "../context.ts";
import { DEFAULT_RATE_LIMITS, LIMIT_KINDS, type LimitKind } from "../rate-limit-settings.ts";
import type { HttpDeps } from "./types.ts";

/** Which limited kind a route is; null: not throttled here. */
export function limitKindOf(method: string, url: string): LimitKind | null {
  if (method === "GET") return url === "/api/v1/customers" ? "lookups" : null;
  if (method !== "POST") return null;
  if (/^\/api\/v1\/claims\/:id\/comments$/.test(url)) return "comments";
  if (/^\/api\/v1\/claims\/:id\/actions\//.test(url)) return "actions";
  if (/^\/api\/v1\/claims\/:id\/documents$/.test(url)) return "uploads";
  if (url === "/api/v1/admin/customers/import" || url === "/api/v1/admin/revenue/imports") return "imports";
  if (url === "/api/v1/claim-imports" || url === "/api/v1/claim-imports/:id/documents") return "imports";
  return null;
}

interface Window {
  start: number;
  count: number;
}

/** A fixed-window counter on the injected clock, in the shape @fastify/rate-limit asks of a store. */
class WindowStore implements FastifyRateLimitStore {
  readonly #windows = new Map<string, Window>();
  constructor(private readonly wall: Clock) {}

  incr(key: string, done: (err: Error | null, res?: { current: number; ttl: number }) => void, ms: number) {
    const now = this.wall.now();
    const start = now - (now % ms);
    let w = this.#windows.get(key);
    if (!w || w.start !== start) {
      if (this.#windows.size > 50_000) this.sweep(start);
      w = { start, count: 0 };
      this.#windows.set(key, w);
    }
    w.count += 1;
    done(null, { current: w.count, ttl: start + ms - now });
  }

  child(): FastifyRateLimitStore {
    return this;
  }

  /** Old windows are dropped when the map grows, so idle keys do not pile up. */
  private sweep(current: number) {
    for (const [k, w] of this.#windows) if (w.start < current) this.#windows.delete(k);
  }
}

export async function registerRateLimits(app: FastifyInstance, deps: HttpDeps): Promise<void> {
  const settings = deps.rateLimits ?? DEFAULT_RATE_LIMITS;
  // The plugin makes its store itself; this one reads the wall clock it was built on.
  const wall = deps.wall;
  await app.register(rateLimit, {
    global: false,
    store: class extends WindowStore {
      constructor() {
        super(wall);
      }
    },
  });
  const checks = new Map<LimitKind, preValidationAsyncHookHandler>();
  for (const kind of LIMIT_KINDS) {
    const limit = settings[kind];
    const timeWindow = settings.windowSeconds * 1000;
    const perUser = app.createRateLimit({
      max: limit.user,
      timeWindow,
      keyGenerator: (req) => `${kind}:user:${req.caller?.principal.id ?? `ip:${req.ip}`}`,
    });
    const perOrg = app.createRateLimit({
      max: limit.organization,
      timeWindow,
      keyGenerator: (req) => `${kind}:org:${req.caller?.principal.organizationId ?? "operator"}`,
    });
    checks.set(kind, async (req: FastifyRequest) => {
      if (limit.user > 0) refuseIfExceeded(await perUser(req), `${kind} by this user`);
      // The operator's staff are no organisation: each of them is held by the user limit alone.
      if (limit.organization > 0 && req.caller?.principal.organizationId)
        refuseIfExceeded(await perOrg(req), `${kind} by this organisation`);
    });
  }
  app.addHook("onRoute", (route) => {
    for (const method of [route.method].flat()) {
      const kind = limitKindOf(method, route.url);
      const check = kind ? checks.get(kind) : undefined;
      if (!check) continue;
      // Before validation and before the Idempotency-Key is taken (a preHandler): a refused request
      // leaves no key behind that would replay the 429.
      route.preValidation = [check, ...[route.preValidation ?? []].flat()];
    }
  });
}

type Outcome = Awaited<ReturnType<ReturnType<FastifyInstance["createRateLimit"]>>>;

function refuseIfExceeded(outcome: Outcome, what: string): void {
  if (outcome.isAllowed || !outcome.isExceeded) return;
  const seconds = Math.max(1, outcome.ttlInSeconds);
  throw new RefusalError({
    code: "rate_limited",
    detail: `too many ${what}; try again in ${seconds} s`,
    retryAfterSeconds: seconds,
  });
}
