// ETag / If-Match for claims: the ETag is the claim's version.
import type { FastifyReply, FastifyRequest } from "fastify";
import { HttpProblem } from "./problem.ts";

export function setEtag(reply: FastifyReply, version: number): void {
  reply.header("ETag", `"${version}"`);
}

/** The version named by If-Match, if any. `*` matches any version. */
export function ifMatch(req: FastifyRequest): number | undefined {
  const raw = req.headers["if-match"];
  if (raw === undefined || raw.trim() === "*") return undefined;
  const m = /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(raw);
  if (!m)
    throw new HttpProblem(
      412,
      "version_mismatch",
      `If-Match must be an ETag this server gave out, like "3" (got ${raw})`,
    );
  return Number(m[1]);
}
