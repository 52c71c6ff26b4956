// The orphaned-blob collector (issue 12): PoE bytes that no document row names, left by a crash
// between storing the bytes and committing the document, or by a refused or raced upload. Both
// stores are swept, whichever one the server uses now: files under <DATA_DIR>/documents and rows of
// `blobs`. A blob younger than the grace period is spared (its upload may still be committing);
// a dry run lists what would go and how many bytes, and deletes nothing.
import { readdir, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import type { AppContext } from "../context.ts";
import { rowLimit } from "../db/row-limit.ts";

/** Far longer than any upload takes from its bytes to its committed document row. */
export const DEFAULT_BLOB_GRACE_MS = 3_600_000;

export interface OrphanedBlob {
  /** The storage key a document row would hold (`xx/<sha256>` or `db:<sha256>`). */
  key: string;
  bytes: number;
  /** Epoch ms it was stored at; null when unknown (database blobs older than migration 0010). */
  storedAt: number | null;
}

export interface BlobCollection {
  dryRun: boolean;
  orphans: OrphanedBlob[];
  bytes: number;
  /** How many were deleted (0 in a dry run). */
  deleted: number;
}

const FS_KEY = /^[0-9a-f]{2}\/[0-9a-f]{64}$/;

async function referencedKeys(ctx: AppContext): Promise<Set<string>> {
  const rows = await ctx.db.kysely.selectFrom("documents").select("storage_key").distinct().execute();
  return new Set(rows.map((r) => r.storage_key));
}

/** Files of the file-system store: `<root>/<2 hex>/<sha256>` (tmp/ is the store's own to clean). */
async function fileBlobs(root: string): Promise<OrphanedBlob[]> {
  const out: OrphanedBlob[] = [];
  const dirs = await readdir(root).catch(() => [] as string[]);
  for (const dir of dirs) {
    if (!/^[0-9a-f]{2}$/.test(dir)) continue;
    for (const name of await readdir(join(root, dir)).catch(() => [] as string[])) {
      const key = `${dir}/${name}`;
      if (!FS_KEY.test(key)) continue;
      const info = await stat(join(root, key)).catch(() => null);
      if (info?.isFile()) out.push({ key, bytes: info.size, storedAt: info.mtimeMs });
    }
  }
  return out;
}

async function databaseBlobs(ctx: AppContext): Promise<OrphanedBlob[]> {
  const rows = await ctx.db.kysely
    .selectFrom("blobs")
    .select((eb) => ["sha256", "created_at", eb.fn<number>("length", ["content"]).as("bytes")])
    .execute();
  return rows.map((r) => ({ key: `db:${r.sha256}`, bytes: Number(r.bytes), storedAt: r.created_at ?? null }));
}

async function isReferenced(ctx: AppContext, key: string): Promise<boolean> {
  const row = await ctx.db.kysely
    .selectFrom("documents")
    .select("id")
    .where("storage_key", "=", key)
    .limit(rowLimit(1))
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Finds (and unless `dryRun`, deletes) blobs no document names that are older than `graceMs`.
 * Wall time on purpose: file times and the database's stamps are real time, never simulated.
 */
export async function collectOrphanedBlobs(
  ctx: AppContext,
  opts: { dataDir: string; graceMs?: number; dryRun: boolean; now?: number },
): Promise<BlobCollection> {
  const cutoff = (opts.now ?? Date.now()) - (opts.graceMs ?? DEFAULT_BLOB_GRACE_MS);
  const old = (b: OrphanedBlob) => b.storedAt === null || b.storedAt < cutoff;
  const root = join(opts.dataDir, "documents");
  const used = await referencedKeys(ctx);
  const files = (await fileBlobs(root)).filter((b) => !used.has(b.key) && old(b));
  const rows = (await databaseBlobs(ctx)).filter((b) => !used.has(b.key) && old(b));
  const orphans = [...files, ...rows].sort((a, b) => a.key.localeCompare(b.key));
  let deleted = 0;
  if (!opts.dryRun) {
    for (const b of files) {
      // Looked at again just before: an upload of the same bytes may have stored them anew.
      const info = await stat(join(root, b.key)).catch(() => null);
      if (!info || info.mtimeMs >= cutoff || (await isReferenced(ctx, b.key))) continue;
      await rm(join(root, b.key), { force: true });
      deleted++;
    }
    for (const b of rows) {
      const sha256 = b.key.slice("db:".length);
      // Guarded in the statement itself: a document that names it since is never left without it.
      const r = await ctx.db.kysely
        .deleteFrom("blobs")
        .where("sha256", "=", sha256)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(selectFrom("documents").select("documents.id").where("documents.storage_key", "=", b.key)),
          ),
        )
        .executeTakeFirst();
      deleted += Number(r.numDeletedRows);
    }
  }
  return { dryRun: opts.dryRun, orphans, bytes: orphans.reduce((n, b) => n + b.bytes, 0), deleted };
}
