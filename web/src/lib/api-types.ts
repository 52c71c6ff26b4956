// The API's types, read from the contract that openapi-typescript generates from the served
// OpenAPI document (src/contract/api.d.ts), never written by hand: when the server's answer
// changes, the app stops compiling where it no longer fits. Named by path, so that a schema's
// component name does not matter here.
import type { components, paths } from "../../../src/contract/api.d.ts";

export type { paths };
/** The document's named schemas (Claim, Session, Problem, ...). */
export type Schemas = components["schemas"];

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

export type Session = Schemas["Session"];
export type User = Schemas["User"];
export type Role = User["role"];
export type Claim = Schemas["Claim"];
export type ClaimList = Schemas["ClaimList"];
export type ClaimFilters = QueryOf<"/api/v1/claims">;
export type ClaimCreate = Schemas["ClaimCreate"];
export type ClaimPatch = Schemas["ClaimPatch"];
export type ClaimDocument = Schemas["Document"];
export type Comment = Schemas["Comment"];
export type HistoryEntry = Schemas["HistoryEntry"];
export type Problem = Schemas["Problem"];
export type Status = Claim["status"];
export type Action = Claim["allowedActions"][number];
