// ETag / If-Match for claims: the ETag is the claim's version.
import type { FastifyReply, FastifyRequest } from "fastify";

export function setEtag(reply: FastifyReply, version: number): void {
  reply.header("ETag", `"${version}"`);
}

/** The version named by If-Match, if any. `*` matches any version. */
export function ifMatch(req: FastifyRequest): number | undefined {
  const raw = req.headers["if-match"];
  if (raw === undefined || raw.trim() === "*") return undefined;
  const m = /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(raw);
  // Not an ETag of ours: it matches no version, so the use case answers 412 after 404 and 403.
  return m ? Number(m[1]) : Number.NaN;
}
