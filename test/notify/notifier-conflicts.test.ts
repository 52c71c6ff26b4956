// Issue 12.6: when one claim is hot, the notifier's "notified" history write races the requests
// writing the same claim. Those lost races are retried quietly (debug level, bounded) and every
// notification is still dispatched, with no error line in the log. On PostgreSQL the hot-claim run
// uses two contexts on one database (two server processes, as far as the database can tell); on
// SQLite one (two connections in one thread would wait on each other's write lock synchronously).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addComment } from "../../src/server/claims/use-cases/add-comment.ts";
import { systemClock } from "../../src/server/context.ts";
import { ConcurrentWriteError } from "../../src/server/db/concurrent-write-error.ts";
import { retryConflicts } from "../../src/server/notify/conflict-retry.ts";
import type { MailTransport } from "../../src/server/notify/mail-transport.ts";
import { Notifier, type NotifierLog } from "../../src/server/notify/notifier.ts";
import { ENGINES, openSibling, openTestApp, type TestApp } from "../support/engines.ts";
import { claimIn, makeWorld, type World } from "../support/world.ts";

interface Line {
  level: "error" | "info" | "debug";
  msg: string;
  obj: object;
}

function capture(): { log: NotifierLog; lines: Line[] } {
  const lines: Line[] = [];
  const at = (level: Line["level"]) => (obj: object, msg: string) => lines.push({ level, msg, obj });
  return { lines, log: { error: at("error"), info: at("info"), debug: at("debug") } };
}

const nowhere: MailTransport = {
  kind: "files",
  describe: "nowhere",
  send: async () => {},
  close: () => {},
};

describe("retryConflicts", () => {
  it("retries a lost race quietly and answers the step's result", async () => {
    const { log, lines } = capture();
    let calls = 0;
    const r = await retryConflicts(
      "step",
      async () => {
        calls += 1;
        if (calls < 4) throw new ConcurrentWriteError("claim x");
        return "done";
      },
      log,
      { baseMs: 1 },
    );
    expect(r).toBe("done");
    expect(lines.map((l) => l.level)).toEqual(["debug", "debug", "debug"]);
  });

  it("gives up after its attempts without an error line, and rethrows anything else", async () => {
    const { log, lines } = capture();
    const lost = await retryConflicts(
      "step",
      async () => {
        throw new ConcurrentWriteError("claim x");
      },
      log,
      { attempts: 3, baseMs: 1 },
    );
    expect(lost).toBeNull();
    expect(lines.every((l) => l.level === "debug")).toBe(true);
    await expect(
      retryConflicts(
        "step",
        async () => {
          throw new Error("disk on fire");
        },
        log,
      ),
    ).rejects.toThrow("disk on fire");
  });
});

describe.each(ENGINES)("a hot claim's notifications on %s", (engine) => {
  let app: TestApp;
  let w: World;
  beforeAll(async () => {
    app = await openTestApp(engine, Date.now(), systemClock);
    w = await makeWorld(app.ctx);
  });
  afterAll(() => app.close());

  it("are all dispatched while comments keep arriving, with no error logged", {
    timeout: 60_000,
  }, async () => {
    const claimId = await claimIn(app, w, "under_review");
    const sibling = engine === "postgres" ? await openSibling(app, systemClock) : app.ctx;
    const { log, lines } = capture();
    // The notifier says when a round of its own has ended: the test waits for those, not for time.
    const waiting: (() => void)[] = [];
    const nextRound = () => new Promise<void>((resolve) => waiting.push(resolve));
    const notifier = new Notifier({
      onRound: () => {
        for (const resolve of waiting.splice(0)) resolve();
      },
      ctx: app.ctx,
      wall: systemClock,
      secret: Buffer.alloc(32, 7),
      baseUrl: "https://claims.example.test",
      from: "claims@example.test",
      transport: nowhere,
      log,
    });
    notifier.start(1);
    try {
      // Both "processes" comment on the one claim, several at a time, while the notifier runs
      // (woken by this process's commits and, from the sibling, by NOTIFY or data_version) and
      // a second loop of rounds makes the races on the claim's revision more likely.
      let writing = true;
      const rounds = (async () => {
        while (writing) await notifier.runOnce();
      })();
      const writer = async (ctx: typeof app.ctx, n: number) => {
        for (let i = 0; i < n; i++) await addComment(ctx, w.reviewer, claimId, `comment ${i}`);
      };
      await Promise.all([
        ...Array.from({ length: 4 }, () => writer(sibling, 10)),
        ...Array.from({ length: 2 }, () => writer(app.ctx, 10)),
      ]);
      writing = false;
      await rounds;
      // The notifier's own wake-ups finish the work; nobody calls runOnce any more. Each of its
      // rounds is followed by a look at what is left; a round ending while we count is not missed
      // (the promise is taken before the count). If its rounds stopped with work left, the test
      // fails on its timeout.
      let left = 1;
      for (;;) {
        const round = nextRound();
        const r = await app.ctx.db.kysely
          .selectFrom("outbox")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("sent_at", "is", null)
          .executeTakeFirstOrThrow();
        left = Number(r.n);
        if (left === 0) break;
        await round;
      }
      expect(left).toBe(0);
      const comments = await app.ctx.db.kysely
        .selectFrom("outbox")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("claim_id", "=", claimId)
        .where("topic", "=", "comment_added")
        .executeTakeFirstOrThrow();
      expect(Number(comments.n)).toBe(60);
      expect(lines.filter((l) => l.level === "error")).toEqual([]);
    } finally {
      await notifier.stop();
      if (sibling !== app.ctx) await sibling.db.close();
    }
  });
});
