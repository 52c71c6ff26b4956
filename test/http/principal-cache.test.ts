// The principal cache (issue 13): an authenticated request needs no database read, a change made
// in this process bites at once, and one made by another process within PRINCIPAL_TTL_MS.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../src/server/admin/directory.ts";
import { updateUser } from "../../src/server/admin/use-cases/update-user.ts";
import { createAccessToken, findByToken, revokeAccessToken } from "../../src/server/auth/access-tokens.ts";
import { PRINCIPAL_TTL_MS } from "../../src/server/auth/principal-cache.ts";
import {
  createSession,
  DEFAULT_SESSION_POLICY,
  destroySession,
  findSession,
} from "../../src/server/auth/sessions.ts";
import { principalOf } from "../../src/server/auth/users.ts";
import { ManualClock } from "../../src/server/context.ts";
import { ENGINES } from "../support/engines.ts";
import { ADMIN, startTestServer, type TestServer } from "./http-support.ts";

describe.each(ENGINES)("principal cache on %s", (engine) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(engine);
  });
  afterAll(() => t.stop());

  const admin = async () =>
    principalOf(
      await t.server.ctx.db.kysely
        .selectFrom("users")
        .selectAll()
        .where("email", "=", ADMIN.email)
        .executeTakeFirstOrThrow(),
    );

  it("serves a token from memory; another process's revocation bites within the TTL", async () => {
    const { ctx } = t.server;
    const db = ctx.db.kysely;
    const wall = new ManualClock(Date.now());
    const user = await createUser(ctx, {
      email: `cache-${engine}@example.com`,
      name: "Cached",
      password: "cache-password-1",
      role: "reviewer",
    });
    const { id, token } = await createAccessToken(db, user.id, "t", wall);
    expect((await findByToken(db, token, wall))?.user.role).toBe("reviewer");
    // As another process would: straight in the database, without this process's cache knowing.
    await db.updateTable("access_tokens").set({ revoked_at: wall.now() }).where("id", "=", id).execute();
    expect(await findByToken(db, token, wall)).not.toBeNull();
    wall.advance(PRINCIPAL_TTL_MS);
    expect(await findByToken(db, token, wall)).toBeNull();

    const second = await createAccessToken(db, user.id, "t2", wall);
    expect(await findByToken(db, second.token, wall)).not.toBeNull();
    await updateUser(ctx, await admin(), { id: user.id, changes: { role: "program_admin" } }, wall);
    expect((await findByToken(db, second.token, wall))?.user.role).toBe("program_admin");
    expect(await revokeAccessToken(db, user.id, second.id, wall)).toBe(true);
    expect(await findByToken(db, second.token, wall)).toBeNull();
  });

  it("drops a session at sign-out and when its user is disabled, in this process at once", async () => {
    const { ctx } = t.server;
    const db = ctx.db.kysely;
    const wall = new ManualClock(Date.now());
    const user = await createUser(ctx, {
      email: `session-cache-${engine}@example.com`,
      name: "Session",
      password: "cache-password-1",
      role: "reviewer",
    });
    const a = await createSession(db, user.id, wall);
    const b = await createSession(db, user.id, wall);
    expect(await findSession(db, a.cookie, wall, DEFAULT_SESSION_POLICY)).not.toBeNull();
    expect(await findSession(db, b.cookie, wall, DEFAULT_SESSION_POLICY)).not.toBeNull();
    await destroySession(db, a.cookie);
    expect(await findSession(db, a.cookie, wall, DEFAULT_SESSION_POLICY)).toBeNull();
    expect(await findSession(db, b.cookie, wall, DEFAULT_SESSION_POLICY)).not.toBeNull();
    await updateUser(ctx, await admin(), { id: user.id, changes: { disabled: true } }, wall);
    expect(await findSession(db, b.cookie, wall, DEFAULT_SESSION_POLICY)).toBeNull();
  });

  it("still ends an idle session that was cached", async () => {
    const { ctx } = t.server;
    const db = ctx.db.kysely;
    const wall = new ManualClock(Date.now());
    const admin0 = await admin();
    const s = await createSession(db, admin0.id, wall);
    expect(await findSession(db, s.cookie, wall, DEFAULT_SESSION_POLICY)).not.toBeNull();
    wall.advance(DEFAULT_SESSION_POLICY.idleMs + 1);
    expect(await findSession(db, s.cookie, wall, DEFAULT_SESSION_POLICY)).toBeNull();
  });
});
