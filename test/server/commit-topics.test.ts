// Commits say what they wrote (src/server/db/commit-signal.ts): the preflight runner is woken by
// the commits that queued a read, not by every transition, and a rolled-back attempt tells nobody.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CommitTopics, noteCommit } from "../../src/server/db/commit-signal.ts";
import { ConcurrentWriteError } from "../../src/server/db/concurrent-write-error.ts";
import { transact } from "../../src/server/db/transact.ts";
import { ENGINES, openTestApp, type TestApp } from "../support/engines.ts";

describe.each(ENGINES)("commit topics on %s", (engine) => {
  let app: TestApp;
  const heard: CommitTopics[] = [];
  let off: () => void;
  beforeAll(async () => {
    app = await openTestApp(engine);
    off = app.ctx.db.commits.on((topics) => heard.push(topics));
  });
  afterAll(async () => {
    off();
    await app.close();
  });

  const write = (key: string) => async (trx: Parameters<Parameters<typeof transact>[1]>[0]) => {
    await trx.insertInto("settings").values({ key, value: "x" }).execute();
  };

  it("a commit that noted nothing says so; one that noted a topic names it", async () => {
    heard.length = 0;
    await transact(app.ctx.db, write("plain"));
    await transact(app.ctx.db, async (trx) => {
      noteCommit(trx, "preflight");
      await write("noted")(trx);
    });
    expect(heard.map((t) => (t === null ? null : [...t]))).toEqual([[], ["preflight"]]);
  });

  it("a retried unit of work reports only what its committed attempt noted", async () => {
    heard.length = 0;
    let attempt = 0;
    await transact(app.ctx.db, async (trx) => {
      attempt += 1;
      if (attempt === 1) {
        noteCommit(trx, "preflight");
        throw new ConcurrentWriteError("lost the race");
      }
      await write("retried")(trx);
    });
    expect(attempt).toBe(2);
    expect(heard.map((t) => (t === null ? null : [...t]))).toEqual([[]]);
  });

  it("another process's commit (NOTIFY, data_version) is unknown: every listener looks", () => {
    heard.length = 0;
    app.ctx.db.commits.notifyLocal();
    expect(heard).toEqual([null]);
  });
});
