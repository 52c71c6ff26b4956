// The Fastify instance type with the TypeBox type provider, shared by every routes file.

import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from "fastify";
import type { ClaimImportRunner } from "../claims/bulk/run-claim-import.ts";
import type { AppContext, Clock } from "../context.ts";
import type { WebhookEgress } from "../notify/egress.ts";
import type { RateLimitSettings } from "../rate-limit-settings.ts";
import type { IdempotencyOptions } from "./idempotency.ts";

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

export interface HttpDeps {
  ctx: AppContext;
  /** Real time for sessions, tokens, rate limits and idempotency keys (never simulated). */
  wall: Clock;
  secureCookies: boolean;
  simulatedClock: boolean;
  uploads: { maxBytes: number; maxFilesPerClaim: number };
  /** For Message-IDs shown in the mail backlog (BASE_URL). */
  baseUrl?: string;
  /** Plain-http webhook endpoints accepted (WEBHOOKS_ALLOW_HTTP). */
  webhooksAllowHttp?: boolean;
  /** Where webhook calls may go (WEBHOOKS_ALLOW_HOSTS); default: public addresses only. */
  webhookEgress?: WebhookEgress;
  /** The server secret (CLAIMDESK_SECRET or DATA_DIR/secret.key): IdP client secrets are sealed with it. */
  secret: Buffer;
  /** Bare baseline routes for `npm run bench` (never on in production). */
  benchRoutes?: boolean;
  /** Limits on comments, actions, uploads and imports (RATE_LIMIT_*); default: built in. */
  rateLimits?: RateLimitSettings;
  /** /metrics wants this bearer token (METRICS_TOKEN); unset: loopback callers only. */
  metricsToken?: string | null;
  /** Idempotency-Key leases (issue 12): their length, and a test seam. */
  idempotency?: IdempotencyOptions;
  /** Creates bulk-filed drafts and resumes those of dead processes (the server starts it). */
  claimImports?: ClaimImportRunner;
}

/** Error responses every operation may give; listed in the OpenAPI document. */
export const COMMON_ERRORS = [401, 403, 404, 409, 412, 422, 429] as const;
