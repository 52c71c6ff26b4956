// A real SMTP server (smtp-server) on 127.0.0.1 for mail tests: it parses what arrives (mailparser)
// and can be switched to refuse mail, temporarily (421) or for good (550), like a real outage.
import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface CapturedMail {
  messageId: string;
  from: string;
  /** Envelope recipients. */
  to: string[];
  subject: string;
  text: string;
  html: string;
  language: string | null;
  parsed: ParsedMail;
}

export interface TestSmtp {
  url: string;
  messages: CapturedMail[];
  /** null: accept; 421: a temporary refusal; 550: a permanent one. */
  refuse: number | null;
  /** Resolves once at least n messages arrived (fails after timeoutMs): woken by each arrival. */
  waitFor(n: number, timeoutMs?: number): Promise<CapturedMail[]>;
  /** Resolves with the first message `match` accepts, as soon as it arrives (fails after timeoutMs). */
  waitForMail(match: (m: CapturedMail) => boolean, timeoutMs?: number): Promise<CapturedMail>;
  stop(): Promise<void>;
}

export async function startSmtp(): Promise<TestSmtp> {
  // Waiters re-check their condition on each arrival: no polling, and a timer only as a deadline.
  const waiters = new Set<() => void>();
  const arrival = (done: () => boolean, timeoutMs: number, why: () => string) =>
    new Promise<void>((resolve, reject) => {
      if (done()) return resolve();
      const check = () => {
        if (!done()) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(why()));
      }, timeoutMs);
      waiters.add(check);
    });
  const state: TestSmtp = {
    url: "",
    messages: [],
    refuse: null,
    waitFor: async (n, timeoutMs = 20_000) => {
      await arrival(
        () => state.messages.length >= n,
        timeoutMs,
        () => {
          return `expected ${n} messages, got ${state.messages.length} within ${timeoutMs} ms`;
        },
      );
      return state.messages;
    },
    waitForMail: async (match, timeoutMs = 20_000) => {
      await arrival(
        () => state.messages.some(match),
        timeoutMs,
        () => {
          return `no matching message among ${state.messages.length} within ${timeoutMs} ms`;
        },
      );
      const found = state.messages.find(match);
      if (!found) throw new Error("the matching message went away");
      return found;
    },
    stop: async () => {
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onMailFrom(_address, _session, cb) {
      if (state.refuse === null) return cb();
      const err = new Error(state.refuse >= 500 ? "mailbox unavailable" : "try again later") as Error & {
        responseCode: number;
      };
      err.responseCode = state.refuse;
      return cb(err);
    },
    onData(stream, session, cb) {
      simpleParser(stream)
        .then((parsed) => {
          state.messages.push({
            messageId: parsed.messageId ?? "",
            from: parsed.from?.text ?? "",
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : "",
            language: (parsed.headers.get("content-language") as string | undefined) ?? null,
            parsed,
          });
          for (const wake of [...waiters]) wake();
          cb();
        })
        .catch((err: Error) => cb(err));
    },
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const { port } = (server as unknown as { server: { address(): AddressInfo } }).server.address();
  state.url = `smtp://127.0.0.1:${port}`;
  return state;
}
