// The one way the app talks to the server: openapi-fetch typed by the generated contract, same
// origin with the session cookie. Middleware adds the CSRF header to every change and turns a
// problem+json answer into a typed ApiError; a 401 is announced so that the app can ask for the
// password again without losing the page. Uploads go through XMLHttpRequest, which reports
// progress, with the same error shape and the contract's answer type.
import createClient, { type Middleware } from "openapi-fetch";
import type { Action, paths, Status } from "./api-types.ts";

export interface FieldError {
  field: string;
  message: string;
}

/** A refusal (RFC 9457 problem) as the app reads it; a network failure has status 0. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors: FieldError[] = [],
    /** The claim's state and what the caller may still do, when a claim action was refused. */
    readonly state: Status | null = null,
    readonly allowedActions: Action[] = [],
    /** The numbers a refusal cites: `maxBytes` (file_too_large), `retryAfter` (rate_limited). */
    readonly details: Readonly<Record<string, number>> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
  /** Field errors by field name (validation_failed). */
  get fields(): Record<string, string> {
    return Object.fromEntries(this.errors.map((e) => [e.field, e.message]));
  }
  /** A 4xx answer is the server's decision: asking again gives the same one. */
  get refused(): boolean {
    return this.status >= 400 && this.status < 500;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;
const text = (v: unknown, fallback: string) => (typeof v === "string" && v ? v : fallback);

/** Reads a problem body defensively: a proxy's HTML error page must not become a crash. */
export function problemError(status: number, body: unknown, statusText = ""): ApiError {
  if (!isRecord(body)) return new ApiError(status, "http_error", statusText || `HTTP ${status}`);
  const errors = Array.isArray(body.errors)
    ? body.errors.filter(isRecord).map((e) => ({ field: text(e.field, ""), message: text(e.message, "") }))
    : [];
  const allowed: unknown[] = Array.isArray(body.allowedActions) ? body.allowedActions : [];
  return new ApiError(
    status,
    text(body.code, "http_error"),
    text(body.detail, text(body.title, statusText || `HTTP ${status}`)),
    errors,
    isStatus(body.state) ? body.state : null,
    allowed.filter(isAction),
    numbers(body),
  );
}

function numbers(body: Record<string, unknown>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of ["maxBytes", "retryAfter", "retryAfterSeconds", "currentVersion"]) {
    const v = body[key];
    if (typeof v === "number") out[key] = v;
  }
  return out;
}

const STATUSES: readonly string[] = [
  "editing",
  "submitted",
  "under_review",
  "partner_action_required",
  "approved",
  "rejected",
] satisfies Status[];
function isStatus(v: unknown): v is Status {
  return typeof v === "string" && STATUSES.includes(v);
}
function isAction(v: unknown): v is Action {
  return typeof v === "string" && v.length > 0;
}

let csrfToken: string | null = null;
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};

const expiredListeners = new Set<() => void>();
export function onSessionExpired(listener: () => void): () => void {
  expiredListeners.add(listener);
  return () => expiredListeners.delete(listener);
}
const announceExpiry = (status: number, schemaPath: string) => {
  // The session call's own 401 is "not signed in", not "signed out while working".
  if (status === 401 && schemaPath !== "/api/v1/session") for (const l of expiredListeners) l();
};

const csrf: Middleware = {
  onRequest({ request }) {
    if (request.method !== "GET" && csrfToken) request.headers.set("x-csrf-token", csrfToken);
    return request;
  },
};

const problems: Middleware = {
  async onResponse({ request, response, schemaPath }) {
    if (response.ok) return response;
    const body: unknown = await response
      .clone()
      .json()
      .catch(() => null);
    announceExpiry(response.status, schemaPath);
    const error = problemError(response.status, body, response.statusText);
    // The server's own words stay here for whoever debugs; a person reads problemMessage's.
    console.info(
      `${request.method} ${schemaPath}: ${error.status} ${error.code}`,
      error.message,
      error.errors,
    );
    throw error;
  },
  onError({ error }) {
    if (error instanceof ApiError) return error;
    return new ApiError(0, "network", error instanceof Error ? error.message : "network error");
  },
};

export const client = createClient<paths>({ baseUrl: "", credentials: "same-origin" });
client.use(csrf, problems);

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The data of a successful answer (the middleware has thrown for any other). */
export async function data<T>(call: Promise<Answer<T>>): Promise<T> {
  const r = await call;
  if (r.data === undefined) throw problemError(r.response.status, r.error, r.response.statusText);
  return r.data;
}

/** For answers without a body (204): resolves when the call succeeded. */
export async function done(call: Promise<Answer<unknown>>): Promise<void> {
  const r = await call;
  if (r.error !== undefined) throw problemError(r.response.status, r.error, r.response.statusText);
}

/**
 * A fetch for openapi-fetch that sends the request through XMLHttpRequest, which reports upload
 * progress (fetch does not). The request is the one openapi-fetch built (path, parameters, the
 * middleware's headers, the multipart body with its boundary); only the transport differs.
 */
export function uploadWithProgress(onProgress: (fraction: number) => void) {
  return async (request: Request): Promise<Response> => {
    const body = await request.blob();
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open(request.method, request.url);
      for (const [name, value] of request.headers) xhr.setRequestHeader(name, value);
      xhr.responseType = "blob";
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable) onProgress(e.loaded / e.total);
      };
      xhr.onload = () => {
        const headers = new Headers();
        const type = xhr.getResponseHeader("content-type");
        if (type) headers.set("content-type", type);
        const empty = xhr.status === 204 || xhr.status === 205;
        resolve(
          new Response(empty ? null : xhr.response, {
            status: xhr.status,
            statusText: xhr.statusText,
            headers,
          }),
        );
      };
      xhr.onerror = () => reject(new ApiError(0, "network", "network error"));
      xhr.send(body);
    });
  };
}

/** The multipart body the upload and import operations declare: one `file` field. */
export function multipart(body: { file: Blob }): FormData {
  const form = new FormData();
  form.append("file", body.file, body.file instanceof File ? body.file.name : "upload");
  return form;
}
