// @fastify/swagger options that make the served document usable by a generator as it is: real
// component names, public operations without a security requirement, problem+json errors, the
// headers of the conditional, idempotent and CSRF-protected requests, files and CSV, and `servers`.
import type { SwaggerTransform, SwaggerTransformObject } from "@fastify/swagger";
import { declareOperation, operations } from "./declare-operations.ts";
import { isRecord } from "./json-tree.ts";
import { refResolver, SchemaNames, unwrapSingleRefs } from "./name-schemas.ts";

export function openapiOptions(baseUrl: string | undefined) {
  const names = new SchemaNames();
  return {
    refResolver,
    transform: (({ schema, url, route }) => {
      const out = names.wrap(schema);
      // Sign-in, health, consent links and the like answer without a caller.
      if (route.config?.auth === false && out.security === undefined) out.security = [];
      return { schema: out, url };
    }) satisfies SwaggerTransform,
    transformObject: ((documentObject) => {
      if (!("openapiObject" in documentObject)) return documentObject.swaggerObject;
      const doc: unknown = documentObject.openapiObject;
      if (isRecord(doc)) {
        unwrapSingleRefs(doc);
        doc.servers = [{ url: baseUrl ?? "/", description: "this server (BASE_URL)" }];
        if (isRecord(doc.info)) doc.info.license = { name: "MIT", identifier: "MIT" };
        for (const { method, op } of operations(doc)) declareOperation(method, op);
      }
      return documentObject.openapiObject;
    }) satisfies SwaggerTransformObject,
  };
}
