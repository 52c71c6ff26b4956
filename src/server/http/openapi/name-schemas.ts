// Component schemas with real names. @fastify/swagger emits a schema as a component only when it is
// nested in a route schema and has an `$id`; it then names it by `refResolver.buildLocalReference`,
// whose default answers `def-N`. So: that option answers the `$id`, and the route-level schemas
// (a body or a response that is a named schema itself) are wrapped in a one-member `allOf` for the
// resolver to find, the wrapper being removed again from the finished document.
import type { FastifySchema } from "fastify";
import { COMPONENT_NAMES } from "./component-names.ts";
import { isRecord, type Json, walk } from "./json-tree.ts";

export const refResolver = {
  buildLocalReference: (json: Json, _baseUri: unknown, _fragment: string, i: number) =>
    typeof json.$id === "string" ? json.$id : `def-${i}`,
};

export class SchemaNames {
  // One schema per name: a second, different schema under a taken name is a mistake to fix.
  private readonly seen = new Map<string, string>();

  /** The route schema with its body and responses wrapped where they are (or are named as) components. */
  wrap(schema: FastifySchema): FastifySchema {
    const names = COMPONENT_NAMES[schema.operationId ?? ""] ?? {};
    const out: FastifySchema = { ...schema };
    const where = schema.operationId ?? "an operation without operationId";
    if (schema.body !== undefined) out.body = this.named(schema.body, names.body, `${where}'s body`);
    if (isRecord(schema.response)) {
      const response: Json = {};
      for (const [status, s] of Object.entries(schema.response))
        response[status] = this.named(s, names.responses?.[Number(status)], `${where}'s ${status} answer`);
      out.response = response;
    }
    return out;
  }

  private named(s: unknown, tableName: string | undefined, where: string): unknown {
    if (!isRecord(s)) return s;
    const own = typeof s.$id === "string" && !s.$id.startsWith("#") ? s.$id : undefined;
    const name = own ?? tableName;
    if (!name) return s;
    const schema = own ? s : { ...s, $id: name };
    const text = JSON.stringify(schema);
    const earlier = this.seen.get(name);
    if (earlier !== undefined && earlier !== text)
      throw new Error(
        `OpenAPI: ${where} is named ${name}, but another schema has that name: rename it (openapi/component-names.ts)`,
      );
    this.seen.set(name, text);
    return { allOf: [schema] };
  }
}

/** `{allOf: [{$ref}]}` back to `{$ref}` once the resolver has made the named schemas components. */
export function unwrapSingleRefs(doc: Json): void {
  walk(doc, (o) => {
    for (const [key, value] of Object.entries(o)) {
      if (!isRecord(value) || Object.keys(value).length !== 1 || !Array.isArray(value.allOf)) continue;
      const [only, ...rest] = value.allOf;
      if (rest.length === 0 && isRecord(only) && Object.keys(only).length === 1 && "$ref" in only)
        o[key] = only;
    }
  });
}
