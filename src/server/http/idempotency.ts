// Idempotency-Key on any POST (API.md §1.3): the first answer is stored and replayed for a repeat with
// the same key and body; another body answers 422; a repeat while the first still runs, 409.
// Keys are scoped to the caller and kept at least 24 hours (real time); the rows are the
// idempotency store's (src/server/idempotency/idempotency-store.ts).
//
// The request holding a key runs its handler inside a unit-of-work hook (db/transact.ts): every
// transaction it commits records its result with the key, in that transaction, and the lease on the
// key is renewed while it runs. A retry after the holder died (its lease ran out) re-runs the
// handler with those results replayed, so it answers what was committed and commits nothing twice.
import { createHash } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Kysely, Transaction } from "kysely";
import type { Clock } from "../context.ts";
import type { DB } from "../db/schema.ts";
import { type UnitOfWorkHook, unitOfWorkHooks } from "../db/transact.ts";
import {
  claimKey,
  commitResults,
  DEFAULT_LEASE_MS,
  type KeyRef,
  type Lease,
  recordAnswer,
  releaseKey,
  renewLease,
} from "../idempotency/idempotency-store.ts";
import { HttpProblem } from "./problem.ts";

const REPLAYED_HEADERS = ["etag", "location", "content-type"];

export interface IdempotencyOptions {
  /** How long a crashed holder keeps its key from a retry (default 30 s); renewed at a third of it. */
  leaseMs?: number;
  /** Tests only: runs after the handler's work committed and before the answer is recorded. */
  beforeAnswer?: () => Promise<void>;
}

/** A request holding its key: the lease, the unit-of-work hook, the renewal timer. */
interface Holding {
  ref: KeyRef;
  lease: Lease;
  hook: UnitOfWorkHook & { replayed: number; close(): void };
  renewal: NodeJS.Timeout;
}

declare module "fastify" {
  interface FastifyRequest {
    idempotency: Holding | null;
  }
}

function fingerprint(req: FastifyRequest): string {
  // Multipart bodies stream to storage and cannot be hashed up front; their declared length stands in.
  const body = req.isMultipart?.()
    ? `multipart:${req.headers["content-length"] ?? ""}`
    : JSON.stringify(req.body ?? null);
  return createHash("sha256").update(`${req.method} ${req.url}\n${body}`).digest("hex");
}

function hookFor(ref: KeyRef, lease: Lease): Holding["hook"] {
  const committed = [...lease.committed];
  let next = 0;
  let pending: string | null = null;
  let open = true;
  return {
    replayed: 0,
    replay() {
      if (!open || next >= committed.length) return undefined;
      this.replayed += 1;
      return committed[next++];
    },
    async beforeCommit(trx: Transaction<DB>, result: unknown) {
      if (!open) return;
      // undefined (a void use case) is not JSON: null stands in, and replays as null.
      pending = JSON.stringify(result ?? null);
      await commitResults(trx, ref, lease.token, [...committed, pending]);
    },
    afterCommit() {
      if (!open || pending === null) return;
      committed.push(pending);
      next = committed.length;
      pending = null;
    },
    close() {
      // Work started by the request but finishing after its answer is not the request's.
      open = false;
    },
  };
}

export function registerIdempotency(
  app: FastifyInstance,
  db: Kysely<DB>,
  wall: Clock,
  opts: IdempotencyOptions = {},
): void {
  const leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS;
  app.decorateRequest("idempotency", null);

  const takeKey = async (req: FastifyRequest, reply: FastifyReply) => {
    const key = req.headers["idempotency-key"];
    if (req.method !== "POST" || typeof key !== "string" || !req.caller) return;
    if (key.length === 0 || key.length > 255) {
      throw new HttpProblem(422, "validation_failed", "Idempotency-Key must have 1 to 255 characters", {
        errors: [{ field: "Idempotency-Key", message: "must have 1 to 255 characters" }],
      });
    }
    const ref = { scope: req.caller.user.id, key };
    const claim = await claimKey(db, ref, fingerprint(req), wall, leaseMs);
    switch (claim.outcome) {
      case "run": {
        const renewal = setInterval(
          () => {
            renewLease(db, ref, claim.lease.token, wall, leaseMs).catch((err: unknown) =>
              req.log.warn({ err }, "renewing an Idempotency-Key lease failed"),
            );
          },
          Math.max(1, Math.floor(leaseMs / 3)),
        );
        renewal.unref();
        req.idempotency = { ref, lease: claim.lease, hook: hookFor(ref, claim.lease), renewal };
        return;
      }
      case "unguarded":
        return;
      case "running":
        throw new HttpProblem(
          409,
          "idempotency_in_progress",
          claim.justRestarted
            ? "another request with this key has just started"
            : "the first request with this Idempotency-Key is still running",
        );
      case "other_request":
        throw new HttpProblem(
          422,
          "idempotency_key_reused",
          "this Idempotency-Key was used with another request",
        );
      case "replay": {
        for (const [h, v] of Object.entries(claim.answer.headers)) reply.header(h, v);
        reply.header("Idempotent-Replayed", "true");
        return reply.code(claim.answer.status).send(claim.answer.body);
      }
    }
  };

  // Callback style on purpose: the rest of the chain, the handler included, runs inside the hook's
  // async context, so that every transaction of the handler sees it (db/transact.ts).
  const enterUnitOfWork = (req: FastifyRequest, _reply: FastifyReply, done: () => void) => {
    const holding = req.idempotency;
    if (!holding) return done();
    unitOfWorkHooks.run(holding.hook, () => done());
  };

  const keepAnswer = async (req: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const holding = req.idempotency;
    if (!holding) return payload;
    req.idempotency = null;
    holding.hook.close();
    clearInterval(holding.renewal);
    const { ref, lease } = holding;
    // A failure on our side is not an answer: let the client try again with the same key.
    if (reply.statusCode >= 500) {
      await releaseKey(db, ref, lease.token);
      return payload;
    }
    if (holding.hook.replayed > 0) reply.header("Idempotent-Replayed", "true");
    await opts.beforeAnswer?.();
    const headers: Record<string, string> = {};
    for (const h of REPLAYED_HEADERS) {
      const v = reply.getHeader(h);
      if (v !== undefined) headers[h] = String(v);
    }
    await recordAnswer(db, ref, lease.token, {
      status: reply.statusCode,
      headers,
      body: String(payload ?? ""),
    });
    return payload;
  };

  // Whatever way the request ended, the renewal stops with it.
  const stopRenewal = (req: FastifyRequest, _reply: FastifyReply, done: () => void) => {
    if (req.idempotency) clearInterval(req.idempotency.renewal);
    done();
  };

  // Only POST routes carry these hooks (API.md §1.3 keys POSTs alone): on the other routes, the
  // reads above all, they would cost every request four hook calls, two of them promises.
  // Prepended to the route's own preHandlers and appended to its onSend and onResponse; the rate
  // limits (preValidation) still run before the key is taken.
  app.addHook("onRoute", (route) => {
    if (![route.method].flat().includes("POST")) return;
    route.preHandler = [takeKey, enterUnitOfWork, ...[route.preHandler ?? []].flat()];
    route.onSend = [...[route.onSend ?? []].flat(), keepAnswer];
    route.onResponse = [...[route.onResponse ?? []].flat(), stopRenewal];
  });
}
