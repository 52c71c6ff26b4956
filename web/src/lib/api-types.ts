// The API's types, read from the contract that openapi-typescript generates from the served
// OpenAPI document (src/contract/api.d.ts), never written by hand: when the server's answer
// changes, the app stops compiling where it no longer fits. Named by path, so that a schema's
// component name does not matter here.
import type { paths } from "../../../src/contract/api.d.ts";

export type { paths };

type Method = "get" | "post" | "put" | "patch" | "delete";
type Operation<P extends keyof paths, M extends Method> = M extends keyof paths[P]
  ? NonNullable<paths[P][M]>
  : never;
type JsonOf<R> = R extends { content: { "application/json": infer T } } ? T : never;

/** The JSON a successful call answers (200 or 201). */
export type ResponseOf<P extends keyof paths, M extends Method = "get"> =
  Operation<P, M> extends { responses: infer R }
    ? R extends { 200: infer Ok }
      ? JsonOf<Ok>
      : R extends { 201: infer Created }
        ? JsonOf<Created>
        : never
    : never;

/** The JSON body a call sends. */
export type BodyOf<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;

/** The query parameters a call takes. */
export type QueryOf<P extends keyof paths, M extends Method = "get"> =
  Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

export type Session = ResponseOf<"/api/v1/session">;
export type User = Session["user"];
export type Role = User["role"];
export type Claim = ResponseOf<"/api/v1/claims/{id}">;
export type ClaimList = ResponseOf<"/api/v1/claims">;
export type ClaimFilters = QueryOf<"/api/v1/claims">;
export type ClaimCreate = BodyOf<"/api/v1/claims", "post">;
export type ClaimPatch = BodyOf<"/api/v1/claims/{id}", "patch">;
export type ClaimDocument = ResponseOf<"/api/v1/claims/{id}/documents">["items"][number];
export type Comment = ResponseOf<"/api/v1/claims/{id}/comments">["items"][number];
export type HistoryEntry = ResponseOf<"/api/v1/claims/{id}/history">["items"][number];
export type Status = Claim["status"];
export type Action = Claim["allowedActions"][number];
