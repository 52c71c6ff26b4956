// What a generator needs from the served document, checked one by one: named components (no def-N,
// no inline copies), problem+json errors, files, CSV, the conditional / idempotent / CSRF headers,
// ETag and Location, Retry-After, public operations without security, and `servers`.
import { beforeAll, describe, expect, it } from "vitest";
import { operations } from "../../src/server/http/openapi/declare-operations.ts";
import { isRecord, type Json, walk } from "../../src/server/http/openapi/json-tree.ts";
import { servedDocument } from "../../src/server/http/openapi/served-document.ts";

let doc: Json;
const byId = new Map<string, { method: string; op: Json }>();

const headerNames = (op: Json) =>
  (Array.isArray(op.parameters) ? op.parameters : []).flatMap((p) =>
    isRecord(p) && p.in === "header" && typeof p.name === "string" ? [p.name] : [],
  );
const responsesOf = (op: Json): [number, Json][] =>
  Object.entries(isRecord(op.responses) ? op.responses : {}).flatMap(([s, r]): [number, Json][] =>
    isRecord(r) ? [[Number(s), r]] : [],
  );
const mediaTypes = (r: Json) => Object.keys(isRecord(r.content) ? r.content : {});
const op = (id: string) => {
  const found = byId.get(id);
  if (!found) throw new Error(`no operation ${id}`);
  return found.op;
};

beforeAll(async () => {
  doc = await servedDocument();
  for (const o of operations(doc)) if (typeof o.op.operationId === "string") byId.set(o.op.operationId, o);
});

describe("the served OpenAPI document", () => {
  it("names its component schemas and references them instead of copying them", () => {
    const schemas =
      isRecord(doc.components) && isRecord(doc.components.schemas) ? doc.components.schemas : {};
    const names = Object.keys(schemas);
    expect(names).toEqual(
      expect.arrayContaining(["Claim", "ClaimList", "ClaimCreate", "ClaimPatch", "Document", "Comment"]),
    );
    expect(names).toEqual(expect.arrayContaining(["HistoryEntry", "Problem", "User", "Session"]));
    expect(names.filter((n) => /^def-\d+$/.test(n))).toEqual([]);
    // A copy of Claim would repeat its property list somewhere under paths.
    const claimKeys = JSON.stringify(
      Object.keys(isRecord(schemas.Claim) ? (schemas.Claim.properties ?? {}) : {}),
    );
    const copies: string[] = [];
    walk(doc.paths, (o) => {
      if (isRecord(o.properties) && JSON.stringify(Object.keys(o.properties)) === claimKeys)
        copies.push("Claim");
    });
    expect(copies).toEqual([]);
  });

  it("declares every Problem answer as application/problem+json, and Retry-After on 429", () => {
    const wrong: string[] = [];
    for (const { op: o } of operations(doc)) {
      for (const [status, r] of responsesOf(o)) {
        if (status >= 400 && status < 500 && !mediaTypes(r).includes("application/problem+json"))
          wrong.push(`${o.operationId} ${status}`);
        if (status === 429 && !(isRecord(r.headers) && r.headers["Retry-After"]))
          wrong.push(`${o.operationId} 429`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("declares uploads as multipart, exports as CSV and downloads as binary", () => {
    for (const id of ["documents.upload", "customers.import", "revenue.import"]) {
      const body = op(id).requestBody;
      expect(isRecord(body) && isRecord(body.content) && Object.keys(body.content), id).toEqual([
        "multipart/form-data",
      ]);
    }
    for (const id of ["claims.export", "payouts.export"]) {
      const ok = responsesOf(op(id)).find(([s]) => s === 200)?.[1];
      expect(ok && mediaTypes(ok), id).toEqual(["text/csv"]);
    }
    const download = responsesOf(op("documents.download")).find(([s]) => s === 200)?.[1];
    expect(download && mediaTypes(download)).toEqual(["application/octet-stream"]);
  });

  it("declares If-Match, Idempotency-Key and X-CSRF-Token where the server reads them", () => {
    expect(headerNames(op("claims.update"))).toContain("If-Match");
    expect(headerNames(op("claims.approve"))).toEqual(
      expect.arrayContaining(["If-Match", "Idempotency-Key", "X-CSRF-Token"]),
    );
    for (const { method, op: o } of operations(doc)) {
      const names = headerNames(o);
      if (method === "post") expect(names, String(o.operationId)).toContain("Idempotency-Key");
      const isPublic = Array.isArray(o.security) && o.security.length === 0;
      if (method !== "get" && !isPublic) expect(names, String(o.operationId)).toContain("X-CSRF-Token");
    }
  });

  it("declares ETag on the claim's answers and Location on the 201s that send it", () => {
    const headersOf = (id: string, status: number) => {
      const r = responsesOf(op(id)).find(([s]) => s === status)?.[1];
      return Object.keys(r && isRecord(r.headers) ? r.headers : {});
    };
    for (const id of ["claims.get", "claims.update", "claims.submit", "claims.startReview"])
      expect(headersOf(id, 200), id).toContain("ETag");
    expect(headersOf("claims.create", 201)).toEqual(expect.arrayContaining(["ETag", "Location"]));
    expect(headersOf("claims.copy", 201)).toEqual(expect.arrayContaining(["ETag", "Location"]));
  });

  it("has no security requirement on public operations, and a server", () => {
    for (const id of ["session.create", "health.live", "health.ready", "consent.get", "consent.confirm"])
      expect(op(id).security, id).toEqual([]);
    expect(op("claims.list").security).toBeUndefined(); // the document's default: session or bearer
    expect(doc.servers).toEqual([expect.objectContaining({ url: "/" })]);
  });
});
