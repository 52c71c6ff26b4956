// Idempotency-Key on any POST (API.md): the first answer is stored and replayed for a repeat with
// the same key and body; another body answers 422; a repeat while the first still runs, 409.
// Keys are scoped to the caller and kept at least 24 hours (real time).
import { createHash } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import type { Clock } from "../context.ts";
import type { DB } from "../db/schema.ts";
import { HttpProblem } from "./problem.ts";

export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;
const REPLAYED_HEADERS = ["etag", "location", "content-type"];

declare module "fastify" {
  interface FastifyRequest {
    idempotency: { scope: string; key: string } | null;
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
    const scope = req.caller.user.id;
    const hash = fingerprint(req);
    const now = wall.now();
    const inserted = await db
      .insertInto("idempotency_keys")
      .values({
        scope,
        key,
        request_hash: hash,
        status: "running",
        response_status: null,
        response_body: null,
        created_at: now,
      })
      .onConflict((oc) => oc.columns(["scope", "key"]).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) {
      req.idempotency = { scope, key };
      return;
    }
    const row = await db
      .selectFrom("idempotency_keys")
      .selectAll()
      .where("scope", "=", scope)
      .where("key", "=", key)
      .executeTakeFirst();
    if (!row) return; // expired and removed between the two statements: run as new, unguarded
    if (now - row.created_at > IDEMPOTENCY_TTL_MS) {
      // Expired: the key starts over as if it were new.
      const renewed = await db
        .updateTable("idempotency_keys")
        .set({
          request_hash: hash,
          status: "running",
          response_status: null,
          response_body: null,
          created_at: now,
        })
        .where("scope", "=", scope)
        .where("key", "=", key)
        .where("created_at", "=", row.created_at)
        .executeTakeFirst();
      if (renewed.numUpdatedRows === 1n) {
        req.idempotency = { scope, key };
        return;
      }
      throw new HttpProblem(409, "idempotency_in_progress", "another request with this key has just started");
    }
    if (row.request_hash !== hash) {
      throw new HttpProblem(
        422,
        "idempotency_key_reused",
        "this Idempotency-Key was used with another request",
      );
    }
    if (row.status === "running") {
      throw new HttpProblem(
        409,
        "idempotency_in_progress",
        "the first request with this Idempotency-Key is still running",
      );
    }
    const stored = JSON.parse(row.response_body ?? "{}") as { headers: Record<string, string>; body: string };
    for (const [h, v] of Object.entries(stored.headers)) reply.header(h, v);
    reply.header("Idempotent-Replayed", "true");
    return reply.code(row.response_status ?? 200).send(stored.body);
  });

  app.addHook("onSend", async (req, reply, payload) => {
    const idem = req.idempotency;
    if (!idem) return payload;
    req.idempotency = null;
    if (reply.statusCode >= 500) {
      // A failure on our side is not an answer: let the client try again with the same key.
      await db
        .deleteFrom("idempotency_keys")
        .where("scope", "=", idem.scope)
        .where("key", "=", idem.key)
        .execute();
      return payload;
    }
    const headers: Record<string, string> = {};
    for (const h of REPLAYED_HEADERS) {
      const v = reply.getHeader(h);
      if (v !== undefined) headers[h] = String(v);
    }
    await db
      .updateTable("idempotency_keys")
      .set({
        status: "done",
        response_status: reply.statusCode,
        response_body: JSON.stringify({ headers, body: String(payload ?? "") }),
      })
      .where("scope", "=", idem.scope)
      .where("key", "=", idem.key)
      .execute();
    return payload;
  });
}

export async function purgeIdempotencyKeys(db: Kysely<DB>, wall: Clock): Promise<void> {
  await db
    .deleteFrom("idempotency_keys")
    .where("created_at", "<", wall.now() - 2 * IDEMPOTENCY_TTL_MS)
    .execute();
}
