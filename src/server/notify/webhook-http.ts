// One webhook POST over node:http(s), with the egress policy's `lookup`, so that the address the
// socket connects to is the one the policy judged (fetch cannot take a lookup on Node 20). No
// redirect is followed (a 3xx is the answer); the whole exchange has a deadline; at most 64 KiB of
// the answer is read and the rest dropped: its content is not ours to keep, and a receiver that
// streams without end must not hold us.
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import type { WebhookEgress } from "./egress.ts";

const MAX_ANSWER_BYTES = 64 * 1024;

export class WebhookTimeoutError extends Error {
  constructor() {
    super("timed out");
    this.name = "TimeoutError";
  }
}

export function postWebhook(
  url: URL,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
  egress: WebhookEgress,
): Promise<number> {
  const request = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise<number>((resolve, reject) => {
    let status: number | null = null;
    const finish = () => {
      clearTimeout(timer);
      if (status !== null) resolve(status);
    };
    const req = request(
      url,
      {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "Claimdesk-Webhooks/1",
          "content-length": String(Buffer.byteLength(body)),
          ...headers,
        },
        lookup: egress.lookup,
        // A fresh connection per call: a pooled socket would skip the lookup, and with it the check.
        agent: false,
      },
      (res) => {
        status = res.statusCode ?? 0;
        let read = 0;
        res.on("data", (chunk: Buffer) => {
          read += chunk.byteLength;
          if (read >= MAX_ANSWER_BYTES) res.destroy();
        });
        // The status is what counts; an answer cut short does not change it.
        res.on("error", finish);
        res.on("close", finish);
        res.on("end", finish);
      },
    );
    const timer = setTimeout(() => req.destroy(new WebhookTimeoutError()), timeoutMs);
    req.on("error", (err) => {
      clearTimeout(timer);
      if (status !== null) resolve(status);
      else reject(err);
    });
    req.end(body);
  });
}
