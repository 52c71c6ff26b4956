// Answers Fastify and Node give before any route runs, as problem+json like every other error
// (API.md §1.1): a path parameter over maxParamLength (414), a malformed URL (400), and a
// header block over Node's limit (431, written on the socket since no request object exists yet).
import type { Socket } from "node:net";
import type { FastifyError, FastifyReply, FastifyRequest, FastifyServerOptions } from "fastify";
import { problem, sendProblem } from "./problem.ts";

function frameworkErrors(err: FastifyError, _req: FastifyRequest, reply: FastifyReply): void {
  if (err.code === "FST_ERR_MAX_PARAM_LENGTH") {
    sendProblem(reply, problem(414, "uri_too_long", "a path parameter is longer than the server accepts"));
    return;
  }
  const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 400;
  sendProblem(
    reply,
    problem(status, "validation_failed", "the request URL is not valid", {
      errors: [{ field: "url", message: "is not a valid URL" }],
    }),
  );
}

function rawProblem(socket: Socket, status: number, reason: string, code: string, detail: string): void {
  const body = JSON.stringify(problem(status, code, detail));
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

function clientErrorHandler(err: Error & { code?: string }, socket: Socket): void {
  // A reset connection or one already closed has no one to answer.
  if (err.code === "ECONNRESET" || socket.destroyed || !socket.writable) {
    socket.destroy(err);
    return;
  }
  if (err.code === "HPE_HEADER_OVERFLOW")
    rawProblem(
      socket,
      431,
      "Request Header Fields Too Large",
      "headers_too_large",
      "the request headers are too large",
    );
  else if (err.code === "ERR_HTTP_REQUEST_TIMEOUT")
    rawProblem(socket, 408, "Request Timeout", "request_timeout", "the request took too long to arrive");
  else rawProblem(socket, 400, "Bad Request", "validation_failed", "the request is not valid HTTP");
}

/** Spread into Fastify's options. */
export const frameworkErrorOptions = {
  frameworkErrors,
  clientErrorHandler,
} satisfies Pick<FastifyServerOptions, "frameworkErrors" | "clientErrorHandler">;
