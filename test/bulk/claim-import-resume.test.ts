// Nothing of an accepted claims file is lost when its process dies (issue 14): a real server is
// killed with SIGKILL after its first chunk committed; the import stays `running` with the rows done
// so far, is left alone while the dead holder's lease lasts, and is then resumed from `done` by
// another process — on PostgreSQL by two servers racing for it — until every line has exactly one
// claim. A slow holder that lost its lease commits nothing more. The lease running out is the wall
// clock moved past it, never a wait.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLAIM_FILE_COLUMNS } from "../../src/server/claims/bulk/claim-file-columns.ts";
import {
  ClaimImportRunner,
  CREATE_CHUNK,
  IMPORT_LEASE_MS,
} from "../../src/server/claims/bulk/run-claim-import.ts";
import { startServer } from "../../src/server/server.ts";
import { lineMatching, spawnServe } from "../concurrency/serve-process.ts";
import { startTestServer, type TestServer, testConfig } from "../http/http-support.ts";
import { type HttpWorld, httpWorld, registerCustomers } from "../http/http-world.ts";
import { ENGINES } from "../support/engines.ts";

interface ImportJson {
  id: string;
  status: string;
  rows: number;
  done: number;
  error: string | null;
  failure: { code: string; line: number | null; reason: string | null } | null;
  claims: { line: number; id: string; number: string }[];
}
const ROWS = 2 * CREATE_CHUNK + 50;

describe.each(ENGINES)("a claims import whose process died, on %s", (engine) => {
  let t: TestServer;
  let w: HttpWorld;
  let offset = 0;
  const wall = { now: () => Date.now() + offset };
  // The in-process server's own runner waits here after a chunk while `hold` is set.
  let hold: Promise<void> | null = null;
  let chunked: (done: number) => void = () => {};
  beforeAll(async () => {
    t = await startTestServer(engine, {}, undefined, {
      wall,
      claimImports: {
        pollMs: 3_600_000,
        afterChunk: async (_id, done) => {
          chunked(done);
          await hold;
        },
      },
    });
    w = await httpWorld(t);
  });
  afterAll(async () => {
    await t?.stop();
  });

  /** A file of `n` good rows, each on a customer of its own. */
  async function claimsFile(n: number): Promise<string> {
    const lines = (await registerCustomers(t, n)).map(({ tenantId, domain }) => {
      const r: Record<string, string> = {
        partnerId: w.a.partnerId,
        customerTenantId: tenantId,
        customerDomain: domain,
        customerName: "C",
        activity: "deployment",
        products: "teams",
        customerContactName: "Casey",
        customerContactEmail: "casey@customer.example",
        partnerContactName: "Paula",
        partnerContactEmail: "paula@partner.example",
      };
      return CLAIM_FILE_COLUMNS.map((c) => r[c] ?? "").join(",");
    });
    return [CLAIM_FILE_COLUMNS.join(","), ...lines].join("\n");
  }

  /** The in-process runner stops after its next chunk until `release`; `firstChunk` says its done. */
  function holdAfterFirstChunk() {
    let release = () => {};
    hold = new Promise<void>((resolve) => {
      release = resolve;
    });
    const firstChunk = new Promise<number>((resolve) => {
      chunked = resolve;
    });
    return { firstChunk, release };
  }

  /** A file of ROWS accepted, its first chunk created, the runner held until `release`. */
  async function heldAfterFirstChunk(token?: string) {
    offset = 0;
    const csv = await claimsFile(ROWS);
    const before = await orgClaims();
    const { firstChunk, release } = holdAfterFirstChunk();
    const answer = await post(t.server.url, csv, token);
    expect(answer.status).toBe(202);
    const { import: accepted } = (await answer.json()) as { import: ImportJson };
    expect(await firstChunk).toBe(CREATE_CHUNK);
    return { accepted, before, release };
  }

  const post = (base: string, csv: string, token = w.a.incentives.token) => {
    const form = new FormData();
    form.append("file", new Blob([csv]), "claims.csv");
    return fetch(`${base}/api/v1/claim-imports?dryRun=false`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
  };
  const progress = async (id: string) => {
    const r = await w.a.incentives.get<ImportJson>(`/api/v1/claim-imports/${id}`);
    expect(r.status).toBe(200);
    return r.body;
  };
  /** Every line of the file has exactly one claim, and the organisation no others from it. */
  async function exactlyOnce(id: string) {
    const done = await progress(id);
    expect(done).toMatchObject({ status: "done", rows: ROWS, done: ROWS });
    expect(done.claims.map((c) => c.line)).toEqual(Array.from({ length: ROWS }, (_, i) => i + 2));
    expect(new Set(done.claims.map((c) => c.id)).size).toBe(ROWS);
    const claims = await t.server.ctx.db.kysely
      .selectFrom("claims")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where(
        "id",
        "in",
        done.claims.map((c) => c.id),
      )
      .executeTakeFirstOrThrow();
    expect(Number(claims.n)).toBe(ROWS);
  }
  const orgClaims = async () =>
    Number(
      (
        await t.server.ctx.db.kysely
          .selectFrom("claims")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("organization_id", "=", w.a.id)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("SIGKILL mid-import: running at its last chunk, left alone under the lease, then resumed once", async () => {
    offset = 0;
    const csv = await claimsFile(ROWS);
    const before = await orgClaims();
    const victim = spawnServe(
      { DATABASE_URL: t.db.url, DATA_DIR: t.db.dataDir, CLAIMDESK_SIMULATED_CLOCK: "1" },
      ["--import", "tsx", "test/bulk/claim-import-crash-server.ts"],
    );
    let second: Awaited<ReturnType<typeof startServer>> | null = null;
    try {
      const url = await victim.ready;
      const answer = await post(url, csv);
      expect(answer.status).toBe(202);
      const { import: accepted } = (await answer.json()) as { import: ImportJson };
      await lineMatching(victim, (l) => l === `chunk ${CREATE_CHUNK}`);
      victim.child.kill("SIGKILL");
      expect((await victim.closed).signal).toBe("SIGKILL");

      expect(await progress(accepted.id)).toMatchObject({
        status: "running",
        rows: ROWS,
        done: CREATE_CHUNK,
      });
      expect((await progress(accepted.id)).claims).toHaveLength(CREATE_CHUNK);
      // The holder might be alive: nobody takes the import over before its lease ran out.
      expect(await t.server.claimImports.resumeExpired()).toBe(0);
      expect((await progress(accepted.id)).done).toBe(CREATE_CHUNK);

      offset = IMPORT_LEASE_MS + 1_000;
      // PostgreSQL: a fresh server, whose start looks for dead imports, races this one for it.
      if (engine === "postgres") second = await startServer(testConfig(t.db), { sweep: false, wall });
      const taken = await t.server.claimImports.resumeExpired();
      await Promise.all([t.server.claimImports.idle(), second?.claimImports.idle()]);
      if (engine === "sqlite") expect(taken).toBe(1);
      await exactlyOnce(accepted.id);
      expect(await orgClaims()).toBe(before + ROWS);
    } finally {
      if (victim.child.exitCode === null && victim.child.signalCode === null) victim.child.kill("SIGKILL");
      await second?.stop();
    }
  });

  it("a holder that lost its lease commits nothing more; another resumes from done, progress showing", async () => {
    const { accepted, before, release } = await heldAfterFirstChunk();
    // The first chunk committed; its holder is stuck (a long pause, a partition) past its lease.
    expect(await progress(accepted.id)).toMatchObject({ status: "running", done: CREATE_CHUNK });
    offset = IMPORT_LEASE_MS + 1_000;
    const seen: number[] = [];
    const other = new ClaimImportRunner(t.server.ctx, {
      wall,
      afterChunk: async (id, done) => {
        seen.push((await progress(id)).done);
        expect(done).toBe(seen.at(-1));
      },
    });
    expect(await other.resumeExpired()).toBe(1);
    await other.idle();
    expect(seen).toEqual([2 * CREATE_CHUNK, ROWS]);
    hold = null;
    release();
    await t.server.claimImports.idle();
    await exactlyOnce(accepted.id);
    expect(await orgClaims()).toBe(before + ROWS);
  });

  it("a filer disabled while their import runs: the next chunk is not created in their name", async () => {
    const filer = await t.userClient("incentives_admin", w.a.id);
    const { accepted, before, release } = await heldAfterFirstChunk(filer.token);
    const disabled = await t.admin.patch(`/api/v1/admin/users/${filer.userId}`, { disabled: true });
    expect(disabled.status).toBe(200);
    hold = null;
    release();
    await t.server.claimImports.idle();
    const ended = await progress(accepted.id);
    expect(ended).toMatchObject({ status: "failed", rows: ROWS, done: CREATE_CHUNK });
    expect(ended.error).toMatch(/can no longer file claims/);
    // The reason as a code as well, for the web app to say it in the reader's language.
    expect(ended.failure).toEqual({ code: "filer_refused", line: null, reason: null });
    expect(ended.claims).toHaveLength(CREATE_CHUNK);
    expect(await orgClaims()).toBe(before + CREATE_CHUNK);
  });

  it("a line refused while creating (its product withdrawn meanwhile): the import stops there, with the line and the refusal's code", async () => {
    const { accepted, before, release } = await heldAfterFirstChunk();
    const withdrawn = await t.admin.patch("/api/v1/admin/catalog/products/teams", { active: false });
    expect(withdrawn.status).toBe(200);
    try {
      hold = null;
      release();
      await t.server.claimImports.idle();
      const ended = await progress(accepted.id);
      expect(ended).toMatchObject({ status: "failed", rows: ROWS, done: CREATE_CHUNK });
      // Line 1 is the header: the first line of the second chunk is the one refused.
      expect(ended.failure).toEqual({
        code: "validation_failed",
        line: CREATE_CHUNK + 2,
        reason: "inactive_product",
      });
      expect(ended.error).toMatch(new RegExp(`^line ${CREATE_CHUNK + 2}: `));
      expect(await orgClaims()).toBe(before + CREATE_CHUNK);
    } finally {
      const back = await t.admin.patch("/api/v1/admin/catalog/products/teams", { active: true });
      expect(back.status).toBe(200);
    }
  });
});
