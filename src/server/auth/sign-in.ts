// Sign-in by email and password. An unknown user and a wrong password get the same answer after the
// same work (a hash is verified either way). Three guards (docs/SECURITY.md "Sign-in"):
// - per account and address: five failures hold that address off that account, right password or
//   not, so a guesser cannot lock the real user out from elsewhere;
// - per address, across accounts: one address cannot spray many accounts;
// - per account, across addresses: past five failures, every address that has failed on the
//   account waits an exponentially growing time, so rotating addresses buys one guess per address;
//   an address that has not failed is never held, so the right password still gets in.
import type { Kysely } from "kysely";
import { RefusalError } from "../../domain/refusal.ts";
import { verifyPassword } from "../admin/passwords.ts";
import type { Clock } from "../context.ts";
import type { DB, UsersTable } from "../db/schema.ts";
import { passwordsAllowedFor } from "./oidc/provider-store.ts";
import { blocked, counted, failureRun, hit, type Limit, noteFailure, reset } from "./rate-limit.ts";

export const PAIR_LIMIT: Limit = { max: 5, windowMs: 15 * 60_000 };
export const ADDRESS_LIMIT: Limit = { max: 30, windowMs: 15 * 60_000 };
/** Failures on one account before back-off starts, its first wait, its cap, and its memory. */
export const ACCOUNT_BACKOFF = { free: 5, baseMs: 1000, capMs: 15 * 60_000, quietMs: 15 * 60_000 };

// A real argon2id hash of a random string: verifying against it costs what a real check costs.
const DUMMY_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$UiRWlsCWi5YCrrxjobUsTQ$XZivmJT8PjMAVeMQFba6D30d+lLIqFPUNTbaB9RptS8";

function tooMany(seconds: number): RefusalError {
  return new RefusalError({
    code: "rate_limited",
    detail: `too many sign-in attempts; try again in ${seconds} s`,
    retryAfterSeconds: Math.max(1, seconds),
  });
}

/** The account's back-off: the seconds an address that has failed on it must still wait, or null. */
export function backoffWait(run: { count: number; at: number } | null, now: number): number | null {
  if (!run || run.count < ACCOUNT_BACKOFF.free) return null;
  const exponent = Math.min(run.count - ACCOUNT_BACKOFF.free, 30);
  const until = run.at + Math.min(ACCOUNT_BACKOFF.capMs, ACCOUNT_BACKOFF.baseMs * 2 ** exponent);
  return until > now ? Math.ceil((until - now) / 1000) : null;
}

export async function signIn(
  db: Kysely<DB>,
  input: { email: string; password: string; address: string },
  wall: Clock,
): Promise<UsersTable> {
  const email = input.email.trim().toLowerCase();
  const pairKey = `signin:pair:${email}:${input.address}`;
  const addressKey = `signin:address:${input.address}`;
  const accountKey = `signin:account:${email}`;
  for (const [key, limit] of [
    [addressKey, ADDRESS_LIMIT],
    [pairKey, PAIR_LIMIT],
  ] as const) {
    const wait = await blocked(db, key, limit, wall);
    if (wait !== null) throw tooMany(wait);
  }
  const run = await failureRun(db, accountKey, ACCOUNT_BACKOFF.quietMs, wall);
  const wait = backoffWait(run, wall.now());
  if (wait !== null && (await counted(db, pairKey, PAIR_LIMIT, wall)) > 0) throw tooMany(wait);

  const user = await db.selectFrom("users").selectAll().where("email", "=", email).executeTakeFirst();
  const ok = await verifyPassword(user?.password_hash ?? DUMMY_HASH, input.password).catch(() => false);
  if (!user || !ok || user.disabled_at !== null) {
    await hit(db, pairKey, PAIR_LIMIT, wall);
    await hit(db, addressKey, ADDRESS_LIMIT, wall);
    await noteFailure(db, accountKey, ACCOUNT_BACKOFF.quietMs, wall);
    throw new RefusalError({ code: "unauthenticated", detail: "wrong email or password" });
  }
  // The account's run of failures stays: the guesser's addresses are still held after the real user
  // got in. This address's own count is forgiven.
  await reset(db, pairKey);
  // Judged after the password, so that the answer tells nothing new to someone without it.
  if (!(await passwordsAllowedFor(db, user.organization_id)))
    throw new RefusalError({
      code: "unauthenticated",
      detail:
        "your organisation signs in through its identity provider: use “Sign in with …” instead of a password",
    });
  return user;
}
