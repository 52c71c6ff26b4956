// Webhooks end to end, on both engines, against a real HTTP receiver (node:http on 127.0.0.1):
// who may register and manage endpoints (and that the secret is shown once); what a delivery looks
// like and how a receiver verifies its signature (verifySignature below is the documented recipe);
// that an organisation's endpoints hear only its own claims and the operator's hear all; retries
// with back-off on errors, refused connections and timeouts, giving up after WEBHOOK_MAX_ATTEMPTS,
// and redelivery; secret rotation and deletion; and that two notifiers running at once deliver each
// event exactly once. The notifier's real-time clock is a ManualClock, so back-off is exact.
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/server/context.ts";
import { WEBHOOK_BREAKER_FAILURES, WEBHOOK_BREAKER_PERIOD_MS } from "../../src/server/notify/breaker.ts";
import { WEBHOOK_MAX_ATTEMPTS } from "../../src/server/notify/webhook-sender.ts";
import { type RunningServer, startServer } from "../../src/server/server.ts";
import { type Client, startTestServer, type TestServer, testConfig } from "../http/http-support.ts";
import { type HttpOrg, type HttpWorld, httpWorld, pdfBytes } from "../http/http-world.ts";
import { ENGINES } from "../support/engines.ts";

// ---------------------------------------------------------------------------------------------
// The receiver's side.

/**
 * How a receiver checks `Claimdesk-Signature: t=<unix seconds>,v1=<hex>`: recompute
 * HMAC-SHA256(secret, `${t}.${raw body}`) over the raw bytes, compare in constant time, and refuse
 * a timestamp too far from now (replays).
 */
function verifySignature(
  secret: string,
  header: string | undefined,
  rawBody: Buffer,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header ?? "");
  if (!m) return false;
  const t = Number(m[1]);
  if (Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = createHmac("sha256", secret).update(`${t}.`).update(rawBody).digest();
  const given = Buffer.from(m[2] ?? "", "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

interface Hit {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  raw: Buffer;
}

interface WebhookBody {
  id: string;
  type: string;
  occurredAt: string;
  claim: { id: string; number: string; organizationId: string; status: string };
  actor: { kind: string; name: string };
  data: Record<string, unknown>;
}

const bodyOf = (h: Hit) => JSON.parse(h.raw.toString("utf8")) as WebhookBody;
const header = (h: Hit, name: string) => {
  const v = h.headers[name];
  return Array.isArray(v) ? v.join(",") : v;
};
const eventsOf = (hits: Hit[]) => hits.map((h) => header(h, "claimdesk-event")).sort();

/** A webhook receiver that records every request and answers what the test says. */
class Receiver {
  readonly hits: Hit[] = [];
  /** The status to answer with, or "hang" to never answer (the sender's timeout). */
  answer: number | "hang" = 200;
  /** Answer this much later (so that concurrent senders overlap). */
  delayMs = 0;
  port = 0;
  readonly #server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      this.hits.push({
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers,
        raw: Buffer.concat(chunks),
      });
      const answer = this.answer;
      if (answer === "hang") return;
      const headers = { "content-type": "text/plain", location: this.url("/elsewhere") };
      setTimeout(() => res.writeHead(answer, headers).end("thanks"), this.delayMs);
    });
  });

  static async start(port = 0): Promise<Receiver> {
    const r = new Receiver();
    await new Promise<void>((resolve, reject) => {
      r.#server.once("error", reject);
      r.#server.listen(port, "127.0.0.1", () => resolve());
    });
    r.port = (r.#server.address() as AddressInfo).port;
    return r;
  }

  url(path = "/hook"): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  at(path: string): Hit[] {
    return this.hits.filter((h) => h.path === path);
  }

  close(): Promise<void> {
    this.#server.closeAllConnections();
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }
}

/** A port nothing listens on (for "connection refused"). */
async function closedPort(): Promise<number> {
  const r = await Receiver.start();
  await r.close();
  return r.port;
}

// ---------------------------------------------------------------------------------------------
// The API's side.

interface WebhookJson {
  id: string;
  organizationId: string | null;
  url: string;
  description: string;
  events: string[] | null;
  createdAt: string;
  secret?: string;
  consecutiveFailures?: number;
  pausedAt?: string | null;
  pausedReason?: string | null;
  abilities?: { edit: boolean; delete: boolean; rotateSecret: boolean; redeliver: boolean; resume: boolean };
}

interface Note {
  id: string;
  event: string;
  title: string;
  claimId: string | null;
  webhookId: string | null;
}

interface Attempt {
  attempt: number;
  at: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

interface Delivery {
  id: string;
  event: string;
  status: "pending" | "delivered" | "failed";
  attempts: number;
  createdAt: string;
  deliveredAt: string | null;
  nextAttemptAt: string | null;
  lastError: string | null;
  body: string;
  log: Attempt[];
}

interface ProblemJson {
  code: string;
  errors?: { field: string; message: string }[];
}

const SECOND = 1000;
const HOUR = 3600 * SECOND;
/** The documented back-off after the n-th failed attempt: 30 s, 60 s, 120 s ... at most 6 h. */
const backoffAfter = (n: number) => Math.min(6 * HOUR, 30 * SECOND * 2 ** (n - 1));

describe.each(ENGINES)("webhooks on %s", (engine) => {
  let t: TestServer;
  let w: HttpWorld;
  let wall: ManualClock;
  const receivers: Receiver[] = [];

  beforeAll(async () => {
    wall = new ManualClock(Date.now());
    t = await startTestServer(engine, {}, undefined, { wall });
    w = await httpWorld(t);
  });
  afterAll(() => t.stop());
  // Each test registers its own endpoints and receivers; none outlives it (not even one that a
  // wrongly accepted registration left behind).
  afterEach(async () => {
    for (const owner of [w.a.global, w.b.global, t.admin]) {
      const list = await owner.get<{ items: WebhookJson[] }>("/api/v1/webhooks");
      for (const h of list.body.items) await owner.delete(`/api/v1/webhooks/${h.id}`);
    }
    for (const r of receivers.splice(0)) await r.close();
  });

  async function receiver(port = 0): Promise<Receiver> {
    const r = await Receiver.start(port);
    receivers.push(r);
    return r;
  }

  async function register(
    owner: Client,
    body: Record<string, unknown>,
  ): Promise<{ id: string; secret: string; json: WebhookJson }> {
    const res = await owner.post<WebhookJson>("/api/v1/webhooks", body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return { id: res.body.id, secret: res.body.secret ?? "", json: res.body };
  }

  async function deliveries(owner: Client, hookId: string): Promise<Delivery[]> {
    const res = await owner.get<{ items: Delivery[] }>(`/api/v1/webhooks/${hookId}/deliveries`);
    expect(res.status).toBe(200);
    return res.body.items;
  }

  async function onlyDelivery(owner: Client, hookId: string): Promise<Delivery> {
    const items = await deliveries(owner, hookId);
    expect(items).toHaveLength(1);
    return items[0] as Delivery;
  }

  async function newClaim(org: HttpOrg): Promise<{ id: string; number: string }> {
    const c = await org.incentives.post<{ id: string; number: string }>(
      "/api/v1/claims",
      w.claimBody(org, await w.customer()),
    );
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    return c.body;
  }

  async function submittedClaim(org: HttpOrg): Promise<{ id: string; number: string }> {
    const c = await claimWithDocument(org);
    const s = await org.incentives.post(`/api/v1/claims/${c.id}/actions/submit`, {});
    expect(s.status, JSON.stringify(s.body)).toBe(200);
    return c;
  }

  /** A new claim with one document: one document_added event (the retry tests' unit of work). */
  async function claimWithDocument(org: HttpOrg): Promise<{ id: string; number: string }> {
    const c = await newClaim(org);
    expect((await org.incentives.upload(c.id, pdfBytes(), "poe.pdf", "application/pdf")).status).toBe(201);
    return c;
  }

  const nowSeconds = () => Math.floor(wall.now() / 1000);
  /** Everything but claim.created, which "announces a new claim" checks on its own. */
  const lifecycle = (hits: Hit[]) => hits.filter((h) => header(h, "claimdesk-event") !== "claim.created");
  const DOCS = { events: ["document_added"] };

  describe("registration and management", () => {
    it("lets an organisation's global admin register an endpoint and shows the secret only once", async () => {
      const r = await w.a.global.post<WebhookJson>("/api/v1/webhooks", {
        url: "http://127.0.0.1:9/hook",
        description: "ERP",
      });
      expect(r.status).toBe(201);
      expect(r.body.secret).toMatch(/^whsec_.{20,}$/);
      expect(r.headers.get("location")).toBe(`/api/v1/webhooks/${r.body.id}`);
      expect(r.body).toMatchObject({
        organizationId: w.a.id,
        url: "http://127.0.0.1:9/hook",
        description: "ERP",
        events: null,
      });
      const secret = r.body.secret ?? "";

      const list = await w.a.global.get<{ items: WebhookJson[] }>("/api/v1/webhooks");
      expect(list.status).toBe(200);
      expect(list.body.items.map((h) => h.id)).toContain(r.body.id);
      const one = await w.a.global.get<WebhookJson>(`/api/v1/webhooks/${r.body.id}`);
      expect(one.status).toBe(200);
      expect(one.body.url).toBe("http://127.0.0.1:9/hook");
      const patched = await w.a.global.patch<WebhookJson>(`/api/v1/webhooks/${r.body.id}`, {
        description: "ERP (prod)",
        events: ["approved", "rejected"],
      });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({ description: "ERP (prod)", events: ["approved", "rejected"] });
      for (const shown of [list.body, one.body, patched.body]) {
        expect(JSON.stringify(shown)).not.toContain(secret);
        expect(JSON.stringify(shown)).not.toContain('"secret"');
      }
      // Two registrations get two different secrets.
      const other = await register(w.a.global, { url: "http://127.0.0.1:9/other" });
      expect(other.secret).toMatch(/^whsec_/);
      expect(other.secret).not.toBe(secret);
    });

    it("refuses the organisation's other admins (403) and hides the endpoint from other organisations (404)", async () => {
      const hook = await register(w.a.global, { url: "http://127.0.0.1:9/hook", description: "mine" });
      for (const c of [w.a.billing, w.a.incentives]) {
        const post = await c.post<ProblemJson>("/api/v1/webhooks", { url: "http://127.0.0.1:9/x" });
        expect(post.status).toBe(403);
        expect(post.body.code).toBe("forbidden");
        expect((await c.get("/api/v1/webhooks")).status).toBe(403);
        expect((await c.get(`/api/v1/webhooks/${hook.id}`)).status).toBe(403);
        expect((await c.delete(`/api/v1/webhooks/${hook.id}`)).status).toBe(403);
      }
      const b = w.b.global;
      const path = `/api/v1/webhooks/${hook.id}`;
      const answers = [
        (await b.get<ProblemJson>(path)).status,
        (await b.patch<ProblemJson>(path, { description: "taken over", url: "http://127.0.0.1:9/b" })).status,
        (await b.post(`${path}/rotate-secret`)).status,
        (await b.get(`${path}/deliveries`)).status,
        (await b.delete(path)).status,
        // The operator manages its own endpoints, not an organisation's.
        (await t.admin.get(path)).status,
      ];
      expect(answers).toEqual([404, 404, 404, 404, 404, 404]);
      const bList = await b.get<{ items: WebhookJson[] }>("/api/v1/webhooks");
      expect(bList.status).toBe(200);
      expect(bList.body.items.map((h) => h.id)).not.toContain(hook.id);
      // Untouched.
      const still = await w.a.global.get<WebhookJson>(path);
      expect(still.status).toBe(200);
      expect(still.body).toMatchObject({ description: "mine", url: "http://127.0.0.1:9/hook" });
    });

    it("lets the program admin register an operator endpoint, kept apart from the organisations'", async () => {
      const op = await register(t.admin, { url: "http://127.0.0.1:9/operator" });
      expect(op.json.organizationId).toBeNull();
      expect(op.secret).toMatch(/^whsec_/);
      const a = await register(w.a.global, { url: "http://127.0.0.1:9/a" });
      const opList = await t.admin.get<{ items: WebhookJson[] }>("/api/v1/webhooks");
      expect(opList.body.items.map((h) => h.id)).toEqual([op.id]);
      const aList = await w.a.global.get<{ items: WebhookJson[] }>("/api/v1/webhooks");
      expect(aList.body.items.map((h) => h.id)).toEqual([a.id]);
      expect((await w.a.global.get(`/api/v1/webhooks/${op.id}`)).status).toBe(404);
      // A reviewer is operator staff but does not manage endpoints.
      expect((await w.reviewer.get("/api/v1/webhooks")).status).toBe(403);
      expect((await w.reviewer.post("/api/v1/webhooks", { url: "http://127.0.0.1:9/r" })).status).toBe(403);
    });

    it("refuses URLs that are not absolute http(s) URLs without credentials, and unknown events (422)", async () => {
      for (const url of [
        "not a url",
        "/relative/hook",
        "ftp://127.0.0.1/hook",
        "file:///etc/passwd",
        "http://user:pass@127.0.0.1/hook",
        "https://token@hooks.example.com/in",
        "https://hooks.example.com/in#fragment",
      ]) {
        const r = await w.a.global.post<ProblemJson>("/api/v1/webhooks", { url });
        expect(r.status, url).toBe(422);
        expect(r.body.code, url).toBe("validation_failed");
        expect(
          r.body.errors?.map((e) => e.field),
          url,
        ).toEqual(["url"]);
      }
      const unknownEvent = await w.a.global.post<ProblemJson>("/api/v1/webhooks", {
        url: "http://127.0.0.1:9/hook",
        events: ["submitted", "claim_exploded"],
      });
      expect(unknownEvent.status).toBe(422);
      expect(unknownEvent.body.code).toBe("validation_failed");
      const fields = unknownEvent.body.errors?.map((e) => e.field) ?? [];
      expect(fields).toContain("events.1");
      expect(fields.every((f) => f.startsWith("events"))).toBe(true);
      const noEvents = await w.a.global.post<ProblemJson>("/api/v1/webhooks", {
        url: "http://127.0.0.1:9/hook",
        events: [],
      });
      expect(noEvents.status).toBe(422);
      // A PATCH is checked the same way.
      const hook = await register(w.a.global, { url: "http://127.0.0.1:9/hook" });
      const patched = await w.a.global.patch<ProblemJson>(`/api/v1/webhooks/${hook.id}`, {
        url: "ftp://127.0.0.1/hook",
      });
      expect(patched.status).toBe(422);
      expect(patched.body.errors?.map((e) => e.field)).toEqual(["url"]);
      // Nothing of the refused requests was registered.
      const list = await w.a.global.get<{ items: WebhookJson[] }>("/api/v1/webhooks");
      expect(list.body.items.map((h) => h.url)).toEqual(["http://127.0.0.1:9/hook"]);
    });
  });

  describe("delivery and signature", () => {
    it("delivers a claim's events signed, to its organisation's and the operator's endpoints only", async () => {
      const rx = await receiver();
      const a = await register(w.a.global, { url: rx.url("/a") });
      const onlySubmitted = await register(w.a.global, {
        url: rx.url("/a-submitted"),
        events: ["submitted"],
      });
      const b = await register(w.b.global, { url: rx.url("/b") });
      const op = await register(t.admin, { url: rx.url("/operator") });

      const claim = await submittedClaim(w.a);
      const bClaim = await submittedClaim(w.b);
      const round = await t.server.notifier.runOnce();
      const sentAt = nowSeconds();

      // Organisation a's endpoint: the claim's events, nothing of b's. (claim.created is left out
      // here and checked by its own test below.)
      const aHits = rx.at("/a");
      expect(eventsOf(lifecycle(aHits))).toEqual(["claim.document_added", "claim.submitted"]);
      expect(aHits.every((h) => bodyOf(h).claim.id === claim.id)).toBe(true);
      // The filtered endpoint hears only what it asked for.
      expect(eventsOf(rx.at("/a-submitted"))).toEqual(["claim.submitted"]);
      // Organisation b's endpoint hears its own claim and nothing of a's.
      const bHits = rx.at("/b");
      expect(eventsOf(lifecycle(bHits))).toEqual(["claim.document_added", "claim.submitted"]);
      expect(bHits.every((h) => bodyOf(h).claim.id === bClaim.id)).toBe(true);
      expect(bHits.every((h) => bodyOf(h).claim.organizationId === w.b.id)).toBe(true);
      // The operator's endpoint hears both organisations.
      const opHits = rx.at("/operator");
      expect(eventsOf(lifecycle(opHits))).toEqual([
        "claim.document_added",
        "claim.document_added",
        "claim.submitted",
        "claim.submitted",
      ]);
      expect(new Set(opHits.map((h) => bodyOf(h).claim.id))).toEqual(new Set([claim.id, bClaim.id]));
      expect(new Set(opHits.map((h) => bodyOf(h).claim.organizationId))).toEqual(new Set([w.a.id, w.b.id]));
      expect(lifecycle(rx.hits)).toHaveLength(2 + 1 + 2 + 4);
      expect(round.webhooks).toEqual({ delivered: rx.hits.length, retrying: 0, failed: 0 });

      // Every request: a signed JSON POST.
      const secretOf = new Map([
        ["/a", a.secret],
        ["/a-submitted", onlySubmitted.secret],
        ["/b", b.secret],
        ["/operator", op.secret],
      ]);
      for (const h of rx.hits) {
        expect(h.method).toBe("POST");
        expect(header(h, "content-type")).toMatch(/^application\/json/);
        expect(header(h, "user-agent")).toBe("Claimdesk-Webhooks/1");
        expect(header(h, "claimdesk-event")).toBe(bodyOf(h).type);
        expect(header(h, "claimdesk-delivery")).toMatch(/^[0-9a-f-]{36}$/);
        const sig = header(h, "claimdesk-signature") ?? "";
        expect(sig).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
        // Timestamped with the notifier's clock at sending.
        expect(sig.startsWith(`t=${sentAt},`)).toBe(true);
        expect(verifySignature(secretOf.get(h.path) ?? "", sig, h.raw, sentAt)).toBe(true);
      }

      // The recipe refuses a body altered by one byte, another endpoint's secret, and a replay.
      const submitted = aHits.find((h) => header(h, "claimdesk-event") === "claim.submitted") as Hit;
      const sig = header(submitted, "claimdesk-signature");
      expect(verifySignature(a.secret, sig, submitted.raw, sentAt)).toBe(true);
      const altered = Buffer.from(submitted.raw);
      altered[altered.length - 2] = (altered[altered.length - 2] ?? 0) ^ 1;
      expect(verifySignature(a.secret, sig, altered, sentAt)).toBe(false);
      expect(verifySignature(b.secret, sig, submitted.raw, sentAt)).toBe(false);
      expect(verifySignature(`${a.secret}x`, sig, submitted.raw, sentAt)).toBe(false);
      expect(verifySignature(a.secret, sig, submitted.raw, sentAt + 3600)).toBe(false);

      // The body of claim.submitted.
      const claimNow = await w.a.incentives.get<{ status: string; number: string }>(
        `/api/v1/claims/${claim.id}`,
      );
      const body = bodyOf(submitted);
      expect(Object.keys(body).sort()).toEqual(["actor", "claim", "data", "id", "occurredAt", "type"]);
      expect(body.type).toBe("claim.submitted");
      expect(body.claim).toEqual({
        id: claim.id,
        number: claim.number,
        organizationId: w.a.id,
        status: "submitted",
      });
      expect(claimNow.body.status).toBe("submitted");
      expect(body.occurredAt).toBe(new Date(t.server.ctx.clock.now()).toISOString());
      expect(body.actor.kind).toBe("user");
      expect(typeof body.data).toBe("object");
      expect(body.data).not.toBeNull();
      // The event's id is the same for every endpoint; each delivery has its own id.
      // The operator hears both organisations' claims: pick organisation a's.
      const opSubmitted = opHits.find(
        (h) => header(h, "claimdesk-event") === "claim.submitted" && bodyOf(h).claim.id === claim.id,
      ) as Hit;
      const filteredSubmitted = rx.at("/a-submitted")[0] as Hit;
      expect(bodyOf(opSubmitted).id).toBe(body.id);
      expect(bodyOf(filteredSubmitted).id).toBe(body.id);
      expect(
        new Set([submitted, opSubmitted, filteredSubmitted].map((h) => header(h, "claimdesk-delivery"))).size,
      ).toBe(3);

      // The API shows the same delivery, with the very bytes that arrived.
      const aDeliveries = await deliveries(w.a.global, a.id);
      expect(aDeliveries).toHaveLength(aHits.length);
      expect(new Set(aDeliveries.map((x) => x.id))).toEqual(
        new Set(aHits.map((h) => header(h, "claimdesk-delivery"))),
      );
      const d = aDeliveries.find((x) => x.id === header(submitted, "claimdesk-delivery")) as Delivery;
      expect(d).toMatchObject({
        event: "submitted",
        status: "delivered",
        attempts: 1,
        lastError: null,
        nextAttemptAt: null,
      });
      expect(Buffer.from(d.body, "utf8").equals(submitted.raw)).toBe(true);
      expect(d.log).toEqual([
        expect.objectContaining({
          attempt: 1,
          statusCode: 200,
          error: null,
          at: new Date(wall.now()).toISOString(),
        }),
      ]);

      // Nothing is sent twice.
      const seen = rx.hits.length;
      await t.server.notifier.runOnce();
      expect(rx.hits).toHaveLength(seen);
    });

    // "created" is a subscribable event (WEBHOOK_EVENTS), but insertClaim (create-claim.ts) writes
    // the claim's history without its outbox row, so no endpoint ever hears of a new claim.
    it("announces a new claim (claim.created) to its organisation's endpoints", async () => {
      const rx = await receiver();
      const hook = await register(w.a.global, { url: rx.url(), events: ["created"] });
      const claim = await newClaim(w.a);
      await t.server.notifier.runOnce();
      expect(eventsOf(rx.hits)).toEqual(["claim.created"]);
      const body = bodyOf(rx.hits[0] as Hit);
      expect(body.claim).toEqual({
        id: claim.id,
        number: claim.number,
        organizationId: w.a.id,
        status: "editing",
      });
      expect(body.data).toEqual({ copiedFrom: null });
      expect(
        verifySignature(
          hook.secret,
          header(rx.hits[0] as Hit, "claimdesk-signature"),
          rx.hits[0]?.raw ?? Buffer.alloc(0),
          nowSeconds(),
        ),
      ).toBe(true);
    });
  });

  describe("retries", () => {
    it("retries an HTTP error with back-off until the receiver answers 2xx, and shows every attempt", async () => {
      const rx = await receiver();
      rx.answer = 500;
      const hook = await register(w.a.global, { url: rx.url(), ...DOCS });
      await claimWithDocument(w.a);

      const first = await t.server.notifier.runOnce();
      expect(first.webhooks).toEqual({ delivered: 0, retrying: 1, failed: 0 });
      expect(rx.hits).toHaveLength(1);
      let d = await onlyDelivery(w.a.global, hook.id);
      expect(d).toMatchObject({ status: "pending", attempts: 1, lastError: "HTTP 500", deliveredAt: null });
      expect(d.nextAttemptAt).toBe(new Date(wall.now() + 30 * SECOND).toISOString());

      // Not before it is due.
      await t.server.notifier.runOnce();
      wall.advance(30 * SECOND - 1);
      await t.server.notifier.runOnce();
      expect(rx.hits).toHaveLength(1);

      wall.advance(1);
      await t.server.notifier.runOnce();
      expect(rx.hits).toHaveLength(2);
      d = await onlyDelivery(w.a.global, hook.id);
      expect(d).toMatchObject({ status: "pending", attempts: 2, lastError: "HTTP 500" });
      expect(d.nextAttemptAt).toBe(new Date(wall.now() + 60 * SECOND).toISOString());

      rx.answer = 200;
      wall.advance(60 * SECOND);
      const last = await t.server.notifier.runOnce();
      expect(last.webhooks).toEqual({ delivered: 1, retrying: 0, failed: 0 });
      expect(rx.hits).toHaveLength(3);
      d = await onlyDelivery(w.a.global, hook.id);
      expect(d).toMatchObject({
        status: "delivered",
        attempts: 3,
        lastError: null,
        nextAttemptAt: null,
        deliveredAt: new Date(wall.now()).toISOString(),
      });
      expect(d.log.map((a) => [a.attempt, a.statusCode, a.error])).toEqual([
        [1, 500, "HTTP 500"],
        [2, 500, "HTTP 500"],
        [3, 200, null],
      ]);
      for (const a of d.log) expect(Number.isInteger(a.durationMs) && a.durationMs >= 0).toBe(true);
      // Each attempt is logged at the time it was made.
      expect(d.log.map((a) => Date.parse(a.at))).toEqual([
        wall.now() - 90 * SECOND,
        wall.now() - 60 * SECOND,
        wall.now(),
      ]);

      // Every attempt sent the same delivery, the same bytes, each signed afresh.
      expect(new Set(rx.hits.map((h) => header(h, "claimdesk-delivery")))).toEqual(new Set([d.id]));
      for (const h of rx.hits) expect(h.raw.equals(Buffer.from(d.body, "utf8"))).toBe(true);
      const stamps = rx.hits.map((h) =>
        Number(/^t=(\d+),/.exec(header(h, "claimdesk-signature") ?? "")?.[1]),
      );
      expect(stamps).toEqual(d.log.map((a) => Math.floor(Date.parse(a.at) / 1000)));
      for (const [i, h] of rx.hits.entries())
        expect(verifySignature(hook.secret, header(h, "claimdesk-signature"), h.raw, stamps[i] ?? 0)).toBe(
          true,
        );
    });

    it("records a refused connection as an attempt with an error, and retries it", async () => {
      const port = await closedPort();
      const hook = await register(w.a.global, { url: `http://127.0.0.1:${port}/hook`, ...DOCS });
      await claimWithDocument(w.a);
      const round = await t.server.notifier.runOnce();
      expect(round.webhooks).toEqual({ delivered: 0, retrying: 1, failed: 0 });
      let d = await onlyDelivery(w.a.global, hook.id);
      expect(d).toMatchObject({ status: "pending", attempts: 1, lastError: "ECONNREFUSED" });
      expect(d.log).toEqual([
        expect.objectContaining({ attempt: 1, statusCode: null, error: "ECONNREFUSED" }),
      ]);

      // The receiver comes up; the retry reaches it once due.
      const rx = await receiver(port);
      await t.server.notifier.runOnce();
      expect(rx.hits).toHaveLength(0);
      wall.advance(30 * SECOND);
      await t.server.notifier.runOnce();
      expect(rx.hits).toHaveLength(1);
      d = await onlyDelivery(w.a.global, hook.id);
      expect(d).toMatchObject({ status: "delivered", attempts: 2, lastError: null });
      expect(d.log.map((a) => a.statusCode)).toEqual([null, 200]);
    });

    it("does not follow a redirect: a 3xx is a failed attempt", async () => {
      const rx = await receiver();
      rx.answer = 307;
      const hook = await register(w.a.global, { url: rx.url(), ...DOCS });
      await claimWithDocument(w.a);
      const round = await t.server.notifier.runOnce();
      expect(round.webhooks).toEqual({ delivered: 0, retrying: 1, failed: 0 });
      expect(rx.hits.map((h) => h.path)).toEqual(["/hook"]);
      const d = await onlyDelivery(w.a.global, hook.id);
      expect(d).toMatchObject({ status: "pending", attempts: 1, lastError: "HTTP 307" });
      expect(d.log[0]?.statusCode).toBe(307);
    });

    it("records a receiver that never answers as timed out, and retries it", async () => {
      const rx = await receiver();
      rx.answer = "hang";
      const hook = await register(w.a.global, { url: rx.url(), ...DOCS });
      await claimWithDocument(w.a);
      const round = await t.server.notifier.runOnce();
      expect(round.webhooks).toEqual({ delivered: 0, retrying: 1, failed: 0 });
      expect(rx.hits).toHaveLength(1);
      let d = await onlyDelivery(w.a.global, hook.id);
      expect(d).toMatchObject({ status: "pending", attempts: 1, lastError: "timed out" });
      expect(d.log[0]?.statusCode).toBeNull();
      expect(d.log[0]?.durationMs).toBeGreaterThanOrEqual(9_000);

      rx.answer = 200;
      wall.advance(30 * SECOND);
      await t.server.notifier.runOnce();
      d = await onlyDelivery(w.a.global, hook.id);
      expect(d).toMatchObject({ status: "delivered", attempts: 2 });
      expect(rx.hits).toHaveLength(2);
    }, 60_000);

    it(`gives up after ${WEBHOOK_MAX_ATTEMPTS} attempts, then redelivers on request`, async () => {
      const rx = await receiver();
      rx.answer = 500;
      const hook = await register(w.a.global, { url: rx.url(), ...DOCS });
      await claimWithDocument(w.a);

      for (let n = 1; n <= WEBHOOK_MAX_ATTEMPTS; n++) {
        await t.server.notifier.runOnce();
        expect(rx.hits).toHaveLength(n);
        const d = await onlyDelivery(w.a.global, hook.id);
        expect(d.attempts).toBe(n);
        if (n < WEBHOOK_MAX_ATTEMPTS) {
          // 30 s, 60 s, 120 s ... capped at 6 h.
          expect(d.status).toBe("pending");
          expect(Date.parse(d.nextAttemptAt ?? "") - wall.now()).toBe(backoffAfter(n));
          wall.advance(backoffAfter(n));
        } else {
          expect(d).toMatchObject({ status: "failed", nextAttemptAt: null, lastError: "HTTP 500" });
        }
      }
      expect(backoffAfter(WEBHOOK_MAX_ATTEMPTS - 1)).toBe(6 * HOUR);
      // Failed stays failed.
      wall.advance(24 * HOUR);
      await t.server.notifier.runOnce();
      expect(rx.hits).toHaveLength(WEBHOOK_MAX_ATTEMPTS);
      const failed = await onlyDelivery(w.a.global, hook.id);
      expect(failed.log.map((a) => a.attempt)).toEqual(
        Array.from({ length: WEBHOOK_MAX_ATTEMPTS }, (_, i) => i + 1),
      );
      expect(failed.log.every((a) => a.statusCode === 500)).toBe(true);
      const asFailed = await w.a.global.get<{ items: Delivery[] }>(
        `/api/v1/webhooks/${hook.id}/deliveries?status=failed`,
      );
      expect(asFailed.body.items.map((x) => x.id)).toEqual([failed.id]);

      // Redelivery: 404 for a delivery that is not the endpoint's, 202 for its own.
      const unknown = await w.a.global.post(
        `/api/v1/webhooks/${hook.id}/deliveries/${randomUUID()}/redeliver`,
      );
      expect(unknown.status).toBe(404);
      rx.answer = 200;
      const again = await w.a.global.post(`/api/v1/webhooks/${hook.id}/deliveries/${failed.id}/redeliver`);
      expect(again.status).toBe(202);
      expect(again.body).toEqual({ status: "pending" });
      expect((await onlyDelivery(w.a.global, hook.id)).status).toBe("pending");
      const round = await t.server.notifier.runOnce();
      expect(round.webhooks.delivered).toBe(1);
      expect(rx.hits).toHaveLength(WEBHOOK_MAX_ATTEMPTS + 1);
      const delivered = await onlyDelivery(w.a.global, hook.id);
      expect(delivered).toMatchObject({ status: "delivered", lastError: null });
      expect(delivered.log).toHaveLength(WEBHOOK_MAX_ATTEMPTS + 1);
      expect(delivered.log.at(-1)).toMatchObject({ statusCode: 200, error: null });
      expect(rx.hits.at(-1)?.raw.equals(Buffer.from(delivered.body, "utf8"))).toBe(true);
    });
  });

  describe("secret rotation and deletion", () => {
    it("signs with the new secret at once after a rotation", async () => {
      const rx = await receiver();
      const hook = await register(w.a.global, { url: rx.url(), ...DOCS });
      await claimWithDocument(w.a);
      await t.server.notifier.runOnce();
      expect(rx.hits).toHaveLength(1);
      const before = rx.hits[0] as Hit;
      expect(
        verifySignature(hook.secret, header(before, "claimdesk-signature"), before.raw, nowSeconds()),
      ).toBe(true);

      const rotated = await w.a.global.post<{ secret: string }>(`/api/v1/webhooks/${hook.id}/rotate-secret`);
      expect(rotated.status).toBe(200);
      expect(rotated.body.secret).toMatch(/^whsec_/);
      expect(rotated.body.secret).not.toBe(hook.secret);
      // Not shown anywhere afterwards either.
      const shown = await w.a.global.get(`/api/v1/webhooks/${hook.id}`);
      expect(JSON.stringify(shown.body)).not.toContain(rotated.body.secret);

      await claimWithDocument(w.a);
      await t.server.notifier.runOnce();
      expect(rx.hits).toHaveLength(2);
      const after = rx.hits[1] as Hit;
      const sig = header(after, "claimdesk-signature");
      expect(verifySignature(hook.secret, sig, after.raw, nowSeconds())).toBe(false);
      expect(verifySignature(rotated.body.secret, sig, after.raw, nowSeconds())).toBe(true);
    });

    it("stops every delivery to a deleted endpoint, including retries already scheduled", async () => {
      const rx = await receiver();
      rx.answer = 500;
      const hook = await register(w.a.global, { url: rx.url(), ...DOCS });
      await claimWithDocument(w.a);
      await t.server.notifier.runOnce();
      expect(rx.hits).toHaveLength(1);
      expect((await onlyDelivery(w.a.global, hook.id)).status).toBe("pending");

      rx.answer = 200;
      const del = await w.a.global.delete(`/api/v1/webhooks/${hook.id}`);
      expect(del.status).toBe(204);
      expect((await w.a.global.get(`/api/v1/webhooks/${hook.id}`)).status).toBe(404);
      expect((await w.a.global.delete(`/api/v1/webhooks/${hook.id}`)).status).toBe(404);
      const list = await w.a.global.get<{ items: WebhookJson[] }>("/api/v1/webhooks");
      expect(list.body.items.map((h) => h.id)).not.toContain(hook.id);

      await submittedClaim(w.a);
      wall.advance(HOUR);
      const round = await t.server.notifier.runOnce();
      expect(round.dispatched.deliveries).toBe(0);
      expect(rx.hits).toHaveLength(1);
      // The scheduled retry is given up, not sent.
      expect(round.webhooks).toEqual({ delivered: 0, retrying: 0, failed: 1 });
    });
  });

  describe("circuit breaker", () => {
    const pausedNotes = async (c: Client, hookId: string) =>
      (await c.get<{ items: Note[] }>("/api/v1/notifications?limit=200")).body.items.filter(
        (n) => n.event === "webhook_paused" && n.webhookId === hookId,
      );

    it(`pauses an endpoint after ${WEBHOOK_BREAKER_FAILURES} failed attempts in a row, tells its owners, and resumes on redelivery`, async () => {
      const N = WEBHOOK_BREAKER_FAILURES;
      const rx = await receiver();
      rx.answer = 500;
      const hook = await register(w.a.global, { url: rx.url(), ...DOCS });
      expect(hook.json).toMatchObject({
        consecutiveFailures: 0,
        pausedAt: null,
        pausedReason: null,
        abilities: { edit: true, delete: true, rotateSecret: true, redeliver: true, resume: false },
      });
      const spanishAdmin = await t.userClient("global_admin", w.a.id, "es");
      for (let i = 0; i < N; i++) await claimWithDocument(w.a);
      const round = await t.server.notifier.runOnce();
      expect(round.webhooks).toEqual({ delivered: 0, retrying: N, failed: 0 });
      expect(rx.hits).toHaveLength(N);

      const paused = await w.a.global.get<WebhookJson>(`/api/v1/webhooks/${hook.id}`);
      expect(paused.body).toMatchObject({
        consecutiveFailures: N,
        pausedAt: new Date(wall.now()).toISOString(),
        pausedReason: `${N} attempts failed in a row`,
        abilities: { resume: true, redeliver: true, rotateSecret: true },
      });
      // Its owner (the organisation's global admin) is told once; nobody else.
      expect(await pausedNotes(w.a.global, hook.id)).toEqual([
        expect.objectContaining({
          claimId: null,
          title: `Webhook paused: ${rx.url()} (${N} attempts failed in a row)`,
        }),
      ]);
      // Every global admin of the organisation, in their language.
      expect((await pausedNotes(spanishAdmin, hook.id)).map((n) => n.title)).toEqual([
        `Webhook en pausa: ${rx.url()} (${N} attempts failed in a row)`,
      ]);
      for (const other of [w.a.billing, w.a.incentives, w.b.global, t.admin, w.reviewer])
        expect(await pausedNotes(other, hook.id)).toEqual([]);

      // Paused: no attempt at all, however long; new events wait with the rest.
      wall.advance(HOUR);
      await claimWithDocument(w.a);
      const idle = await t.server.notifier.runOnce();
      expect(idle.dispatched.deliveries).toBe(1);
      expect(idle.webhooks).toEqual({ delivered: 0, retrying: 0, failed: 0 });
      expect(rx.hits).toHaveLength(N);

      // A redelivery resumes it; the waiting deliveries go out too.
      rx.answer = 200;
      const waiting = await deliveries(w.a.global, hook.id);
      expect(waiting).toHaveLength(N + 1);
      const first = waiting.at(-1) as Delivery;
      const again = await w.a.global.post(`/api/v1/webhooks/${hook.id}/deliveries/${first.id}/redeliver`);
      expect(again.status).toBe(202);
      const resumed = await w.a.global.get<WebhookJson>(`/api/v1/webhooks/${hook.id}`);
      expect(resumed.body).toMatchObject({
        consecutiveFailures: 0,
        pausedAt: null,
        pausedReason: null,
        abilities: { resume: false },
      });
      const after = await t.server.notifier.runOnce();
      expect(after.webhooks).toEqual({ delivered: N + 1, retrying: 0, failed: 0 });
      expect(rx.hits).toHaveLength(2 * N + 1);
      expect((await deliveries(w.a.global, hook.id)).every((d) => d.status === "delivered")).toBe(true);
    }, 60_000);

    it("pauses an endpoint that fails for longer than a day, tells the program admins, and resumes on the resume route or a rotation", async () => {
      const rx = await receiver();
      rx.answer = 500;
      const op = await register(t.admin, { url: rx.url("/operator"), ...DOCS });
      await claimWithDocument(w.a);
      // One delivery's whole back-off (about 14 hours) does not trip the breaker on its own.
      for (let n = 1; n <= WEBHOOK_MAX_ATTEMPTS; n++) {
        await t.server.notifier.runOnce();
        if (n < WEBHOOK_MAX_ATTEMPTS) wall.advance(backoffAfter(n));
      }
      let shown = await t.admin.get<WebhookJson>(`/api/v1/webhooks/${op.id}`);
      expect(shown.body).toMatchObject({ consecutiveFailures: WEBHOOK_MAX_ATTEMPTS, pausedAt: null });

      // Still failing the next day: paused.
      wall.advance(WEBHOOK_BREAKER_PERIOD_MS);
      await claimWithDocument(w.a);
      await t.server.notifier.runOnce();
      expect(rx.hits).toHaveLength(WEBHOOK_MAX_ATTEMPTS + 1);
      shown = await t.admin.get<WebhookJson>(`/api/v1/webhooks/${op.id}`);
      expect(shown.body.pausedAt).toBe(new Date(wall.now()).toISOString());
      expect(shown.body.pausedReason).toMatch(
        new RegExp(`^every attempt failed for \\d+ hours \\(${WEBHOOK_MAX_ATTEMPTS + 1} attempts\\)$`),
      );
      // The operator's endpoint: the program admins are told, not the organisation.
      expect(await pausedNotes(t.admin, op.id)).toHaveLength(1);
      expect(await pausedNotes(w.a.global, op.id)).toEqual([]);
      wall.advance(HOUR);
      await t.server.notifier.runOnce();
      expect(rx.hits).toHaveLength(WEBHOOK_MAX_ATTEMPTS + 1);

      // The resume route: 404 for another side, 403 for operator staff who do not manage it.
      expect((await w.a.global.post(`/api/v1/webhooks/${op.id}/resume`)).status).toBe(404);
      expect((await w.reviewer.post(`/api/v1/webhooks/${op.id}/resume`)).status).toBe(403);
      const resumed = await t.admin.post<WebhookJson>(`/api/v1/webhooks/${op.id}/resume`);
      expect(resumed.status).toBe(200);
      expect(resumed.body).toMatchObject({
        pausedAt: null,
        consecutiveFailures: 0,
        abilities: { resume: false },
      });
      rx.answer = 200;
      const round = await t.server.notifier.runOnce();
      expect(round.webhooks).toEqual({ delivered: 1, retrying: 0, failed: 0 });

      // A rotation resumes as well (the owner acted on the endpoint).
      await t.server.ctx.db.kysely
        .updateTable("webhooks")
        .set({ paused_at: wall.now(), paused_reason: "paused for the test", consecutive_failures: 3 })
        .where("id", "=", op.id)
        .execute();
      expect((await t.admin.get<WebhookJson>(`/api/v1/webhooks/${op.id}`)).body.abilities?.resume).toBe(true);
      expect((await t.admin.post(`/api/v1/webhooks/${op.id}/rotate-secret`)).status).toBe(200);
      expect((await t.admin.get<WebhookJson>(`/api/v1/webhooks/${op.id}`)).body).toMatchObject({
        pausedAt: null,
        pausedReason: null,
        consecutiveFailures: 0,
      });
    }, 60_000);
  });

  describe("concurrency", () => {
    it("delivers each event once when notifiers run at the same time", async () => {
      const rx = await receiver();
      rx.delayMs = 20;
      const events = { events: ["document_added", "comment_added"] };
      const a = await register(w.a.global, { url: rx.url("/a"), ...events });
      const op = await register(t.admin, { url: rx.url("/operator"), ...events });
      // 4 claims x (a document + 2 comments) = 12 events, 24 deliveries: more than one batch (20).
      const claims: string[] = [];
      for (let i = 0; i < 4; i++) {
        const c = await claimWithDocument(w.a);
        for (const text of ["first", "second"]) {
          const r = await w.a.incentives.post(`/api/v1/claims/${c.id}/comments`, { body: text });
          expect(r.status, JSON.stringify(r.body)).toBe(201);
        }
        claims.push(c.id);
      }

      // On PostgreSQL, a second server on the same database as well: another process's notifier.
      let sibling: RunningServer | null = null;
      if (engine === "postgres") sibling = await startServer(testConfig(t.db), { sweep: false, wall });
      try {
        const notifiers = [t.server.notifier, t.server.notifier, ...(sibling ? [sibling.notifier] : [])];
        const rounds = await Promise.all(notifiers.map((n) => n.runOnce()));
        const sum = (f: (r: (typeof rounds)[number]) => number) => rounds.reduce((s, r) => s + f(r), 0);
        expect(sum((r) => r.dispatched.deliveries)).toBe(24);
        expect(sum((r) => r.webhooks.delivered)).toBe(24);
        expect(sum((r) => r.webhooks.retrying + r.webhooks.failed)).toBe(0);
      } finally {
        await sibling?.stop();
      }

      const perDelivery = new Map<string, number>();
      for (const h of rx.hits) {
        const id = header(h, "claimdesk-delivery") ?? "";
        perDelivery.set(id, (perDelivery.get(id) ?? 0) + 1);
      }
      expect([...perDelivery.values()].filter((n) => n !== 1)).toEqual([]);
      expect(perDelivery.size).toBe(24);
      for (const path of ["/a", "/operator"]) {
        const hits = rx.at(path);
        expect(hits).toHaveLength(12);
        expect(new Set(hits.map((h) => bodyOf(h).id)).size).toBe(12);
        expect(new Set(hits.map((h) => bodyOf(h).claim.id))).toEqual(new Set(claims));
      }
      for (const hookId of [a.id, op.id]) {
        const owner = hookId === a.id ? w.a.global : t.admin;
        const ds = await deliveries(owner, hookId);
        expect(ds).toHaveLength(12);
        expect(ds.every((d) => d.status === "delivered" && d.attempts === 1 && d.log.length === 1)).toBe(
          true,
        );
      }
    });
  });
});
