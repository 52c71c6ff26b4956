// Real servers on 127.0.0.1 for HTTP tests, on either engine, with the simulated clock on, and a
// small client that speaks the API's conventions (bearer tokens, problem+json).
import { randomUUID } from "node:crypto";
import type { Config } from "../../src/server/config.ts";
import type { Clock } from "../../src/server/context.ts";
import type { Engine } from "../../src/server/db/engine.ts";
import type { Resolver } from "../../src/server/notify/egress.ts";
import { type RunningServer, startServer } from "../../src/server/server.ts";
import { createTestDb, type TestDb } from "../support/engines.ts";

export interface Reply<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

export class Client {
  constructor(
    readonly base: string,
    readonly token?: string,
  ) {}

  async request<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> {
    const h: Record<string, string> = { ...headers };
    if (this.token) h.authorization = `Bearer ${this.token}`;
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      h["content-type"] = "application/json";
      payload = JSON.stringify(body);
    }
    const res = await fetch(`${this.base}${path}`, { method, headers: h, body: payload });
    const text = await res.text();
    let parsed: unknown = text;
    if ((res.headers.get("content-type") ?? "").includes("json") && text) parsed = JSON.parse(text);
    return { status: res.status, headers: res.headers, body: parsed as T };
  }
  get<T = Record<string, unknown>>(path: string, headers?: Record<string, string>) {
    return this.request<T>("GET", path, undefined, headers);
  }
  post<T = Record<string, unknown>>(path: string, body: unknown = {}, headers?: Record<string, string>) {
    return this.request<T>("POST", path, body, headers);
  }
  patch<T = Record<string, unknown>>(path: string, body: unknown, headers?: Record<string, string>) {
    return this.request<T>("PATCH", path, body, headers);
  }
  put<T = Record<string, unknown>>(path: string, body: unknown, headers?: Record<string, string>) {
    return this.request<T>("PUT", path, body, headers);
  }
  delete<T = Record<string, unknown>>(path: string, headers?: Record<string, string>) {
    return this.request<T>("DELETE", path, undefined, headers);
  }
  /** Multipart upload of one file part named `file` (or another name, for hostile tests). */
  upload(
    claimId: string,
    bytes: Uint8Array<ArrayBuffer>,
    filename: string,
    type = "application/octet-stream",
    field = "file",
  ) {
    const form = new FormData();
    form.append(field, new Blob([bytes], { type }), filename);
    return this.request("POST", `/api/v1/claims/${claimId}/documents`, form);
  }
}

export type UserClient = Client & { userId: string; email: string };

export const ADMIN = { email: "admin@operator.example", password: "admin-password-123" };

export interface TestServer {
  server: RunningServer;
  db: TestDb;
  admin: Client;
  anonymous: Client;
  /** A signed-in client for a new user of `role` (partner roles need an organisation). */
  userClient(role: string, organizationId?: string | null, locale?: string): Promise<UserClient>;
  stop(): Promise<void>;
}

export async function signInToken(base: string, email: string, password: string): Promise<string> {
  const anon = new Client(base);
  const res = await fetch(`${base}/api/v1/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const tok = await anon.request<{ token: string }>(
    "POST",
    "/api/v1/tokens",
    { name: "test" },
    { cookie, "x-csrf-token": csrfToken },
  );
  if (tok.status !== 201) throw new Error(`token failed: ${tok.status}`);
  return tok.body.token;
}

/** A server configuration for tests: port 0, the simulated clock on, the sweeper left to the test. */
export function testConfig(db: TestDb, overrides: Partial<Config> = {}): Config {
  return {
    databaseUrl: db.url,
    dataDir: db.dataDir,
    port: 0,
    host: "127.0.0.1",
    baseUrl: "http://127.0.0.1",
    smtpUrl: null,
    adminEmail: ADMIN.email,
    adminPassword: ADMIN.password,
    simulatedClock: true,
    sweepIntervalSeconds: 86_400,
    documentStorage: "fs",
    logLevel: process.env.TEST_LOG_LEVEL ?? "silent",
    mailFrom: "Claimdesk <no-reply@claimdesk.test>",
    secret: null,
    notifyIntervalSeconds: 3600,
    webhooksAllowHttp: true,
    // The webhook tests' receivers listen on loopback, which the egress policy refuses unless the
    // operator allows it (test/notify/webhook-egress.test.ts runs without this).
    webhooksAllowHosts: ["127.0.0.1", "::1"],
    ...overrides,
  };
}

export async function startTestServer(
  engine: Engine,
  overrides: Partial<Config> = {},
  uploads?: { maxBytes: number; maxFilesPerClaim: number },
  opts: {
    wall?: Clock;
    afterSend?: (messageId: string) => Promise<void>;
    sweep?: boolean;
    webhookResolver?: Resolver;
    claimImports?: NonNullable<Parameters<typeof startServer>[1]>["claimImports"];
  } = {},
): Promise<TestServer> {
  const db = await createTestDb(engine);
  const config = testConfig(db, overrides);
  const server = await startServer(config, { sweep: false, uploads, ...opts });
  const base = server.url;
  const admin = new Client(base, await signInToken(base, ADMIN.email, ADMIN.password));
  return {
    server,
    db,
    admin,
    anonymous: new Client(base),
    userClient: async (role, organizationId = null, locale = "en") => {
      const email = `${role}-${randomUUID().slice(0, 8)}@example.com`;
      const password = "a-long-test-password";
      const created = await admin.post<{ id: string }>("/api/v1/admin/users", {
        email,
        name: role,
        password,
        role,
        organizationId,
        locale,
      });
      if (created.status !== 201) throw new Error(`user creation failed: ${JSON.stringify(created.body)}`);
      const client = new Client(base, await signInToken(base, email, password)) as Client & {
        userId: string;
        email: string;
      };
      client.userId = created.body.id;
      client.email = email;
      return client;
    },
    stop: async () => {
      await server.stop();
      await db.drop();
    },
  };
}
