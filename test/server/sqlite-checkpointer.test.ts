// The WAL stays bounded under sustained writes (src/server/db/sqlite-checkpointer.ts): passive
// checkpoints alone never let it restart while commits keep coming, so past its limit the worker
// asks for a window with the connection idle, copies the rest, and the next commit starts the WAL
// from its beginning again. SQLite only: PostgreSQL has no WAL of ours to manage.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { type Checkpointer, startCheckpointer } from "../../src/server/db/sqlite-checkpointer.ts";

describe("the SQLite checkpointer", () => {
  let dir = "";
  let db: Database.Database | undefined;
  let checkpointer: Checkpointer | undefined;
  afterEach(async () => {
    await checkpointer?.stop();
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A WAL database as the server opens it, with automatic checkpoints off and one table. */
  const walDatabase = () => {
    dir = mkdtempSync(join(tmpdir(), "claimdesk-wal-"));
    const path = join(dir, "wal.db");
    const conn = new Database(path);
    db = conn;
    conn.pragma("journal_mode = WAL");
    conn.pragma("synchronous = NORMAL");
    conn.pragma("wal_autocheckpoint = 0");
    conn.exec("create table t (id integer primary key, body blob not null)");
    return { path, conn };
  };

  it("restarts the WAL under writes that never stop", async () => {
    const { path, conn } = walDatabase();
    let idle: Promise<void> | null = null;
    let windows = 0;
    const limitFrames = 200;
    checkpointer = startCheckpointer(path, {
      onFailure: () => {
        throw new Error("the checkpointer failed");
      },
      whileIdle: async (work) => {
        windows += 1;
        idle = work();
        await idle;
        idle = null;
      },
      intervalMs: 10,
      limitFrames,
    });
    const insert = conn.prepare("insert into t (body) values (?)");
    const body = Buffer.alloc(8_000, 7);
    let writing = true;
    let writes = 0;
    // One commit per turn of the event loop, as a busy server makes them; none inside a window.
    const writer = (async () => {
      while (writing) {
        if (idle) await idle;
        else insert.run(body);
        writes += 1;
        await new Promise((r) => setImmediate(r));
      }
    })();
    // The writer has outrun the passive checkpoints: more than the limit in the WAL.
    const grown = () => statSync(`${path}-wal`).size;
    const caught = await checkpointer.caughtUp();
    expect(windows).toBe(1);
    // Truncated in the window: TRUNCATE answers busy 0 and an empty WAL.
    expect(caught).toEqual({ busy: 0, log: 0, checkpointed: 0 });
    writing = false;
    await writer;
    // The window's own one-page commit (the header's fsync) and the writer's commits since.
    expect(grown()).toBeLessThan(limitFrames * 4096);
    insert.run(body);
    const [after] = conn.pragma("wal_checkpoint(PASSIVE)") as { log: number }[];
    expect(after?.log ?? Number.POSITIVE_INFINITY).toBeLessThan(limitFrames);
    expect(writes).toBeGreaterThan(limitFrames / 3);
  }, 60_000);

  it("ends quietly when the window it asked for comes after the stop", async () => {
    const { path, conn } = walDatabase();
    const insert = conn.prepare("insert into t (body) values (?)");
    const body = Buffer.alloc(8_000, 7);
    // Past the limit once: the next tick copies it all and asks for a window.
    conn.transaction(() => {
      for (let i = 0; i < 150; i++) insert.run(body);
    })();
    const failures: string[] = [];
    let stopped: Promise<void> | null = null;
    const granted = new Promise<void>((resolve) => {
      const c = startCheckpointer(path, {
        onFailure: () => failures.push("onFailure"),
        // As a closing server does: the stop is asked for while the window waits its turn, and the
        // window is granted after.
        whileIdle: async (work) => {
          stopped = c.stop();
          await work();
          resolve();
        },
        intervalMs: 10,
        limitFrames: 100,
      });
    });
    await granted;
    await stopped;
    expect(failures).toEqual([]);
  }, 60_000);
});
