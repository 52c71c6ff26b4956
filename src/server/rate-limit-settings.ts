// How many chatty writes a user and an organisation may make per window (issue 12): configuration,
// read from the environment once at start (README "Configuration").

export const LIMIT_KINDS = ["comments", "actions", "uploads", "imports", "lookups"] as const;
export type LimitKind = (typeof LIMIT_KINDS)[number];

/** Requests per window; 0 switches that limit off. */
export interface PairLimit {
  user: number;
  organization: number;
}

export type RateLimitSettings = { windowSeconds: number } & Record<LimitKind, PairLimit>;

export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  windowSeconds: 60,
  comments: { user: 20, organization: 200 },
  actions: { user: 120, organization: 600 },
  uploads: { user: 60, organization: 300 },
  imports: { user: 20, organization: 60 },
  // Registry look-ups while filing: a person types a few a minute; a script walking it hits this.
  lookups: { user: 60, organization: 300 },
};

/** RATE_LIMIT_<KIND>=per-user/per-organisation, e.g. `20/200`; RATE_LIMIT_WINDOW_SECONDS=60. */
export function rateLimitsFromEnv(
  env: Record<string, string | undefined>,
  problems: string[],
): RateLimitSettings {
  const out: RateLimitSettings = structuredClone(DEFAULT_RATE_LIMITS);
  const win = env.RATE_LIMIT_WINDOW_SECONDS;
  if (win) {
    const n = Number(win);
    if (Number.isInteger(n) && n >= 1 && n <= 86_400) out.windowSeconds = n;
    else problems.push(`RATE_LIMIT_WINDOW_SECONDS=${win}: expected a whole number from 1 to 86400`);
  }
  for (const kind of LIMIT_KINDS) {
    const name = `RATE_LIMIT_${kind.toUpperCase()}`;
    const raw = env[name];
    if (!raw) continue;
    const m = /^(\d{1,7})\/(\d{1,7})$/.exec(raw.trim());
    if (m) out[kind] = { user: Number(m[1]), organization: Number(m[2]) };
    else problems.push(`${name}=${raw}: expected per-user/per-organisation counts, e.g. 20/200 (0 = off)`);
  }
  return out;
}
