// `npm run gen:api`: writes the served OpenAPI document and the client types generated from it
// (src/contract/openapi.json, src/contract/api.d.ts). test/contract/drift.test.ts fails when they
// no longer match what the server serves.
import { writeFileSync } from "node:fs";
import { documentText, generateTypes } from "@claimdesk/openapi-gen";
import { servedDocument } from "../src/server/http/openapi/served-document.ts";

const out = new URL("../src/contract/", import.meta.url);
const doc = await servedDocument();
writeFileSync(new URL("openapi.json", out), documentText(doc));
writeFileSync(new URL("api.d.ts", out), await generateTypes(doc));
console.log("wrote src/contract/openapi.json and src/contract/api.d.ts");
