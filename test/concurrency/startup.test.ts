// Several server processes started at once on an empty database (issue 12, item 6): all of them
// migrate, seed and become ready, and the seed exists once. Before the startup lock, one of three
// exited 1 on a duplicate key while seeding on PostgreSQL.
import { afterEach, describe, expect, it } from "vitest";
import { bootstrap } from "../../src/server/bootstrap.ts";
import { SEED_ACTIVITIES, SEED_PRODUCTS } from "../../src/server/catalog/seed-catalog.ts";
import { openDb } from "../../src/server/db/engine.ts";
import { SEED_PROGRAMS } from "../../src/server/incentives/programs.ts";
import { ADMIN } from "../http/http-support.ts";
import { createTestDb, ENGINES, type TestDb } from "../support/engines.ts";
import { lineMatching, type ServeProcess, spawnServe } from "./serve-process.ts";

const PROCESSES = 3;

describe.each(ENGINES)(
  `${PROCESSES} server processes starting together on an empty %s database`,
  (engine) => {
    let db: TestDb | undefined;
    let servers: ServeProcess[] = [];
    afterEach(async () => {
      for (const s of servers) if (s.child.exitCode === null) s.child.kill("SIGKILL");
      await Promise.all(servers.map((s) => s.closed));
      servers = [];
      await db?.drop();
    });

    it(`all ${PROCESSES} become ready and the seed exists once`, async () => {
      db = await createTestDb(engine);
      const env = {
        DATABASE_URL: db.url,
        DATA_DIR: db.dataDir,
        CLAIMDESK_ADMIN_EMAIL: ADMIN.email,
        CLAIMDESK_ADMIN_PASSWORD: ADMIN.password,
      };
      const script = ["--import", "./test/concurrency/start-barrier.mjs", "bin/claimdesk.js", "serve"];
      servers = Array.from({ length: PROCESSES }, () => spawnServe(env, script));
      // Each loads its modules and waits at the barrier; all are let go at once.
      await Promise.all(servers.map((s) => lineMatching(s, (l) => l === "at the barrier")));
      for (const s of servers) s.child.stdin.write("go\n");
      const urls = await Promise.all(servers.map((s) => s.ready));
      for (const url of urls) expect((await fetch(`${url}/readyz`)).status).toBe(200);

      const check = openDb(db.url);
      try {
        const k = check.kysely;
        const count = async (table: "products" | "activities" | "calendars" | "programs" | "users") =>
          Number(
            (
              await k
                .selectFrom(table)
                .select((eb) => eb.fn.countAll().as("n"))
                .executeTakeFirstOrThrow()
            ).n,
          );
        expect(await count("products")).toBe(SEED_PRODUCTS.length);
        expect(await count("activities")).toBe(SEED_ACTIVITIES.length);
        expect(await count("calendars")).toBe(1);
        expect(await count("programs")).toBe(SEED_PROGRAMS.length);
        expect(await count("users")).toBe(1);
        const programProducts = await k
          .selectFrom("program_products")
          .select(["program_code", "product_code"])
          .execute();
        const distinct = new Set(programProducts.map((p) => `${p.program_code}/${p.product_code}`));
        expect(distinct.size).toBe(programProducts.length);
        expect(programProducts.length).toBeGreaterThan(0);
      } finally {
        await check.close();
      }
      for (const s of servers) s.child.kill("SIGTERM");
      for (const s of servers) expect((await s.closed).code).toBe(0);
    }, 300_000);
  },
);

// The same race inside one process, interleaved at every await: three contexts bootstrapping at
// once on one empty database, as three servers' first seconds look to the database. PostgreSQL
// only: better-sqlite3 waits for a file lock synchronously, so three SQLite connections in one
// thread cannot take turns (the holder never runs while another waits); the processes above cover it.
describe.each(ENGINES.filter((e) => e === "postgres"))(
  "%s: three bootstraps at once in one process",
  (engine) => {
    it("all succeed and seed once", async () => {
      const db = await createTestDb(engine);
      try {
        const opened = await Promise.allSettled(
          [1, 2, 3].map(() => bootstrap({ databaseUrl: db.url, dataDir: db.dataDir, poolSize: 2 })),
        );
        for (const o of opened) if (o.status === "fulfilled") await o.value.db.close();
        expect(opened.map((o) => (o.status === "rejected" ? String(o.reason) : "ok"))).toEqual([
          "ok",
          "ok",
          "ok",
        ]);
        const check = openDb(db.url);
        try {
          const n = await check.kysely
            .selectFrom("products")
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow();
          expect(Number(n.n)).toBe(SEED_PRODUCTS.length);
        } finally {
          await check.close();
        }
      } finally {
        await db.drop();
      }
    }, 60_000);
  },
);
