// Shared response declarations for the OpenAPI document.
import { Type } from "typebox";

export const ProblemRef = Type.Unsafe<{ code: string }>({ $ref: "Problem#" });

/** `{401: Problem, 404: Problem, ...}` for a route's schema.response. */
export function errors(...statuses: number[]): Record<number, typeof ProblemRef> {
  return Object.fromEntries(statuses.map((s) => [s, ProblemRef]));
}
