// Per operation, what the route schemas leave out: problem+json errors, the headers the server reads
// and sends, and bodies that are files or CSV rather than JSON.
import { STATUS_CODES } from "node:http";
import { child, isRecord, type Json, list } from "./json-tree.ts";
import { ACCEPTED_LOCATION, BINARY, CSV, ETAG, IF_MATCH, LOCATION, MULTIPART } from "./operation-facts.ts";

const PROBLEM = "application/problem+json";
const PROBLEM_REF = "#/components/schemas/Problem";
const header = (description: string, schema: Json = { type: "string" }, required = false) => ({
  description,
  required,
  schema,
});

const REQUEST_HEADERS = {
  ifMatch: {
    name: "If-Match",
    in: "header",
    required: false,
    description: 'The claim\'s ETag (e.g. "7"): the change applies only to that version (412 otherwise)',
    schema: { type: "string" },
  },
  idempotencyKey: {
    name: "Idempotency-Key",
    in: "header",
    required: false,
    description:
      "1-255 characters, honoured for a signed-in caller. A repeat with the same key and body replays the first answer; another body answers 422, a repeat while the first runs 409. Kept 24 hours per caller.",
    schema: { type: "string", minLength: 1, maxLength: 255 },
  },
  csrf: {
    name: "X-CSRF-Token",
    in: "header",
    required: false,
    description: "Required with the session cookie (the csrfToken of the session); not with a bearer token",
    schema: { type: "string" },
  },
};

const METHODS = ["get", "put", "post", "delete", "patch"] as const;

/** Every operation of the document with its method and whether it needs a caller. */
export function* operations(doc: Json): Generator<{ method: string; op: Json }> {
  const paths = isRecord(doc.paths) ? doc.paths : {};
  for (const item of Object.values(paths)) {
    if (!isRecord(item)) continue;
    for (const method of METHODS) {
      const op = item[method];
      if (isRecord(op)) yield { method, op };
    }
  }
}

export function declareOperation(method: string, op: Json): void {
  const id = typeof op.operationId === "string" ? op.operationId : "";
  const isPublic = Array.isArray(op.security) && op.security.length === 0;
  const params = list(op, "parameters");
  if (IF_MATCH.has(id)) params.push(REQUEST_HEADERS.ifMatch);
  if (method === "post") params.push(REQUEST_HEADERS.idempotencyKey);
  if (method !== "get" && !isPublic) params.push(REQUEST_HEADERS.csrf);
  if (params.length === 0) delete op.parameters;

  // Every PATCH is a JSON merge patch, accepted under RFC 7396's own media type too.
  const body = isRecord(op.requestBody) && isRecord(op.requestBody.content) ? op.requestBody.content : null;
  if (method === "patch" && body?.["application/json"])
    body["application/merge-patch+json"] = body["application/json"];

  const multipart = MULTIPART[id];
  if (multipart) {
    op.requestBody = {
      required: true,
      content: {
        "multipart/form-data": {
          schema: {
            type: "object",
            required: ["file"],
            properties: { file: { type: "string", format: "binary", description: multipart } },
          },
          encoding: { file: { contentType: "application/octet-stream" } },
        },
      },
    };
  }

  const responses = child(op, "responses");
  for (const [status, response] of Object.entries(responses)) {
    if (!isRecord(response)) continue;
    const code = Number(status);
    // @fastify/swagger's placeholder says nothing: the status's own phrase does.
    if (response.description === "Default Response") response.description = STATUS_CODES[code] ?? status;
    const content = isRecord(response.content) ? response.content : undefined;
    // problem.ts sends every Problem as application/problem+json (other bodies, e.g. /readyz's 503, stay).
    const json = content?.["application/json"];
    if (isRecord(json) && isRecord(json.schema) && json.schema.$ref === PROBLEM_REF)
      response.content = { [PROBLEM]: json };
    const headers: Json = {};
    if (code === 429)
      headers["Retry-After"] = header("Seconds to wait before trying again", { type: "integer", minimum: 1 });
    if (code >= 200 && code < 300 && ETAG.has(id))
      headers.ETag = header(
        'The claim\'s version as a strong ETag (e.g. "7"): send it back in If-Match',
        { type: "string" },
        true,
      );
    if (code === 201 && LOCATION.has(id))
      headers.Location = header("The new resource's URL", { type: "string" }, true);
    if (code === 202 && ACCEPTED_LOCATION.has(id))
      headers.Location = header("Where to follow the accepted work", { type: "string" }, true);
    if (code === 200 && CSV.has(id)) {
      response.content = { "text/csv": { schema: { type: "string" } } };
      headers["Content-Disposition"] = header("attachment, with the file name");
    }
    if (code === 200 && BINARY.has(id)) {
      response.description = "The file's bytes, in the type it was stored with";
      response.content = { "application/octet-stream": { schema: { type: "string", format: "binary" } } };
      headers["Content-Disposition"] = header("attachment, with the file name");
    }
    if (Object.keys(headers).length > 0)
      response.headers = { ...(isRecord(response.headers) ? response.headers : {}), ...headers };
  }
}
