// Small helpers for walking the OpenAPI document as the JSON it is.
export type Json = Record<string, unknown>;

export const isRecord = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** The child object at `key`, created empty when missing. */
export function child(parent: Json, key: string): Json {
  const existing = parent[key];
  if (isRecord(existing)) return existing;
  const created: Json = {};
  parent[key] = created;
  return created;
}

/** The array at `key`, created empty when missing. */
export function list(parent: Json, key: string): unknown[] {
  const existing = parent[key];
  if (Array.isArray(existing)) return existing;
  const created: unknown[] = [];
  parent[key] = created;
  return created;
}

/** Calls `visit` on every object of the tree, depth first, parents before children. */
export function walk(node: unknown, visit: (o: Json) => void): void {
  if (Array.isArray(node)) for (const item of node) walk(item, visit);
  else if (isRecord(node)) {
    visit(node);
    for (const value of Object.values(node)) walk(value, visit);
  }
}
