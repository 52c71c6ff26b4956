// Configuration from the environment (API.md §6), checked once at start
// with a message that names the variable and what it accepts.
import { dirname, resolve } from "node:path";
import { DEFAULT_DATABASE_URL, engineOf } from "./db/engine.ts";
import { parseAllowList } from "./notify/egress.ts";
import { type RateLimitSettings, rateLimitsFromEnv } from "./rate-limit-settings.ts";

export interface Config {
  databaseUrl: string;
  dataDir: string;
  port: number;
  host: string;
  baseUrl: string;
  smtpUrl: string | null;
  adminEmail: string | null;
  adminPassword: string | null;
  simulatedClock: boolean;
  sweepIntervalSeconds: number;
  documentStorage: "fs" | "db";
  logLevel: string;
  /** The From of every mail. */
  mailFrom: string;
  /** Signs consent links; several servers must share it. Null: a generated one in the data folder. */
  secret: string | null;
  notifyIntervalSeconds: number;
  /** Plain-http webhook endpoints are refused unless this is set (tests, a private network). */
  webhooksAllowHttp: boolean;
  /** Hosts, addresses and CIDR blocks webhooks may reach though not public (WEBHOOKS_ALLOW_HOSTS). */
  webhooksAllowHosts: string[];
  /** Per-user and per-organisation limits on chatty writes (RATE_LIMIT_*); default: built in. */
  rateLimits?: RateLimitSettings;
  /** Bearer token for /metrics (METRICS_TOKEN); null: only loopback callers may read it. */
  metricsToken?: string | null;
  /**
   * How long a request's Idempotency-Key stays held when its holder died (IDEMPOTENCY_LEASE_SECONDS):
   * a retry within it answers 409 idempotency_in_progress; after it, the retry replays or runs afresh.
   */
  idempotencyLeaseSeconds?: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  ${problems.join("\n  ")}`);
    this.name = "ConfigError";
  }
}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, def: number, min: number, max: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return def;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    problems.push(`${name}=${raw}: expected a whole number from ${min} to ${max}`);
    return def;
  }
  return n;
}

function flag(env: Env, name: string, problems: string[]): boolean {
  const raw = env[name] ?? "";
  if (!["", "0", "1", "true", "false"].includes(raw)) problems.push(`${name}=${raw}: expected 1 or 0`);
  return raw === "1" || raw === "true";
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname || "localhost";
  } catch {
    return "localhost";
  }
}

function allowHosts(env: Env, problems: string[]): string[] {
  const raw = env.WEBHOOKS_ALLOW_HOSTS ?? "";
  problems.push(...parseAllowList(raw).problems);
  return raw.split(/[\s,]+/).filter(Boolean);
}

export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const databaseUrl = env.DATABASE_URL || DEFAULT_DATABASE_URL;
  try {
    engineOf(databaseUrl);
  } catch (e) {
    problems.push(`DATABASE_URL: ${(e as Error).message}`);
  }
  const port = int(env, "PORT", 3000, 0, 65535, problems);
  const host = env.HOST || "127.0.0.1";
  const baseUrl = env.BASE_URL || `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  try {
    const u = new URL(baseUrl);
    if (u.protocol !== "http:" && u.protocol !== "https:")
      problems.push(`BASE_URL=${baseUrl}: must be http(s)`);
  } catch {
    problems.push(`BASE_URL=${baseUrl}: not a URL`);
  }
  const smtpUrl = env.SMTP_URL || null;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl))
    problems.push(`SMTP_URL: must start with smtp:// or smtps://`);
  const adminEmail = env.CLAIMDESK_ADMIN_EMAIL || null;
  const adminPassword = env.CLAIMDESK_ADMIN_PASSWORD || null;
  if ((adminEmail === null) !== (adminPassword === null)) {
    problems.push("CLAIMDESK_ADMIN_EMAIL and CLAIMDESK_ADMIN_PASSWORD go together: set both or neither");
  }
  const sim = env.CLAIMDESK_SIMULATED_CLOCK ?? "";
  if (!["", "0", "1", "true", "false"].includes(sim))
    problems.push(`CLAIMDESK_SIMULATED_CLOCK=${sim}: expected 1 or 0`);
  const storage = env.DOCUMENT_STORAGE || "fs";
  if (storage !== "fs" && storage !== "db") problems.push(`DOCUMENT_STORAGE=${storage}: expected fs or db`);
  const secret = env.CLAIMDESK_SECRET || null;
  if (secret !== null && secret.length < 32)
    problems.push("CLAIMDESK_SECRET: must be at least 32 characters (e.g. openssl rand -base64 32)");
  const sqlitePath = databaseUrl.startsWith("sqlite:") ? databaseUrl.slice("sqlite:".length) : null;
  const dataDir = resolve(
    env.DATA_DIR || (sqlitePath && sqlitePath !== ":memory:" ? dirname(sqlitePath) : "./data"),
  );
  const config: Config = {
    databaseUrl,
    dataDir,
    port,
    host,
    baseUrl: baseUrl.replace(/\/$/, ""),
    smtpUrl,
    adminEmail,
    adminPassword,
    simulatedClock: sim === "1" || sim === "true",
    sweepIntervalSeconds: int(env, "SWEEP_INTERVAL_SECONDS", 30, 1, 86_400, problems),
    documentStorage: storage === "db" ? "db" : "fs",
    logLevel: env.LOG_LEVEL || "info",
    mailFrom: env.MAIL_FROM || `Claimdesk <no-reply@${hostOf(baseUrl)}>`,
    secret,
    notifyIntervalSeconds: int(env, "NOTIFY_INTERVAL_SECONDS", 2, 1, 3600, problems),
    webhooksAllowHttp: flag(env, "WEBHOOKS_ALLOW_HTTP", problems),
    webhooksAllowHosts: allowHosts(env, problems),
    rateLimits: rateLimitsFromEnv(env, problems),
    metricsToken: env.METRICS_TOKEN || null,
    idempotencyLeaseSeconds: int(env, "IDEMPOTENCY_LEASE_SECONDS", 30, 2, 3600, problems),
  };
  if (config.metricsToken && config.metricsToken.length < 16)
    problems.push("METRICS_TOKEN: must be at least 16 characters (e.g. openssl rand -base64 24)");
  if (problems.length) throw new ConfigError(problems);
  return config;
}
