// Administration of identity providers: who may configure whose, the write-only client secret,
// roles that fit the provider's side, and the pieces that need no IdP (sealing, returnTo).
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SecretBox } from "../../src/server/auth/oidc/secret-box.ts";
import { safeReturnTo } from "../../src/server/auth/oidc/start-sign-in.ts";
import { startTestServer, type TestServer, type UserClient } from "../http/http-support.ts";
import { ENGINES } from "../support/engines.ts";

describe("sealed client secrets and returnTo", () => {
  it("opens what it sealed, and refuses another key or a tampered value", () => {
    const box = new SecretBox(randomBytes(32));
    const sealed = box.seal("s3cret");
    expect(sealed).not.toContain("s3cret");
    expect(box.open(sealed)).toBe("s3cret");
    expect(() => new SecretBox(randomBytes(32)).open(sealed)).toThrow();
    const [v, iv, body = "", tag] = sealed.split(".");
    const flipped = `${body[0] === "A" ? "B" : "A"}${body.slice(1)}`;
    expect(() => box.open([v, iv, flipped, tag].join("."))).toThrow();
  });

  it("keeps returnTo to a path of this server", () => {
    expect(safeReturnTo("/claims/1?x=1")).toBe("/claims/1?x=1");
    for (const evil of ["//evil.example", "/\\evil.example", "https://evil.example", "/a\nb", "", undefined])
      expect(safeReturnTo(evil)).toBe("/");
  });
});

describe.each(ENGINES)("identity provider administration on %s", (engine) => {
  let t: TestServer;
  let orgA: string;
  let orgB: string;
  let globalA: UserClient;
  let incentivesA: UserClient;
  const body = (organizationId: string | null, extra: Record<string, unknown> = {}) => ({
    organizationId,
    name: "Entra",
    issuer: "https://login.microsoftonline.com/tenant-id/v2.0",
    clientId: "app-id",
    clientSecret: "very-secret",
    allowedDomains: ["A.example"],
    roleMapping: { claim: "groups", values: { "g-admins": "global_admin" }, default: "incentives_admin" },
    ...extra,
  });

  beforeAll(async () => {
    t = await startTestServer(engine);
    orgA = (
      await t.admin.post<{ id: string }>("/api/v1/admin/organizations", {
        name: "A",
        partnerIds: ["4200001"],
      })
    ).body.id;
    orgB = (
      await t.admin.post<{ id: string }>("/api/v1/admin/organizations", {
        name: "B",
        partnerIds: ["4200002"],
      })
    ).body.id;
    globalA = await t.userClient("global_admin", orgA);
    incentivesA = await t.userClient("incentives_admin", orgA);
  });
  afterAll(() => t.stop());

  it("lets a global admin configure its own organisation's provider, never another's", async () => {
    const mine = await globalA.post<Record<string, unknown>>("/api/v1/admin/identity-providers", body(orgA));
    expect(mine.status).toBe(201);
    expect(mine.body).toMatchObject({
      hasSecret: true,
      allowedDomains: ["a.example"],
      abilities: { edit: true, delete: true },
      redirectUri: "http://127.0.0.1/api/v1/session/oidc/callback",
    });
    expect(JSON.stringify(mine.body)).not.toContain("very-secret");
    expect((await globalA.post("/api/v1/admin/identity-providers", body(orgB))).status).toBe(404);
    expect((await globalA.post("/api/v1/admin/identity-providers", body(null))).status).toBe(404);
    expect((await incentivesA.post("/api/v1/admin/identity-providers", body(orgA))).status).toBe(403);
    expect((await incentivesA.get("/api/v1/admin/identity-providers")).status).toBe(403);

    const theirs = await t.admin.post<{ id: string }>("/api/v1/admin/identity-providers", body(orgB));
    const operator = await t.admin.post<{ id: string }>(
      "/api/v1/admin/identity-providers",
      body(null, { roleMapping: { claim: "roles", values: { ops: "program_admin" }, default: "reviewer" } }),
    );
    expect([theirs.status, operator.status]).toEqual([201, 201]);
    const listed = await globalA.get<{ items: { organizationId: string }[] }>(
      "/api/v1/admin/identity-providers",
    );
    expect(listed.body.items.map((i) => i.organizationId)).toEqual([orgA]);
    const all = await t.admin.get<{ items: unknown[] }>("/api/v1/admin/identity-providers");
    expect(all.body.items).toHaveLength(3);
    expect(
      (await globalA.patch(`/api/v1/admin/identity-providers/${operator.body.id}`, { name: "x" })).status,
    ).toBe(404);
    expect((await globalA.delete(`/api/v1/admin/identity-providers/${theirs.body.id}`)).status).toBe(404);
  });

  it("keeps roles on the provider's side and the secret write-only", async () => {
    const wrongSide = await t.admin.post("/api/v1/admin/identity-providers", {
      ...body(orgA),
      roleMapping: { claim: "groups", values: { x: "program_admin" } },
    });
    expect(wrongSide.status).toBe(422);
    expect(
      (await t.admin.post("/api/v1/admin/identity-providers", body(orgA, { issuer: "http://idp.example" })))
        .status,
    ).toBe(422);
    const p = await t.admin.post<{ id: string }>("/api/v1/admin/identity-providers", body(orgA));
    const cleared = await t.admin.patch<{ hasSecret: boolean }>(
      `/api/v1/admin/identity-providers/${p.body.id}`,
      {
        clientSecret: null,
      },
    );
    expect(cleared.body.hasSecret).toBe(false);
    expect((await t.admin.delete(`/api/v1/admin/identity-providers/${p.body.id}`)).status).toBe(204);
    expect((await t.admin.delete(`/api/v1/admin/identity-providers/${p.body.id}`)).status).toBe(404);
  });
});
