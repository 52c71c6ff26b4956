// The server's signing secret: consent links are derived from it, so that the link can be put in a
// mail again after a crash while the database keeps only its hash. Several servers must share it
// (CLAIMDESK_SECRET); a single server keeps a generated one in the data folder.
import { createHmac, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const MIN_SECRET_CHARS = 32;

export function loadSecret(fromEnv: string | null, dataDir: string): Buffer {
  if (fromEnv) {
    if (fromEnv.length < MIN_SECRET_CHARS)
      throw new Error(`CLAIMDESK_SECRET must be at least ${MIN_SECRET_CHARS} characters`);
    return Buffer.from(fromEnv, "utf8");
  }
  const file = join(dataDir, "secret.key");
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    // "wx": two servers starting at once on one folder must not overwrite each other's secret.
    try {
      writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
  }
  return Buffer.from(readFileSync(file, "utf8").trim(), "utf8");
}

/** 256 bits, derived from the secret and the request's id: unguessable without the secret. */
export function consentToken(secret: Buffer, consentId: string): string {
  return createHmac("sha256", secret).update(`consent:${consentId}`).digest("base64url");
}
