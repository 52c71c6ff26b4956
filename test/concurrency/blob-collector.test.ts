// The orphaned-blob collector (issue 12, item 6): bytes stored with no document row that names
// them (a crash between the bytes and the row, as 30 kills left 13-18 of them) are listed by a dry
// run with their sizes and deleted by a real one, after a grace period; named bytes stay. Both the
// file-system and the database store, on both engines; and the `claimdesk blobs gc` command.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachDocument } from "../../src/server/claims/use-cases/attach-document.ts";
import { collectOrphanedBlobs } from "../../src/server/documents/blob-collector.ts";
import { DbBlobStore } from "../../src/server/documents/blob-store.ts";
import { ENGINES, openTestApp, type TestApp } from "../support/engines.ts";
import { claimIn, makeWorld, pdf } from "../support/world.ts";

const run = promisify(execFile);
// Vitest sets BASE_URL (Vite's) in its own environment; the server would read it as its own.
const withoutBaseUrl = () => {
  const { BASE_URL: _b, ...env } = process.env;
  return env;
};
const ROOT = fileURLToPath(new URL("../..", import.meta.url));

describe.each(ENGINES)("orphaned blobs on %s", (engine) => {
  let app: TestApp;
  let named: string;
  const orphanKeys: string[] = [];
  beforeAll(async () => {
    app = await openTestApp(engine);
    const w = await makeWorld(app.ctx);
    const claimId = await claimIn(app, w, "editing");
    const doc = await attachDocument(app.ctx, w.a.incentives, claimId, pdf());
    named = (
      await app.ctx.db.kysely
        .selectFrom("documents")
        .select("storage_key")
        .where("id", "=", doc.id)
        .executeTakeFirstOrThrow()
    ).storage_key;
    // What a crash after storing the bytes leaves: a file and a database row no document names.
    const db = new DbBlobStore(app.ctx.db.kysely);
    // Staged and committed with no document row: the crash came between the blob and the row.
    for (const [store, text] of [
      [app.ctx.blobs, "orphan file"],
      [db, "orphan row!"],
    ] as const) {
      const staged = await store.stage(Readable.from([Buffer.from(text)]), 1_000);
      await staged.commit(app.ctx.db.kysely);
      orphanKeys.push(staged.key);
    }
  });
  afterAll(async () => {
    await app?.close();
  });

  const dataDir = () => app.db.dataDir;
  const later = () => Date.now() + 60_000;

  it("a dry run lists the orphans past the grace period with their bytes, and deletes nothing", async () => {
    const young = await collectOrphanedBlobs(app.ctx, { dataDir: dataDir(), dryRun: true });
    expect(young.orphans).toEqual([]);
    const r = await collectOrphanedBlobs(app.ctx, {
      dataDir: dataDir(),
      dryRun: true,
      graceMs: 0,
      now: later(),
    });
    expect(r.orphans.map((o) => o.key).sort()).toEqual([...orphanKeys].sort());
    expect(r.bytes).toBe(22);
    expect(r.deleted).toBe(0);
    expect(existsSync(join(dataDir(), "documents", orphanKeys[0] ?? ""))).toBe(true);
  });

  it("`claimdesk blobs gc --dry-run` prints them", async () => {
    const { stdout } = await run(
      process.execPath,
      ["bin/claimdesk.js", "blobs", "gc", "--dry-run", "--grace-minutes", "0"],
      {
        cwd: ROOT,
        env: { ...withoutBaseUrl(), DATABASE_URL: app.db.url, DATA_DIR: dataDir(), LOG_LEVEL: "warn" },
      },
    );
    for (const key of orphanKeys) expect(stdout).toContain(`would delete ${key} 11 bytes`);
    expect(stdout).toContain("2 orphaned blobs, 22 bytes (dry run: nothing deleted)");
  }, 120_000);

  it("a real run deletes exactly the orphans; the named bytes stay readable", async () => {
    const r = await collectOrphanedBlobs(app.ctx, {
      dataDir: dataDir(),
      dryRun: false,
      graceMs: 0,
      now: later(),
    });
    expect(r.deleted).toBe(2);
    expect(existsSync(join(dataDir(), "documents", orphanKeys[0] ?? ""))).toBe(false);
    const rows = await app.ctx.db.kysely.selectFrom("blobs").select("sha256").execute();
    expect(rows.map((x) => `db:${x.sha256}`)).not.toContain(orphanKeys[1]);
    const chunks: Buffer[] = [];
    for await (const c of await app.ctx.blobs.get(named)) chunks.push(Buffer.from(c as Uint8Array));
    expect(Buffer.concat(chunks).length).toBeGreaterThan(0);
    const again = await collectOrphanedBlobs(app.ctx, {
      dataDir: dataDir(),
      dryRun: true,
      graceMs: 0,
      now: later(),
    });
    expect(again.orphans).toEqual([]);
  });
});
