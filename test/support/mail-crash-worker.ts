// The victim of test/notify/mail-crash.test.ts: a mail sender that dies by SIGKILL right after the
// SMTP server accepted a message and before the message is marked sent — the worst moment.
// Input (environment): DATABASE_URL, DATA_DIR, SMTP_URL, MAIL_SECRET (hex), BASE_URL.
import { bootstrap } from "../../src/server/bootstrap.ts";
import { systemClock } from "../../src/server/context.ts";
import { sendDueMail } from "../../src/server/notify/mail-sender.ts";
import { createMailTransport } from "../../src/server/notify/mail-transport.ts";

function need(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`mail-crash-worker: ${name} is required`);
  return v;
}

const dataDir = need("DATA_DIR");
const ctx = await bootstrap({ databaseUrl: need("DATABASE_URL"), dataDir });
await sendDueMail({
  db: ctx.db,
  wall: systemClock,
  secret: Buffer.from(need("MAIL_SECRET"), "hex"),
  baseUrl: need("BASE_URL"),
  from: "Claimdesk <no-reply@example.test>",
  transport: createMailTransport(need("SMTP_URL"), dataDir, () => undefined),
  afterSend: async () => {
    process.kill(process.pid, "SIGKILL");
    await new Promise((r) => setTimeout(r, 10_000));
  },
});
process.stderr.write("mail-crash-worker: the sender returned without being killed\n");
process.exit(1);
