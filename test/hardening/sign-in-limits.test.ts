// Issue 12.8: five failed sign-ins used to lock an account even for the right password, from
// anywhere, while rotating addresses dodged the per-address limit. Now a guesser's address is held
// off the account, the real user from an address that has not failed still gets in, addresses that
// failed wait an exponentially growing time once the account has seen five failures, and one
// address spraying many accounts is held.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RefusalError } from "../../src/domain/refusal.ts";
import { createUser } from "../../src/server/admin/directory.ts";
import { ADDRESS_LIMIT, signIn } from "../../src/server/auth/sign-in.ts";
import { ManualClock } from "../../src/server/context.ts";
import { ENGINES, openTestApp, type TestApp } from "../support/engines.ts";

const PASSWORD = "the-right-password-1";

describe.each(ENGINES)("sign-in limits on %s", (engine) => {
  let app: TestApp;
  const wall = new ManualClock(Date.parse("2030-01-07T09:00:00.000Z"));
  let n = 0;
  beforeAll(async () => {
    app = await openTestApp(engine);
  });
  afterAll(() => app.close());

  async function account(): Promise<string> {
    const email = `user${n++}@example.com`;
    await createUser(app.ctx, {
      email,
      name: "U",
      password: PASSWORD,
      role: "reviewer",
      organizationId: null,
    });
    return email;
  }
  const attempt = (email: string, password: string, address: string) =>
    signIn(app.ctx.db.kysely, { email, password, address }, wall).then(
      () => "ok",
      (e: unknown) => (e instanceof RefusalError ? e.refusal.code : String(e)),
    );

  it("holds the guesser's address off the account, but lets the right password in from another", async () => {
    const email = await account();
    for (let i = 0; i < 5; i++) expect(await attempt(email, "wrong", "203.0.113.7")).toBe("unauthenticated");
    expect(await attempt(email, PASSWORD, "203.0.113.7")).toBe("rate_limited");
    expect(await attempt(email, PASSWORD, "198.51.100.20")).toBe("ok");
  });

  it("makes addresses that failed wait with growing back-off once the account saw five failures", async () => {
    const email = await account();
    // Ten addresses, one guess each: the per-address and per-pair limits alone would let all pass.
    for (let i = 0; i < 10; i++)
      expect(await attempt(email, "wrong", `192.0.2.${i}`)).toBe("unauthenticated");
    // A second guess from any of them waits: 2^(10-5) = 32 s after the last failure.
    expect(await attempt(email, "wrong", "192.0.2.3")).toBe("rate_limited");
    wall.advance(31_000);
    expect(await attempt(email, "wrong", "192.0.2.3")).toBe("rate_limited");
    wall.advance(2_000);
    expect(await attempt(email, "wrong", "192.0.2.3")).toBe("unauthenticated");
    // Now 11 failures: the next wait is 64 s.
    wall.advance(60_000);
    expect(await attempt(email, "wrong", "192.0.2.4")).toBe("rate_limited");
    // The real user, from an address that never failed, is not held.
    expect(await attempt(email, PASSWORD, "198.51.100.30")).toBe("ok");
    wall.advance(15 * 60_000);
  });

  it("holds one address that sprays many accounts", async () => {
    const emails = await Promise.all(Array.from({ length: ADDRESS_LIMIT.max + 1 }, () => account()));
    wall.set(Math.ceil(wall.now() / (15 * 60_000)) * 15 * 60_000);
    for (const e of emails.slice(0, ADDRESS_LIMIT.max))
      expect(await attempt(e, "wrong", "203.0.113.99")).toBe("unauthenticated");
    expect(await attempt(emails[ADDRESS_LIMIT.max] ?? "", PASSWORD, "203.0.113.99")).toBe("rate_limited");
  });
});
