// SQLite's two connections (src/server/db/sqlite-driver.ts): a plain SELECT runs on the reader at
// once, even while a transaction holds the writer, and sees only what was committed; whatever holds
// the writer (a transaction, a raw BEGIN on a held connection) reads its own writes there; and
// reads wait out the checkpointer's window. SQLite only: PostgreSQL has its pool.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { CompiledQuery, Kysely, sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { ImmediateSqliteDialect } from "../../src/server/db/sqlite-driver.ts";

interface T {
  t: { id: number; v: string };
}

describe("SQLite's reader and writer", () => {
  let dir = "";
  let db: Kysely<T> | undefined;
  let dialect: ImmediateSqliteDialect | undefined;
  afterEach(async () => {
    await db?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  async function open(): Promise<Kysely<T>> {
    dir = mkdtempSync(join(tmpdir(), "claimdesk-reader-"));
    const path = join(dir, "r.db");
    const writer = new Database(path);
    writer.pragma("journal_mode = WAL");
    writer.exec("create table t (id integer primary key, v text not null); insert into t values (1, 'old')");
    const reader = new Database(path);
    reader.pragma("query_only = ON");
    dialect = new ImmediateSqliteDialect(writer, reader);
    db = new Kysely<T>({ dialect });
    return db;
  }
  const storedValue = async (k: Kysely<T>) =>
    (await k.selectFrom("t").select("v").where("id", "=", 1).executeTakeFirstOrThrow()).v;

  it("answers a read during an open transaction with the last commit, then with the new one", async () => {
    const k = await open();
    let finish!: () => void;
    const held = new Promise<void>((r) => {
      finish = r;
    });
    let inside = "";
    const tx = k.transaction().execute(async (trx) => {
      await trx.updateTable("t").set({ v: "new" }).where("id", "=", 1).execute();
      inside = await storedValue(trx);
      await held;
    });
    // The transaction waits on `held`: with one connection this read would wait for it (for ever).
    await expect.poll(() => inside).toBe("new");
    expect(await storedValue(k)).toBe("old");
    finish();
    await tx;
    expect(await storedValue(k)).toBe("new");
  });

  it("keeps a held connection's reads on the writer once it has begun a transaction by hand", async () => {
    const k = await open();
    const seen = await k.connection().execute(async (conn) => {
      await sql`begin immediate`.execute(conn);
      await conn.updateTable("t").set({ v: "mine" }).where("id", "=", 1).execute();
      const own = await storedValue(conn);
      await sql`rollback`.execute(conn);
      return own;
    });
    expect(seen).toBe("mine");
    expect(await storedValue(k)).toBe("old");
  });

  it("sends writes outside a transaction to the writer, never to the read-only connection", async () => {
    const k = await open();
    await k.insertInto("t").values({ id: 2, v: "two" }).execute();
    const returned = await k.executeQuery<{ v: string }>(
      CompiledQuery.raw("with x as (select 3 as id) insert into t select id, 'three' from x returning v"),
    );
    expect(returned.rows).toEqual([{ v: "three" }]);
    expect(await k.selectFrom("t").select("v").orderBy("id").execute()).toEqual([
      { v: "old" },
      { v: "two" },
      { v: "three" },
    ]);
  });

  it("holds reads back while the checkpointer's window is open", async () => {
    const k = await open();
    let close!: () => void;
    const windowOpen = new Promise<void>((r) => {
      close = r;
    });
    let entered = false;
    const idle = dialect?.whileIdle(async () => {
      entered = true;
      await windowOpen;
    });
    await expect.poll(() => entered).toBe(true);
    let read = "";
    const reading = storedValue(k).then((v) => {
      read = v;
    });
    // An unheld read answers within the microtasks of its call: after a whole turn, this one waits.
    await new Promise((r) => setImmediate(r));
    expect(read).toBe("");
    close();
    await Promise.all([idle, reading]);
    expect(read).toBe("old");
  });
});
