// A crash between sending and marking sent (RULES.md §13): a real process is killed with
// SIGKILL just after the SMTP server accepted a message. After its lease runs out another sender
// sends the message again — one duplicate, with the same Message-ID — and nothing after that.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../src/server/ids.ts";
import { MAIL_LEASE_MS, sendDueMail } from "../../src/server/notify/mail-sender.ts";
import { createMailTransport } from "../../src/server/notify/mail-transport.ts";
import { subjectOf } from "../../src/server/notify/templates.ts";
import { ENGINES, openTestApp, type TestApp } from "../support/engines.ts";
import { startSmtp, type TestSmtp } from "../support/smtp.ts";

const BASE = "https://claims.example.test";

function runWorker(env: NodeJS.ProcessEnv): Promise<{ signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "test/support/mail-crash-worker.ts"], {
      env,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (b: Buffer) => {
      stderr += b.toString();
    });
    child.on("error", reject);
    child.on("exit", (_code, signal) => resolve({ signal, stderr }));
  });
}

describe.each(ENGINES)("a mail sender killed mid-send on %s", (engine) => {
  let app: TestApp;
  let smtp: TestSmtp;
  const secret = randomBytes(32);
  const id = newId();
  beforeAll(async () => {
    app = await openTestApp(engine);
    smtp = await startSmtp();
    const params = {
      claimId: newId(),
      number: "CA-2030-000777",
      customer: "Customer Ltd",
      tenantId: "t",
      partner: "Contoso",
      activity: "usage",
      products: ["Microsoft Teams"],
      due: null,
      reasons: [],
      comment: null,
      author: null,
      deadline: null,
      to: null,
      disputable: false,
      consentId: null,
    };
    await app.ctx.db.kysely
      .insertInto("mail_messages")
      .values({
        id,
        outbox_id: newId(),
        claim_id: null,
        template: "review_started",
        recipient_email: "paula@partner.example",
        recipient_name: "Paula",
        locale: "en",
        time_zone: "UTC",
        params: JSON.stringify(params),
        subject: subjectOf("review_started", params, { locale: "en", timeZone: "UTC" }),
        status: "pending",
        attempts: 0,
        available_at: Date.now(),
        created_at: Date.now(),
      })
      .execute();
  });
  afterAll(async () => {
    await smtp.stop();
    await app.close();
  });

  it("sends at most one duplicate, with the same Message-ID", async () => {
    const run = await runWorker({
      ...process.env,
      DATABASE_URL: app.db.url,
      DATA_DIR: app.db.dataDir,
      SMTP_URL: smtp.url,
      MAIL_SECRET: secret.toString("hex"),
      BASE_URL: BASE,
    });
    expect(run.stderr).toBe("");
    expect(run.signal).toBe("SIGKILL");
    expect(smtp.messages.map((m) => m.messageId)).toEqual([`<${id}@claims.example.test>`]);
    const held = await app.ctx.db.kysely
      .selectFrom("mail_messages")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(held).toMatchObject({ status: "pending", attempts: 1 });
    expect(Number(held.lease_until)).toBeGreaterThan(Date.now());

    const transport = createMailTransport(smtp.url, app.db.dataDir, () => undefined);
    const deps = {
      db: app.ctx.db,
      secret,
      baseUrl: BASE,
      from: "Claimdesk <no-reply@example.test>",
      transport,
    };
    // While the dead sender's lease holds, nobody takes the message over.
    expect((await sendDueMail({ ...deps, wall: { now: () => Date.now() } })).sent).toBe(0);
    const later = { now: () => Date.now() + MAIL_LEASE_MS + 1000 };
    expect((await sendDueMail({ ...deps, wall: later })).sent).toBe(1);
    expect((await sendDueMail({ ...deps, wall: later })).sent).toBe(0);
    transport.close();

    expect(smtp.messages.map((m) => m.messageId)).toEqual([
      `<${id}@claims.example.test>`,
      `<${id}@claims.example.test>`,
    ]);
    expect(smtp.messages[0]?.text).toBe(smtp.messages[1]?.text);
    const sent = await app.ctx.db.kysely
      .selectFrom("mail_messages")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(sent.status).toBe("sent");
  });
});
