// Errors as RFC 9457 problem+json with a machine `code` (API.md §1.1).
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { REFUSAL_STATUS, RefusalError } from "../../domain/refusal.ts";
import { BlobTooLargeError } from "../documents/blob-store.ts";
import { FileRejectedError } from "../documents/file-inspection.ts";

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  [extra: string]: unknown;
}

const TITLES: Record<string, string> = {
  unauthenticated: "Sign-in required",
  validation_failed: "The request is not valid",
  invalid_request: "The request is not valid",
  not_found: "Not found",
  forbidden: "Not allowed",
  csrf_failed: "Missing or wrong CSRF token",
  version_mismatch: "The claim has changed",
  invalid_transition: "Not allowed in this state",
  duplicate_association: "Duplicate association",
  idempotency_in_progress: "The first request with this key is still running",
  idempotency_key_reused: "This idempotency key was used with another request",
  file_rejected: "File rejected",
  file_too_large: "File too large",
  consent_closed: "The consent period is closed",
  rate_limited: "Too many requests",
  open_line_disputes: "The statement has open line disputes",
  uri_too_long: "The request URL is too long",
  headers_too_large: "The request headers are too large",
  request_timeout: "The request took too long",
  internal_error: "Internal error",
};

/** An HTTP-level error that is not a domain refusal (401, 413, 415, 429, ...). */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    detail: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = "HttpProblem";
  }
}

export function problem(
  status: number,
  code: string,
  detail: string,
  extra: Record<string, unknown> = {},
): Problem {
  return {
    type: `https://claimdesk.dev/problems/${code}`,
    title: TITLES[code] ?? code,
    status,
    detail,
    code,
    ...extra,
  };
}

export function toProblem(err: unknown): Problem {
  if (err instanceof RefusalError) {
    const { code, detail, ...rest } = err.refusal;
    // `retryAfter` is the body field API.md §1.1's 429s have always carried; Retry-After repeats it.
    const retry = err.refusal.code === "rate_limited" ? { retryAfter: err.refusal.retryAfterSeconds } : {};
    return problem(REFUSAL_STATUS[code], code, detail, { ...rest, ...retry });
  }
  if (err instanceof HttpProblem) return problem(err.status, err.code, err.message, err.extra);
  if (err instanceof FileRejectedError) return problem(415, "file_rejected", err.message);
  if (err instanceof BlobTooLargeError)
    return problem(413, "file_too_large", err.message, { maxBytes: err.maxBytes });
  const fe = err as Partial<FastifyError> & {
    validation?: { instancePath?: string; message?: string; params?: Record<string, unknown> }[];
  };
  if (fe.validation) {
    const errors = fe.validation.map((v) => {
      const extraField = v.params?.additionalProperty;
      const field = `${(v.instancePath ?? "").replace(/^\//, "").replaceAll("/", ".")}${extraField ? `${v.instancePath ? "." : ""}${String(extraField)}` : ""}`;
      return {
        field: field || String(fe.validationContext ?? "body"),
        message: extraField ? "is not a known field" : (v.message ?? "is invalid"),
      };
    });
    return problem(422, "validation_failed", errors.map((e) => `${e.field} ${e.message}`).join("; "), {
      errors,
    });
  }
  // Busboy's words for a multipart body that stops before its closing boundary.
  if (
    fe.message &&
    /unexpected end of (form|multipart data)|terminated early|premature close/i.test(fe.message)
  ) {
    return problem(
      415,
      "file_rejected",
      "the multipart body ended before its closing boundary (truncated upload)",
    );
  }
  // Busboy's words for a multipart Content-Type with no boundary: the body cannot be split at all.
  if (fe.message && /^Multipart: Boundary not found/i.test(fe.message))
    return problem(
      415,
      "file_rejected",
      "multipart/form-data needs a boundary parameter in its Content-Type",
    );
  if (fe.code === "FST_REQ_FILE_TOO_LARGE")
    return problem(413, "file_too_large", "the file is larger than allowed");
  if (fe.statusCode === 413) return problem(413, "file_too_large", fe.message ?? "request body too large");
  if (fe.statusCode === 415) return problem(415, "file_rejected", fe.message ?? "unsupported media type");
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return problem(
      fe.statusCode === 400 ? 422 : fe.statusCode,
      "validation_failed",
      fe.message ?? "bad request",
      {
        errors: [{ field: "body", message: fe.message ?? "bad request" }],
      },
    );
  }
  return problem(500, "internal_error", "something went wrong on our side; it has been logged");
}

export function sendProblem(reply: FastifyReply, p: Problem): FastifyReply {
  // Every 429 says when to come back (RFC 9110 Retry-After), whoever refused.
  if (p.status === 429 && typeof p.retryAfterSeconds === "number")
    reply.header("Retry-After", String(Math.max(1, Math.ceil(p.retryAfterSeconds))));
  return reply.code(p.status).type("application/problem+json").send(p);
}

export function errorHandler(err: unknown, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  const p = toProblem(err);
  if (p.status >= 500) req.log.error({ err }, "request failed");
  return sendProblem(reply, p);
}
