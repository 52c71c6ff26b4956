// The OpenAPI document exactly as a server serves it, built in-process on a throwaway SQLite
// database: `npm run gen:api` and the contract tests read it from here, never from a hand copy.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bootstrap } from "../../bootstrap.ts";
import { DEFAULT_UPLOAD_LIMITS } from "../../claims/use-cases/attach-document.ts";
import { systemClock } from "../../context.ts";
import { buildApp } from "../build-app.ts";

export async function servedDocument(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(join(tmpdir(), "claimdesk-openapi-"));
  const ctx = await bootstrap({ databaseUrl: `sqlite:${join(dataDir, "openapi.db")}`, dataDir });
  try {
    const { app } = await buildApp(
      {
        ctx,
        wall: systemClock,
        // Nothing is sealed while the document is built: a throwaway secret will do.
        secret: randomBytes(32),
        secureCookies: false,
        simulatedClock: false,
        uploads: DEFAULT_UPLOAD_LIMITS,
      },
      { logLevel: "silent" },
    );
    // A deep copy: the caller may change it without touching the app's cached document.
    const doc: Record<string, unknown> = JSON.parse(JSON.stringify(app.swagger()));
    await app.close();
    return doc;
  } finally {
    await ctx.db.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
