// The one way the app talks to the server: same-origin fetch with the session cookie, the CSRF
// header on every change, problem+json turned into ApiError, and a 401 announced so that the app
// can ask the user to sign in again without losing the page they were on.
import type { Problem } from "./api-types.ts";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail || problem.title);
    this.name = "ApiError";
  }
  get code(): string {
    return this.problem.code;
  }
  /** Field errors by field name (validation_failed). */
  get fields(): Record<string, string> {
    return Object.fromEntries((this.problem.errors ?? []).map((e) => [e.field, e.message]));
  }
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

type Body = unknown | FormData;

export async function api<T>(
  method: string,
  path: string,
  body?: Body,
  headers: Record<string, string> = {},
): Promise<T> {
  const h: Record<string, string> = { accept: "application/json", ...headers };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    h["content-type"] = "application/json";
    payload = JSON.stringify(body);
  }
  if (method !== "GET" && csrfToken) h["x-csrf-token"] = csrfToken;
  const res = await fetch(path, { method, headers: h, body: payload, credentials: "same-origin" });
  if (res.status === 204) return undefined as T;
  const type = res.headers.get("content-type") ?? "";
  if (!res.ok) {
    const problem: Problem = type.includes("json")
      ? ((await res.json()) as Problem)
      : {
          type: "about:blank",
          title: res.statusText,
          status: res.status,
          detail: await res.text(),
          code: "http_error",
        };
    if (res.status === 401 && path !== "/api/v1/session") for (const l of expiredListeners) l();
    throw new ApiError(res.status, problem);
  }
  return (type.includes("json") ? await res.json() : await res.text()) as T;
}

export const get = <T>(path: string) => api<T>("GET", path);
export const post = <T>(path: string, body: Body = {}, headers?: Record<string, string>) =>
  api<T>("POST", path, body, headers);
export const patch = <T>(path: string, body: Body, headers?: Record<string, string>) =>
  api<T>("PATCH", path, body, headers);
export const del = <T>(path: string) => api<T>("DELETE", path);

/** Query string from a filter object, leaving out empty values. */
export function qs(params: Record<string, string | number | boolean | undefined | null>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== "") u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : "";
}

/** Upload with progress (fetch has no upload progress): XMLHttpRequest, same error shape. */
export function upload<T>(path: string, file: File, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", path);
    if (csrfToken) xhr.setRequestHeader("x-csrf-token", csrfToken);
    xhr.setRequestHeader("accept", "application/json");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let json: unknown = null;
      try {
        json = JSON.parse(xhr.responseText);
      } catch {
        json = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(json as T);
      else
        reject(
          new ApiError(
            xhr.status,
            (json as Problem) ?? {
              type: "about:blank",
              title: xhr.statusText,
              status: xhr.status,
              detail: xhr.statusText,
              code: "http_error",
            },
          ),
        );
    };
    xhr.onerror = () =>
      reject(
        new ApiError(0, {
          type: "about:blank",
          title: "network",
          status: 0,
          detail: "network error",
          code: "network",
        }),
      );
    const form = new FormData();
    form.append("file", file, file.name);
    xhr.send(form);
  });
}
