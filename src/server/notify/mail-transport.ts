// Where mail goes: an SMTP server (SMTP_URL), or, without one, .eml files in the data folder that
// the log points to, so that a first run needs no mail server. Both are nodemailer transports, so
// the bytes written to a file are the bytes an SMTP server would get.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Transporter } from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import type StreamTransport from "nodemailer/lib/stream-transport";

export interface OutgoingMail {
  messageId: string;
  from: string;
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
  locale: string;
}

export interface MailTransport {
  readonly kind: "smtp" | "files";
  readonly describe: string;
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** A refusal the server will repeat (5xx): retrying it would not help. */
export function isPermanentSmtpError(err: unknown): boolean {
  const code = (err as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

function message(m: OutgoingMail) {
  return {
    messageId: m.messageId,
    from: m.from,
    to: m.to,
    subject: m.subject,
    text: m.text,
    html: m.html,
    headers: { "Auto-Submitted": "auto-generated", "Content-Language": m.locale },
  };
}

/**
 * nodemailer is loaded, and its transport made, with the first message rather than at start: a
 * quarter of a second of start-up that a server with nothing to send never needs.
 */
function lazily<T>(make: () => Promise<T>): { get(): Promise<T>; close(f: (t: T) => void): void } {
  let made: Promise<T> | undefined;
  return {
    get: () => {
      made ??= make();
      return made;
    },
    close: (f) => void made?.then(f),
  };
}

export function createMailTransport(
  smtpUrl: string | null,
  dataDir: string,
  log: (msg: string, extra: Record<string, unknown>) => void,
): MailTransport {
  if (smtpUrl) {
    // URL settings win over these defaults (nodemailer merges the parsed URL over the options).
    const t = lazily<Transporter<SMTPTransport.SentMessageInfo>>(async () =>
      (await import("nodemailer")).default.createTransport({
        url: smtpUrl,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      }),
    );
    const u = new URL(smtpUrl);
    return {
      kind: "smtp",
      describe: `smtp ${u.hostname}:${u.port || (u.protocol === "smtps:" ? 465 : 25)}`,
      send: async (m) => {
        await (await t.get()).sendMail(message(m));
      },
      close: () => t.close((x) => x.close()),
    };
  }
  const dir = join(dataDir, "mail");
  const t = lazily<Transporter<StreamTransport.SentMessageInfo>>(async () =>
    (await import("nodemailer")).default.createTransport({
      streamTransport: true,
      buffer: true,
      newline: "unix",
    }),
  );
  return {
    kind: "files",
    describe: `files in ${dir}`,
    send: async (m) => {
      const info = await (await t.get()).sendMail(message(m));
      mkdirSync(dir, { recursive: true });
      const local = m.messageId.replace(/^<|@.*$/g, "");
      const file = join(dir, `${local}.eml`);
      writeFileSync(file, info.message as Buffer);
      log("mail written to a file (no SMTP_URL)", { to: m.to.address, subject: m.subject, file });
    },
    close: () => t.close((x) => x.close()),
  };
}
