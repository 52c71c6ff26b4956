// Sign-in by email and password, rate limited per account and per address. An unknown user and a
// wrong password get the same answer after the same work (a hash is verified either way).
import type { Kysely } from "kysely";
import { RefusalError } from "../../domain/refusal.ts";
import { verifyPassword } from "../admin/passwords.ts";
import type { Clock } from "../context.ts";
import type { DB, UsersTable } from "../db/schema.ts";
import { passwordsAllowedFor } from "./oidc/provider-store.ts";
import { blocked, hit, type Limit, reset } from "./rate-limit.ts";

export const ACCOUNT_LIMIT: Limit = { max: 5, windowMs: 15 * 60_000 };
export const ADDRESS_LIMIT: Limit = { max: 30, windowMs: 15 * 60_000 };

// A real argon2id hash of a random string: verifying against it costs what a real check costs.
const DUMMY_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$UiRWlsCWi5YCrrxjobUsTQ$XZivmJT8PjMAVeMQFba6D30d+lLIqFPUNTbaB9RptS8";

function tooMany(seconds: number): RefusalError {
  return new RefusalError({
    code: "rate_limited",
    detail: `too many sign-in attempts; try again in ${seconds} s`,
    retryAfterSeconds: seconds,
  });
}

export async function signIn(
  db: Kysely<DB>,
  input: { email: string; password: string; address: string },
  wall: Clock,
): Promise<UsersTable> {
  const email = input.email.trim().toLowerCase();
  const accountKey = `signin:account:${email}`;
  const addressKey = `signin:address:${input.address}`;
  for (const [key, limit] of [
    [accountKey, ACCOUNT_LIMIT],
    [addressKey, ADDRESS_LIMIT],
  ] as const) {
    const wait = await blocked(db, key, limit, wall);
    if (wait !== null) throw tooMany(wait);
  }
  const user = await db.selectFrom("users").selectAll().where("email", "=", email).executeTakeFirst();
  const ok = await verifyPassword(user?.password_hash ?? DUMMY_HASH, input.password).catch(() => false);
  if (!user || !ok || user.disabled_at !== null) {
    await hit(db, accountKey, ACCOUNT_LIMIT, wall);
    await hit(db, addressKey, ADDRESS_LIMIT, wall);
    throw new RefusalError({ code: "unauthenticated", detail: "wrong email or password" });
  }
  await reset(db, accountKey);
  // Judged after the password, so that the answer tells nothing new to someone without it.
  if (!(await passwordsAllowedFor(db, user.organization_id)))
    throw new RefusalError({
      code: "unauthenticated",
      detail:
        "your organisation signs in through its identity provider: use “Sign in with …” instead of a password",
    });
  return user;
}
