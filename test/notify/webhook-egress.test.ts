// Outbound calls go only where they may (issue 12), end to end on both engines, with NO allow-list:
// registration refuses URLs that reach loopback (literal, IPv6, IPv4-mapped, or a name resolving to
// it) and other internal addresses; a name that resolved to a public address at registration and
// to 127.0.0.1 at connection (DNS rebinding) is refused without connecting; so is an endpoint whose
// stored literal address the policy no longer allows. The resolver is injected (no DNS server is
// asked, except the system's for `localhost`), and every receiver listens on 127.0.0.1 only: a
// receiver that records nothing proves that no connection was made.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/server/context.ts";
import { type Resolver, systemResolver } from "../../src/server/notify/egress.ts";
import { startTestServer, type TestServer } from "../http/http-support.ts";
import { type HttpWorld, httpWorld, pdfBytes } from "../http/http-world.ts";
import { ENGINES } from "../support/engines.ts";

interface ProblemJson {
  code: string;
  errors?: { field: string; message: string }[];
}
interface Delivery {
  id: string;
  status: string;
  lastError: string | null;
  log: { statusCode: number | null; error: string | null }[];
}

/** A loopback receiver that counts what reaches it. */
async function loopbackReceiver(): Promise<{ port: number; hits: string[]; close(): Promise<void> }> {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(req.url ?? "");
    res.writeHead(200).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    hits,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe.each(ENGINES)("webhook egress on %s", (engine) => {
  let t: TestServer;
  let w: HttpWorld;
  let rx: Awaited<ReturnType<typeof loopbackReceiver>>;
  /** How often each test name was resolved, and what it answers on the n-th time. */
  const asked = new Map<string, number>();
  const NAMES: Record<string, (n: number) => string> = {
    // Public when registered, loopback when connected to: the rebinding attack.
    "rebind.test": (n) => (n === 1 ? "93.184.216.34" : "127.0.0.1"),
    // Public at registration; nothing connects to it while it is public (see below).
    "public.test": (n) => (n === 1 ? "93.184.216.34" : "127.0.0.1"),
    "stored.test": (n) => (n === 1 ? "93.184.216.34" : "127.0.0.1"),
  };
  const resolver: Resolver = async (host) => {
    const answer = NAMES[host];
    if (!answer) return systemResolver(host);
    const n = (asked.get(host) ?? 0) + 1;
    asked.set(host, n);
    return [{ address: answer(n), family: 4 }];
  };

  beforeAll(async () => {
    t = await startTestServer(engine, { webhooksAllowHosts: [] }, undefined, {
      wall: new ManualClock(Date.now()),
      webhookResolver: resolver,
    });
    w = await httpWorld(t);
    rx = await loopbackReceiver();
  });
  afterAll(async () => {
    await rx.close();
    await t.stop();
  });

  async function claimWithDocument() {
    const c = await w.a.incentives.post<{ id: string }>(
      "/api/v1/claims",
      w.claimBody(w.a, await w.customer()),
    );
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    expect((await w.a.incentives.upload(c.body.id, pdfBytes(), "poe.pdf", "application/pdf")).status).toBe(
      201,
    );
  }

  async function onlyDelivery(hookId: string): Promise<Delivery> {
    const res = await w.a.global.get<{ items: Delivery[] }>(`/api/v1/webhooks/${hookId}/deliveries`);
    expect(res.body.items).toHaveLength(1);
    return res.body.items[0] as Delivery;
  }

  it("refuses to register loopback and internal addresses, however they are written (422 on url)", async () => {
    const cases: [string, RegExp][] = [
      [`https://127.0.0.1:${rx.port}/hook`, /127\.0\.0\.1 is a loopback address/],
      [`http://[::1]:${rx.port}/hook`, /::1 is a loopback address/],
      [`http://[::ffff:127.0.0.1]:${rx.port}/hook`, /loopback address \(IPv4-mapped\)/],
      [`http://localhost:${rx.port}/hook`, /localhost resolves to (127\.0\.0\.1|::1), a loopback address/],
      [`http://0x7f.0.0.1:${rx.port}/hook`, /127\.0\.0\.1 is a loopback address/],
      ["http://10.0.0.1/hook", /private address/],
      ["http://169.254.169.254/latest/meta-data", /link-local address/],
      ["http://100.64.0.1/hook", /carrier-grade NAT address/],
      ["http://[fd00::1]/hook", /private \(unique local\) address/],
      ["http://0.0.0.0/hook", /unspecified address/],
    ];
    for (const [url, why] of cases) {
      const r = await w.a.global.post<ProblemJson>("/api/v1/webhooks", { url });
      expect(r.status, url).toBe(422);
      expect(r.body.code, url).toBe("validation_failed");
      expect(
        r.body.errors?.map((e) => e.field),
        url,
      ).toEqual(["url"]);
      const message = r.body.errors?.[0]?.message ?? "";
      expect(message, url).toMatch(/^must reach a public address: /);
      expect(message, url).toMatch(why);
      expect(message, url).toContain("WEBHOOKS_ALLOW_HOSTS");
    }
    // A PATCH is judged the same way.
    const ok = await w.a.global.post<{ id: string }>("/api/v1/webhooks", { url: "http://public.test/hook" });
    expect(ok.status).toBe(201);
    const patched = await w.a.global.patch<ProblemJson>(`/api/v1/webhooks/${ok.body.id}`, {
      url: `http://localhost:${rx.port}/hook`,
    });
    expect(patched.status).toBe(422);
    expect(patched.body.errors?.map((e) => e.field)).toEqual(["url"]);
    expect((await w.a.global.delete(`/api/v1/webhooks/${ok.body.id}`)).status).toBe(204);
    const list = await w.a.global.get<{ items: unknown[] }>("/api/v1/webhooks");
    expect(list.body.items).toEqual([]);
    expect(rx.hits).toEqual([]);
  });

  it("refuses a name that resolves to loopback at connection (DNS rebinding), without connecting", async () => {
    const hook = await w.a.global.post<{ id: string }>("/api/v1/webhooks", {
      url: `http://rebind.test:${rx.port}/hook`,
      events: ["document_added"],
    });
    expect(hook.status, JSON.stringify(hook.body)).toBe(201);
    expect(asked.get("rebind.test")).toBe(1);

    await claimWithDocument();
    const round = await t.server.notifier.runOnce();
    // Judged at connection, on a fresh resolution: failed at once, never retried.
    expect(asked.get("rebind.test")).toBe(2);
    expect(round.webhooks).toEqual({ delivered: 0, retrying: 0, failed: 1 });
    expect(rx.hits).toEqual([]);
    const d = await onlyDelivery(hook.body.id);
    expect(d).toMatchObject({
      status: "failed",
      lastError:
        "refused without connecting: rebind.test resolves to 127.0.0.1, a loopback address (WEBHOOKS_ALLOW_HOSTS can allow it)",
    });
    expect(d.log).toEqual([expect.objectContaining({ statusCode: null })]);
    expect((await w.a.global.delete(`/api/v1/webhooks/${hook.body.id}`)).status).toBe(204);
  });

  it("refuses a stored literal address the policy does not allow (registered under another one)", async () => {
    const hook = await w.a.global.post<{ id: string }>("/api/v1/webhooks", {
      url: "http://stored.test/old",
      events: ["document_added"],
    });
    expect(hook.status).toBe(201);
    // As if registered while the operator allowed loopback, and the allow-list changed since.
    await t.server.ctx.db.kysely
      .updateTable("webhooks")
      .set({ url: `http://127.0.0.1:${rx.port}/hook` })
      .where("id", "=", hook.body.id)
      .execute();
    await claimWithDocument();
    const round = await t.server.notifier.runOnce();
    expect(round.webhooks).toEqual({ delivered: 0, retrying: 0, failed: 1 });
    expect(rx.hits).toEqual([]);
    expect((await onlyDelivery(hook.body.id)).lastError).toBe(
      "refused without connecting: 127.0.0.1 is a loopback address (WEBHOOKS_ALLOW_HOSTS can allow it)",
    );
    expect((await w.a.global.delete(`/api/v1/webhooks/${hook.body.id}`)).status).toBe(204);
  });
});
