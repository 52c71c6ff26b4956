// Who a session cookie or a bearer token belongs to, kept for a few seconds so that an
// authenticated request costs no database round trip. In this process a sign-out, a revoked token,
// a disabled user or a changed role drops the entries at once (forgetUser / forgetCredential);
// another process sharing the database notices within PRINCIPAL_TTL_MS, when its entry expires and
// the next request reads the database again.
import type { UsersTable } from "../db/schema.ts";

/** How stale another process's view of a revocation may be. */
export const PRINCIPAL_TTL_MS = 5_000;
/** Enough for every active credential of a large programme; beyond it the oldest go first. */
const MAX_ENTRIES = 20_000;

export interface CachedCredential {
  user: UsersTable;
  /** Sessions only: the CSRF token and the times the idle and absolute timeouts are judged on. */
  csrfToken: string | null;
  createdAt: number;
  lastSeenAt: number;
  /** Tokens only: a read-only token may not change data. Sessions are "write". */
  scope?: "read" | "write";
}

interface Entry extends CachedCredential {
  loadedAt: number;
}

class CredentialCache {
  readonly #entries = new Map<string, Entry>();
  // Bumped by every forget: a lookup that began before it must not store what it read.
  #epoch = 0;

  epoch(): number {
    return this.#epoch;
  }

  get(hash: string, now: number): CachedCredential | undefined {
    const hit = this.#entries.get(hash);
    if (!hit) return undefined;
    // A clock that went backwards (tests travel in time) counts as expired too.
    if (now - hit.loadedAt >= PRINCIPAL_TTL_MS || now < hit.loadedAt) {
      this.#entries.delete(hash);
      return undefined;
    }
    return hit;
  }

  set(hash: string, value: CachedCredential, now: number, epoch: number): void {
    if (epoch !== this.#epoch) return;
    if (this.#entries.size >= MAX_ENTRIES) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    this.#entries.set(hash, { ...value, loadedAt: now });
  }

  forget(hash: string): void {
    this.#epoch++;
    this.#entries.delete(hash);
  }

  forgetUser(userId: string): void {
    this.#epoch++;
    for (const [hash, e] of this.#entries) if (e.user.id === userId) this.#entries.delete(hash);
  }
}

/** One per process: credentials are random, so entries of different databases cannot collide. */
export const sessionCache = new CredentialCache();
export const tokenCache = new CredentialCache();

/**
 * A user's cached credentials are dropped: call after a change to the user (role, name, locale,
 * disabled) or their tokens or sessions has committed.
 */
export function forgetUser(userId: string): void {
  sessionCache.forgetUser(userId);
  tokenCache.forgetUser(userId);
}
