// ETag / If-Match for claims: the ETag is the claim's version, a strong validator.
import type { FastifyReply, FastifyRequest } from "fastify";

export function setEtag(reply: FastifyReply, version: number): void {
  reply.header("ETag", `"${version}"`);
}

/**
 * The version named by If-Match, if any. `*` matches any version. If-Match compares strongly
 * (RFC 9110 section 13.1.1), so a weak validator (`W/"3"`) matches no version, like a tag that is
 * not ours: both give NaN, and the use case answers 412 after 404 and 403.
 */
export function ifMatch(req: FastifyRequest): number | undefined {
  const raw = req.headers["if-match"];
  if (raw === undefined || raw.trim() === "*") return undefined;
  const m = /^\s*"?(\d+)"?\s*$/.exec(raw);
  return m ? Number(m[1]) : Number.NaN;
}
