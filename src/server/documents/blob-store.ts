// Where PoE bytes live. Content-addressed by sha256: the same file stored twice takes space once,
// and a storage key never reveals the uploaded name. An upload is staged first and becomes a blob
// only inside the transaction that records its document row (`commit(trx)`): a refusal at any
// point before that (the file's checks, the per-claim limit lost to a concurrent upload, a closed
// state) discards the staged bytes, so no refusal leaves a file without a row. A blob can only be
// left over when the database fails after `commit` (a crash); the tmp/ sweep and an orphan
// collector are for that.
import { createHash, randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";

export interface StoredBlob {
  key: string;
  sha256: string;
  size: number;
}

export interface StagedBlob extends StoredBlob {
  /** Makes the blob visible, inside the transaction that records the row naming it (idempotent). */
  commit(trx: Kysely<DB>): Promise<void>;
  /** Drops the staged bytes unless committed; always safe to call. */
  discard(): Promise<void>;
}

type Accept = () => void | Promise<void>;

export interface BlobStore {
  /**
   * Stages a stream; `maxBytes` exceeded rejects with BlobTooLargeError and leaves nothing behind.
   * `accept` runs once every byte has arrived: if it throws, nothing is kept.
   */
  stage(source: AsyncIterable<Uint8Array> | Readable, maxBytes: number, accept?: Accept): Promise<StagedBlob>;
  get(key: string): Promise<Readable>;
}

export class BlobTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`the file is larger than ${maxBytes} bytes`);
    this.name = "BlobTooLargeError";
  }
}

function meter(maxBytes: number, onChunk: (chunk: Uint8Array) => void): Transform {
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > maxBytes) return done(new BlobTooLargeError(maxBytes));
      onChunk(chunk);
      done(null, chunk);
    },
  });
}

export class FsBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  async stage(
    source: AsyncIterable<Uint8Array> | Readable,
    maxBytes: number,
    accept?: Accept,
  ): Promise<StagedBlob> {
    const tmpDir = join(this.root, "tmp");
    await mkdir(tmpDir, { recursive: true });
    const tmp = join(tmpDir, randomUUID());
    const hash = createHash("sha256");
    let size = 0;
    const out = createWriteStream(tmp);
    try {
      await pipeline(
        Readable.from(source),
        meter(maxBytes, (c) => {
          hash.update(c);
          size += c.length;
        }),
        out,
      );
      await accept?.();
    } catch (err) {
      // The file may still be opening when the stream fails: remove it only once it is closed.
      // (events.once would reject on the stream's own 'error'; only its 'close' matters here.)
      if (!out.closed) await new Promise<void>((resolve) => out.once("close", () => resolve()));
      await rm(tmp, { force: true });
      throw err;
    }
    const sha256 = hash.digest("hex");
    const key = `${sha256.slice(0, 2)}/${sha256}`;
    let state: "staged" | "committed" | "discarded" = "staged";
    return {
      key,
      sha256,
      size,
      commit: async () => {
        if (state !== "staged") return;
        await mkdir(join(this.root, sha256.slice(0, 2)), { recursive: true });
        // Same content, same name: replacing an existing copy is harmless.
        await rename(tmp, join(this.root, key));
        state = "committed";
      },
      discard: async () => {
        if (state !== "staged") return;
        state = "discarded";
        await rm(tmp, { force: true });
      },
    };
  }

  /**
   * Removes partial uploads that a crash left in tmp/ (a finished upload is renamed out of it at
   * once, so anything older than `olderThanMs` there is debris). Returns how many it removed.
   */
  async removeAbandonedUploads(olderThanMs: number): Promise<number> {
    const dir = join(this.root, "tmp");
    const names = await readdir(dir).catch(() => [] as string[]);
    // Wall time on purpose: file ages are measured by the file system's clock.
    const cutoff = Date.now() - olderThanMs;
    let removed = 0;
    for (const name of names) {
      const path = join(dir, name);
      const info = await stat(path).catch(() => null);
      if (info && info.mtimeMs < cutoff) {
        await rm(path, { force: true });
        removed++;
      }
    }
    return removed;
  }

  async get(key: string): Promise<Readable> {
    if (!/^[0-9a-f]{2}\/[0-9a-f]{64}$/.test(key)) throw new Error("bad storage key");
    const path = join(this.root, key);
    await stat(path);
    return createReadStream(path);
  }
}

/** Bytes in the database: for several servers sharing one PostgreSQL and no shared disk. */
export class DbBlobStore implements BlobStore {
  constructor(private readonly db: Kysely<DB>) {}

  async stage(
    source: AsyncIterable<Uint8Array> | Readable,
    maxBytes: number,
    accept?: Accept,
  ): Promise<StagedBlob> {
    const hash = createHash("sha256");
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of Readable.from(source)) {
      const b = Buffer.from(chunk as Uint8Array);
      size += b.length;
      if (size > maxBytes) throw new BlobTooLargeError(maxBytes);
      hash.update(b);
      chunks.push(b);
    }
    await accept?.();
    const sha256 = hash.digest("hex");
    const content = Buffer.concat(chunks);
    return {
      key: `db:${sha256}`,
      sha256,
      size,
      // In the row's own transaction: the bytes and the row commit or vanish together.
      commit: async (trx) => {
        await trx
          .insertInto("blobs")
          .values({ sha256, content })
          .onConflict((oc) => oc.column("sha256").doNothing())
          .execute();
      },
      discard: async () => {},
    };
  }

  async get(key: string): Promise<Readable> {
    const row = await this.db
      .selectFrom("blobs")
      .select("content")
      .where("sha256", "=", key.replace(/^db:/, ""))
      .executeTakeFirstOrThrow();
    return Readable.from([Buffer.from(row.content)]);
  }
}
