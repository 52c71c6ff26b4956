// Who may read /metrics (docs/SECURITY.md "Metrics"): the figures tell request rates, error rates and
// queue depths, which an outsider should not see. With METRICS_TOKEN set, a scraper sends it as a
// bearer token; without it, only callers on this machine (loopback) are answered.
import { isIPv4, isIPv6 } from "node:net";
import type { FastifyRequest } from "fastify";
import { sameSecret } from "../auth/secrets.ts";
import { HttpProblem } from "./problem.ts";

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith("::ffff:") ? address.slice("::ffff:".length) : address;
  if (isIPv4(v4)) return v4.startsWith("127.");
  return isIPv6(address) && address === "::1";
}

export function metricsAccess(token: string | null | undefined) {
  return async (req: FastifyRequest): Promise<void> => {
    if (token) {
      const sent = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? "")?.[1]?.trim() ?? "";
      if (!sent || !sameSecret(sent, token))
        throw new HttpProblem(
          401,
          "unauthenticated",
          "send the metrics token (METRICS_TOKEN) as a bearer token",
        );
      return;
    }
    // The socket's own address: no forwarded header can claim to be local.
    if (!isLoopback(req.socket.remoteAddress))
      throw new HttpProblem(
        403,
        "forbidden",
        "metrics are served to this machine only unless METRICS_TOKEN is set",
      );
  };
}
