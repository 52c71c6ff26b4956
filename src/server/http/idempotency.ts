// Idempotency-Key on any POST (API.md §1.3): the first answer is stored and replayed for a repeat with
// the same key and body; another body answers 422; a repeat while the first still runs, 409.
// Keys are scoped to the caller and kept at least 24 hours (real time); the rows are the
// idempotency store's (src/server/idempotency/idempotency-store.ts).
import { createHash } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import type { Clock } from "../context.ts";
import type { DB } from "../db/schema.ts";
import { claimKey, type KeyRef, recordAnswer, releaseKey } from "../idempotency/idempotency-store.ts";
import { HttpProblem } from "./problem.ts";

const REPLAYED_HEADERS = ["etag", "location", "content-type"];

declare module "fastify" {
  interface FastifyRequest {
    idempotency: KeyRef | null;
  }
}

function fingerprint(req: FastifyRequest): string {
  // Multipart bodies stream to storage and cannot be hashed up front; their declared length stands in.
  const body = req.isMultipart?.()
    ? `multipart:${req.headers["content-length"] ?? ""}`
    : JSON.stringify(req.body ?? null);
  return createHash("sha256").update(`${req.method} ${req.url}\n${body}`).digest("hex");
}

export function registerIdempotency(app: FastifyInstance, db: Kysely<DB>, wall: Clock): void {
  app.decorateRequest("idempotency", null);

  app.addHook("preHandler", async (req: FastifyRequest, reply: FastifyReply) => {
    const key = req.headers["idempotency-key"];
    if (req.method !== "POST" || typeof key !== "string" || !req.caller) return;
    if (key.length === 0 || key.length > 255) {
      throw new HttpProblem(422, "validation_failed", "Idempotency-Key must have 1 to 255 characters", {
        errors: [{ field: "Idempotency-Key", message: "must have 1 to 255 characters" }],
      });
    }
    const ref = { scope: req.caller.user.id, key };
    const claim = await claimKey(db, ref, fingerprint(req), wall);
    switch (claim.outcome) {
      case "run":
        req.idempotency = ref;
        return;
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
  });

  app.addHook("onSend", async (req, reply, payload) => {
    const ref = req.idempotency;
    if (!ref) return payload;
    req.idempotency = null;
    // A failure on our side is not an answer: let the client try again with the same key.
    if (reply.statusCode >= 500) {
      await releaseKey(db, ref);
      return payload;
    }
    const headers: Record<string, string> = {};
    for (const h of REPLAYED_HEADERS) {
      const v = reply.getHeader(h);
      if (v !== undefined) headers[h] = String(v);
    }
    await recordAnswer(db, ref, { status: reply.statusCode, headers, body: String(payload ?? "") });
    return payload;
  });
}
