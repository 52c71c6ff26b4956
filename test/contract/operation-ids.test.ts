// Every documented operation has a unique `<feature>.<verb>` operationId from the one table
// (src/server/http/openapi/operation-ids.ts). A failure names the "METHOD /path" rows to add or drop.
import { beforeAll, describe, expect, it } from "vitest";
import { isRecord, type Json } from "../../src/server/http/openapi/json-tree.ts";
import { OPERATION_IDS } from "../../src/server/http/openapi/operation-ids.ts";
import { servedDocument } from "../../src/server/http/openapi/served-document.ts";

interface Operation {
  key: string;
  operationId: unknown;
}

function documented(doc: Json): Operation[] {
  const out: Operation[] = [];
  const paths = isRecord(doc.paths) ? doc.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isRecord(item)) continue;
    for (const [method, op] of Object.entries(item)) {
      if (!isRecord(op)) continue;
      // The table is keyed by the Fastify URL, as route files write it.
      const key = `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ":$1")}`;
      out.push({ key, operationId: op.operationId });
    }
  }
  return out;
}

describe("operationIds", () => {
  let ops: Operation[];
  beforeAll(async () => {
    ops = documented(await servedDocument());
  });

  it("every documented route has a row in OPERATION_IDS (add these keys)", () => {
    const missing = ops.filter((o) => typeof o.operationId !== "string").map((o) => o.key);
    expect(missing, "add these rows to src/server/http/openapi/operation-ids.ts").toEqual([]);
    expect(ops.length).toBeGreaterThan(80);
  });

  it("every row of OPERATION_IDS names a documented route (remove these keys)", () => {
    const keys = new Set(ops.map((o) => o.key));
    const stale = Object.keys(OPERATION_IDS).filter((k) => !keys.has(k));
    expect(stale, "remove these rows from src/server/http/openapi/operation-ids.ts").toEqual([]);
  });

  it("ids are unique and read <feature>.<verb>", () => {
    const ids = Object.values(OPERATION_IDS);
    const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(repeated).toEqual([]);
    expect(ids.filter((id) => !/^[a-z]+\.[a-z][A-Za-z]*$/.test(id))).toEqual([]);
  });
});
