// Per-object abilities in the administration answers: what a program admin and a global admin may do
// with each user and organisation, and the roles each may assign, as the server computes them with
// the policies (the web app shows only these). Also declared in the OpenAPI document.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../support/engines.ts";
import { startTestServer, type TestServer } from "./http-support.ts";
import { type HttpWorld, httpWorld } from "./http-world.ts";

interface Abilities {
  edit: boolean;
  changeRole: boolean;
  disable: boolean;
}
interface UserList {
  items: { id: string; organizationId: string | null; abilities: Abilities }[];
  assignableRoles: string[];
}
interface OrgList {
  items: { id: string; abilities: { edit: boolean; addPartnerId: boolean } }[];
}

const ALL = { edit: true, changeRole: true, disable: true };
const SELF = { edit: true, changeRole: false, disable: false };

describe.each(ENGINES)("administration abilities on %s", (engine) => {
  let t: TestServer;
  let w: HttpWorld;
  beforeAll(async () => {
    t = await startTestServer(engine);
    w = await httpWorld(t);
  });
  afterAll(() => t.stop());

  const selfId = async (c: TestServer["admin"]) =>
    (await c.get<{ user: { id: string } }>("/api/v1/session")).body.user.id;

  it("a program admin may do everything to every user but demote or disable itself", async () => {
    const me = await selfId(t.admin);
    const users = await t.admin.get<UserList>("/api/v1/admin/users");
    expect(users.status).toBe(200);
    expect(users.body.assignableRoles).toEqual([
      "global_admin",
      "incentives_admin",
      "billing_admin",
      "reviewer",
      "program_admin",
    ]);
    for (const u of users.body.items) expect(u.abilities).toEqual(u.id === me ? SELF : ALL);
    expect(users.body.items.some((u) => u.organizationId === w.b.id)).toBe(true);
  });

  it("a global admin manages its own organisation's users and assigns partner roles only", async () => {
    const me = w.a.global.userId;
    const users = await w.a.global.get<UserList>("/api/v1/admin/users");
    expect(users.body.assignableRoles).toEqual(["global_admin", "incentives_admin", "billing_admin"]);
    expect(users.body.items.map((u) => u.id)).toContain(w.a.incentives.userId);
    for (const u of users.body.items) expect(u.abilities).toEqual(u.id === me ? SELF : ALL);
    // Nobody else's abilities are worth anything: an incentives admin may not list users at all.
    expect((await w.a.incentives.get("/api/v1/admin/users")).status).toBe(403);
  });

  it("created and changed users carry the caller's abilities too", async () => {
    const created = await w.a.global.post<{ id: string; abilities: Abilities }>("/api/v1/admin/users", {
      email: `new-${Date.now()}@a.example`,
      name: "New",
      password: "a-long-test-password",
      role: "billing_admin",
    });
    expect(created).toMatchObject({ status: 201, body: { abilities: ALL } });
    const renamed = await t.admin.patch<{ abilities: Abilities }>(`/api/v1/admin/users/${created.body.id}`, {
      name: "Renamed",
    });
    expect(renamed).toMatchObject({ status: 200, body: { abilities: ALL } });
  });

  it("organisations say whether the caller may edit them or add partner IDs", async () => {
    const all = await t.admin.get<OrgList>("/api/v1/admin/organizations");
    expect(all.body.items.map((o) => o.id)).toEqual(expect.arrayContaining([w.a.id, w.b.id]));
    for (const o of all.body.items) expect(o.abilities).toEqual({ edit: true, addPartnerId: true });
    const own = await w.a.global.get<OrgList>("/api/v1/admin/organizations");
    expect(own.body.items).toEqual([
      expect.objectContaining({ id: w.a.id, abilities: { edit: false, addPartnerId: false } }),
    ]);
    const one = await w.a.global.get<OrgList["items"][number]>(`/api/v1/admin/organizations/${w.a.id}`);
    expect(one.body.abilities).toEqual({ edit: false, addPartnerId: false });
  });

  it("declares the abilities in the OpenAPI document", async () => {
    const doc = await t.anonymous.get<unknown>("/openapi.json");
    const text = JSON.stringify(doc.body);
    for (const name of ["assignableRoles", "changeRole", "addPartnerId"]) expect(text).toContain(name);
  });
});
