// The committed contract (src/contract/openapi.json and the client types in api.d.ts) is what the
// server serves now: a route or schema change without `npm run gen:api` fails here.
import { readFileSync } from "node:fs";
import { documentText, generateTypes } from "@claimdesk/openapi-gen";
import { describe, expect, it } from "vitest";
import { servedDocument } from "../../src/server/http/openapi/served-document.ts";

const committed = (name: string) =>
  readFileSync(new URL(`../../src/contract/${name}`, import.meta.url), "utf8");

describe("the committed API contract", () => {
  it("equals what the served document generates (run `npm run gen:api` after a change)", async () => {
    const doc = await servedDocument();
    expect(await generateTypes(doc)).toBe(committed("api.d.ts"));
    expect(documentText(doc)).toBe(committed("openapi.json"));
  });
});
