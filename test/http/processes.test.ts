// Several server processes on one database, and a graceful stop.
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../../src/server/server.ts";
import { createTestDb, ENGINES, type TestDb } from "../support/engines.ts";
import { ADMIN, Client, signInToken, testConfig } from "./http-support.ts";

const PG = ENGINES.includes("postgres");

const config = (db: TestDb) => testConfig(db, { documentStorage: "db" });

describe.skipIf(!PG)("two servers on one PostgreSQL database", () => {
  let db: TestDb;
  let one: RunningServer;
  let two: RunningServer;
  beforeAll(async () => {
    db = await createTestDb("postgres");
    [one, two] = [
      await startServer(config(db), { sweep: false }),
      await startServer(config(db), { sweep: false }),
    ];
  });
  afterAll(async () => {
    await one.stop();
    await two.stop();
    await db.drop();
  });

  it("share sessions, idempotency keys, the simulated clock and the sweeper's work", async () => {
    const res = await fetch(`${one.url}/api/v1/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(ADMIN),
    });
    const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    expect((await new Client(two.url).get("/api/v1/session", { cookie })).status).toBe(200);
    const token = await signInToken(one.url, ADMIN.email, ADMIN.password);
    const a = new Client(one.url, token);
    const b = new Client(two.url, token);
    const first = await a.post<{ id: string }>(
      "/api/v1/admin/organizations",
      { name: "Shared", partnerIds: ["5550001"] },
      { "idempotency-key": "k1" },
    );
    const replay = await b.post<{ id: string }>(
      "/api/v1/admin/organizations",
      { name: "Shared", partnerIds: ["5550001"] },
      { "idempotency-key": "k1" },
    );
    expect(replay.body.id).toBe(first.body.id);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    await a.put("/api/v1/system/clock", { now: "2031-01-06T09:00:00.000Z" });
    expect((await b.get<{ now: string }>("/api/v1/system/clock")).body.now).toBe("2031-01-06T09:00:00.000Z");
  });
});

describe("graceful stop", () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb("sqlite");
  });
  afterAll(() => db.drop());

  it("finishes a request in flight on SIGTERM, then exits 0", async () => {
    const { BASE_URL: _b, ...env } = process.env;
    const child = spawn(process.execPath, ["bin/claimdesk.js", "serve"], {
      env: {
        ...env,
        DATABASE_URL: db.url,
        PORT: "0",
        // info: the server logs each request as it arrives, which is the event this test waits for.
        LOG_LEVEL: "info",
        CLAIMDESK_ADMIN_EMAIL: ADMIN.email,
        CLAIMDESK_ADMIN_PASSWORD: ADMIN.password,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    const seen: { test: RegExp; resolve: (m: RegExpExecArray) => void }[] = [];
    const waitFor = (test: RegExp) =>
      new Promise<RegExpExecArray>((resolve) => {
        const m = test.exec(stdout);
        if (m) resolve(m);
        else seen.push({ test, resolve });
      });
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
      for (const w of [...seen]) {
        const m = w.test.exec(stdout);
        if (m) {
          seen.splice(seen.indexOf(w), 1);
          w.resolve(m);
        }
      }
    });
    const early = new Promise<never>((_, reject) =>
      child.on("exit", (code) => reject(new Error(`exited early: ${code}`))),
    );
    early.catch(() => undefined);
    const url = (await Promise.race([waitFor(/running at (http:\/\/\S+) /), early]))[1] ?? "";
    const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
    // SIGTERM lands once the server has the request (its "incoming request" log line), not after a
    // delay: on a busy machine a delay can elapse before the request arrives, and a request that
    // arrives after the stop began is rightly refused (503).
    const inFlight = fetch(`${url}/api/v1/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(ADMIN),
    });
    await waitFor(
      /"msg":"incoming request"[^\n]*\/api\/v1\/session|\/api\/v1\/session[^\n]*"msg":"incoming request"/,
    );
    child.kill("SIGTERM");
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(await exited).toBe(0);
  });
});
