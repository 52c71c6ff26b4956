// Request validation. Bodies are checked strictly: no coercion (a JSON null must stay null, not
// become ""), no removal of unknown fields (they are refused). Query strings and path parameters
// arrive as text, so there numbers and booleans are coerced from it.
import { Ajv, type Options } from "ajv";
import addFormats from "ajv-formats";
import type { FastifySchema, FastifySchemaCompiler } from "fastify";
import type { FastifyValidationResult } from "fastify/types/schema.js";
import { findUnstorableText } from "./text-guard.ts";

function ajv(options: Options): Ajv {
  const instance = new Ajv({
    removeAdditional: false,
    useDefaults: true,
    allErrors: true,
    strict: false,
    ...options,
  });
  addFormats.default(instance);
  return instance;
}

export function validatorCompiler(shared: object[]): FastifySchemaCompiler<FastifySchema> {
  const strict = ajv({ coerceTypes: false });
  const lenient = ajv({ coerceTypes: "array" });
  for (const s of shared) {
    strict.addSchema(s);
    lenient.addSchema(s);
  }
  return ({ schema, httpPart }) => {
    const check = (httpPart === "body" ? strict : lenient).compile(schema as object);
    // NUL and lone surrogates are refused before the schema, in every part of every request.
    const guarded: FastifyValidationResult = (data: unknown) => {
      const fault = findUnstorableText(data);
      if (fault) {
        guarded.errors = [{ ...fault, keyword: "storableText", schemaPath: "#", params: {} }];
        return false;
      }
      const ok = check(data);
      guarded.errors = check.errors ?? null;
      return ok;
    };
    return guarded;
  };
}
