// Bulk filing over HTTP on both engines (issue 14): a claims file's dry run names every bad row by
// line, column and reason code; a good file becomes drafts with numbers and history; a bad one
// creates nothing; XLSX reads like CSV; a ZIP of PoE is attached by line; who may; replays.
import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLAIM_FILE_COLUMNS } from "../../src/server/claims/bulk/claim-file-columns.ts";
import { type Client, startTestServer, type TestServer } from "../http/http-support.ts";
import { type HttpWorld, httpWorld, pdfBytes } from "../http/http-world.ts";
import { ENGINES } from "../support/engines.ts";
import { zipArchive } from "../support/hostile-files.ts";

interface Problem {
  line: number;
  column: string;
  reason: string;
  message: string;
}
interface ImportJson {
  id: string;
  status: string;
  rows: number;
  done: number;
  error: string | null;
  claims: { line: number; id: string; number: string }[];
}
interface Answer {
  dryRun: boolean;
  rows: number;
  errors: Problem[];
  errorCount: number;
  warnings: Problem[];
  accepted: boolean;
  import: ImportJson | null;
}
type Row = Partial<Record<(typeof CLAIM_FILE_COLUMNS)[number], string>>;

const HEADER = CLAIM_FILE_COLUMNS.join(",");

describe.each(ENGINES)("bulk filing on %s", (engine) => {
  let t: TestServer;
  let w: HttpWorld;

  beforeAll(async () => {
    t = await startTestServer(engine);
    w = await httpWorld(t);
  });
  afterAll(() => t.stop());

  async function customer() {
    const tenantId = randomUUID();
    const subscriptionId = randomUUID();
    const domain = `c${tenantId.slice(0, 8)}.example.com`;
    const r = await t.admin.post("/api/v1/admin/customers", {
      tenantId,
      domain,
      name: "Customer Ltd",
      subscriptions: [{ id: subscriptionId, product: "d365_sales", status: "active" }],
    });
    expect(r.status).toBe(201);
    return { tenantId, domain, subscriptionId };
  }

  const row = (c: { tenantId: string; domain: string }, over: Row = {}): Row => ({
    partnerId: w.a.partnerId,
    customerTenantId: c.tenantId,
    customerDomain: c.domain,
    customerName: "Customer Ltd",
    activity: "deployment",
    products: "teams;exchange_online",
    customerContactName: "Casey",
    customerContactEmail: "casey@customer.example",
    customerContactLocale: "en",
    partnerContactName: "Paula",
    partnerContactEmail: "paula@partner.example",
    ...over,
  });
  const csvOf = (rows: Row[]) =>
    [HEADER, ...rows.map((r) => CLAIM_FILE_COLUMNS.map((c) => r[c] ?? "").join(","))].join("\n");

  const send = (c: Client, body: string | Buffer, dryRun: boolean, filename = "claims.csv", headers = {}) => {
    const form = new FormData();
    form.append("file", new Blob([typeof body === "string" ? body : new Uint8Array(body)]), filename);
    return c.request<Answer>("POST", `/api/v1/claim-imports?dryRun=${dryRun}`, form, headers);
  };

  async function finished(c: Client, id: string): Promise<ImportJson> {
    // The in-process runner's work is awaited, not polled for.
    await t.server.claimImports.idle();
    const r = await c.get<ImportJson>(`/api/v1/claim-imports/${id}`);
    expect(r.status).toBe(200);
    expect(r.body.status).not.toBe("running");
    return r.body;
  }

  const total = async (c: Client) =>
    Object.values(
      (await c.get<{ counts: Record<string, number> }>("/api/v1/claims/summary")).body.counts,
    ).reduce((a, b) => a + b, 0);

  it("serves a template whose header is the file's columns", async () => {
    const r = await w.a.incentives.get("/api/v1/claim-imports/template.csv");
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toContain("text/csv");
    const [header, example] = String(r.body).trim().split(/\r?\n/);
    expect(header).toBe(HEADER);
    expect(example?.split(",")).toHaveLength(CLAIM_FILE_COLUMNS.length);
  });

  it("a dry run names each bad row by line, column and reason, and creates nothing", async () => {
    const [good, held, competing, sub] = [
      await customer(),
      await customer(),
      await customer(),
      await customer(),
    ];
    // Organisation a already holds `held` for teams; organisation b has `competing` in flight.
    const own = await w.a.incentives.post("/api/v1/claims", w.claimBody(w.a, held, ["teams"]));
    expect(own.status).toBe(201);
    const theirs = await w.b.incentives.post("/api/v1/claims", w.claimBody(w.b, competing, ["teams"]));
    expect(theirs.status).toBe(201);
    const before = await total(w.a.incentives);
    const csv = csvOf([
      row(good), // line 2: good
      row(good, { partnerId: w.b.partnerId }), // 3: another organisation's partner ID
      row(good, { customerTenantId: "not-a-guid" }), // 4
      row({ tenantId: randomUUID(), domain: "nobody.example" }), // 5: not in the registry
      row(good, { customerDomain: "wrong.example", products: "intune" }), // 6
      row(good, { products: "teams;nonsense" }), // 7
      row(good, { activity: "lobbying" }), // 8
      row(good, { customerName: "" }), // 9
      row(good, { products: "teams" }), // 10: line 2 already claims good/teams
      row(held, { products: "teams" }), // 11: already held by a
      row(competing, { products: "teams" }), // 12: competing with b: a warning only
      row(sub, { products: "d365_sales" }), // 13: subscription required
      row(sub, { products: "d365_sales", subscriptionId: sub.subscriptionId }), // 14: good
      row(good, { customerContactEmail: "not-an-email", products: "intune" }), // 15
    ]);
    const r = await send(w.a.incentives, csv, true);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ dryRun: true, rows: 14, accepted: false, import: null });
    const seen = r.body.errors.map((e) => [e.line, e.column, e.reason]);
    expect(seen).toEqual([
      [3, "partnerId", "unknown_partner_id"],
      [4, "customerTenantId", "invalid_value"],
      [5, "customerTenantId", "not_in_registry"],
      [6, "customerDomain", "domain_mismatch"],
      [7, "products", "unknown_product"],
      [8, "activity", "invalid_value"],
      [9, "customerName", "required"],
      [10, "products", "duplicate_in_file"],
      [11, "products", "duplicate_association"],
      [13, "subscriptionId", "subscription_required"],
      [15, "customerContactEmail", "invalid_value"],
    ]);
    expect(r.body.errorCount).toBe(11);
    for (const e of r.body.errors) expect(e.message.length).toBeGreaterThan(3);
    expect(r.body.warnings.map((e) => [e.line, e.reason])).toEqual([[12, "competing_claim"]]);
    // The same file for real: still nothing.
    const real = await send(w.a.incentives, csv, false);
    expect(real.status).toBe(200);
    expect(real.body).toMatchObject({ accepted: false, import: null, errorCount: 11 });
    expect(await total(w.a.incentives)).toBe(before);
  });

  it("refuses a file with a wrong header, naming the columns", async () => {
    const r = await send(w.a.incentives, "partnerId,customer,activity\n1234567,x,deployment\n", true);
    expect(r.status).toBe(200);
    expect(r.body.errors).toContainEqual(
      expect.objectContaining({ line: 1, column: "customer", reason: "unknown_column" }),
    );
    expect(r.body.errors).toContainEqual(
      expect.objectContaining({ line: 1, column: "customerTenantId", reason: "missing_column" }),
    );
  });

  it("files a good file as numbered drafts with history, then attaches a ZIP of PoE by line", async () => {
    const cs = [await customer(), await customer(), await customer()];
    const before = await total(w.a.global);
    const r = await send(w.a.global, csvOf(cs.map((c) => row(c))), false);
    expect(r.status).toBe(202);
    expect(r.body.accepted).toBe(true);
    const id = r.body.import?.id ?? "";
    expect(r.headers.get("location")).toBe(`/api/v1/claim-imports/${id}`);
    const done = await finished(w.a.global, id);
    expect(done).toMatchObject({ status: "done", rows: 3, done: 3, error: null });
    expect(done.claims.map((c) => c.line)).toEqual([2, 3, 4]);
    expect(await total(w.a.global)).toBe(before + 3);
    for (const [i, c] of done.claims.entries()) {
      expect(c.number).toMatch(/^CA-\d{4}-\d{6}$/);
      const claim = await w.a.incentives.get<{ status: string; customer: { tenantId: string } }>(
        `/api/v1/claims/${c.id}`,
      );
      expect(claim.body.status).toBe("editing");
      expect(claim.body.customer.tenantId).toBe(cs[i]?.tenantId);
      const history = await w.a.incentives.get<{ items: { event: string }[] }>(
        `/api/v1/claims/${c.id}/history`,
      );
      expect(history.body.items.map((h) => h.event)).toContain("created");
    }
    const list = await w.a.incentives.get<{ items: ImportJson[] }>("/api/v1/claim-imports");
    expect(list.body.items.map((i) => i.id)).toContain(id);
    // Another organisation sees no such import.
    expect((await w.b.incentives.get(`/api/v1/claim-imports/${id}`)).status).toBe(404);

    const zip = zipArchive([
      { name: "row-2/", data: "" },
      { name: "row-2/contract.pdf", data: Buffer.from(pdfBytes()) },
      { name: "3-signed.pdf", data: Buffer.from(pdfBytes()) },
      { name: "row-4/notes.exe", data: "MZ not a document" },
      { name: "poe.pdf", data: Buffer.from(pdfBytes()) },
      { name: "row-9/x.pdf", data: Buffer.from(pdfBytes()) },
    ]);
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(zip)]), "poe.zip");
    const z = await w.a.incentives.request<{
      attached: number;
      rejected: number;
      entries: { entry: string; line: number | null; number: string | null; reason: string | null }[];
    }>("POST", `/api/v1/claim-imports/${id}/documents`, form);
    expect(z.status, JSON.stringify(z.body)).toBe(200);
    expect(z.body).toMatchObject({ attached: 2, rejected: 3 });
    expect(z.body.entries.map((e) => [e.entry, e.line, e.reason])).toEqual([
      ["row-2/contract.pdf", 2, null],
      ["3-signed.pdf", 3, null],
      ["row-4/notes.exe", 4, "file_rejected"],
      ["poe.pdf", null, "unnamed_entry"],
      ["row-9/x.pdf", 9, "unknown_line"],
    ]);
    const docs = await w.a.incentives.get<{ items: { filename: string }[] }>(
      `/api/v1/claims/${done.claims[0]?.id}/documents`,
    );
    expect(docs.body.items.map((d) => d.filename)).toEqual(["contract.pdf"]);
    const docs3 = await w.a.incentives.get<{ items: { filename: string }[] }>(
      `/api/v1/claims/${done.claims[1]?.id}/documents`,
    );
    expect(docs3.body.items.map((d) => d.filename)).toEqual(["signed.pdf"]);
    expect((await w.b.incentives.request("POST", `/api/v1/claim-imports/${id}/documents`, form)).status).toBe(
      404,
    );
    // Not a ZIP at all.
    const bad = new FormData();
    bad.append("file", new Blob(["hello"]), "poe.zip");
    expect((await w.a.incentives.request("POST", `/api/v1/claim-imports/${id}/documents`, bad)).status).toBe(
      415,
    );
    // A ZIP bomb: its central directory says the entry inflates to 2 GiB; refused before inflating.
    const bomb = zipArchive([{ name: "row-3/big.pdf", data: Buffer.from(pdfBytes()) }]);
    const central = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bomb.writeUInt16LE(8, central + 10); // deflated, as a real bomb is
    bomb.writeUInt32LE(0x7fffffff, central + 24);
    const bombForm = new FormData();
    bombForm.append("file", new Blob([new Uint8Array(bomb)]), "bomb.zip");
    const refused = await w.a.incentives.request<{ detail: string }>(
      "POST",
      `/api/v1/claim-imports/${id}/documents`,
      bombForm,
    );
    expect(refused.status).toBe(415);
    expect(refused.body.detail).toContain("inflates");
    const after = await w.a.incentives.get<{ items: unknown[] }>(
      `/api/v1/claims/${done.claims[1]?.id}/documents`,
    );
    expect(after.body.items).toHaveLength(1);
  });

  it("reads an XLSX like a CSV, with the sheet's row numbers as lines", async () => {
    const [c1, c2] = [await customer(), await customer()];
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet("claims");
    sheet.addRow([...CLAIM_FILE_COLUMNS]);
    for (const r of [row(c1), row(c2, { products: "teams;nonsense" })])
      sheet.addRow(CLAIM_FILE_COLUMNS.map((c) => (c === "partnerId" ? Number(r[c]) : (r[c] ?? ""))));
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const dry = await send(w.a.incentives, bytes, true, "claims.xlsx");
    expect(dry.status).toBe(200);
    expect(dry.body.rows).toBe(2);
    expect(dry.body.errors.map((e) => [e.line, e.column, e.reason])).toEqual([
      [3, "products", "unknown_product"],
    ]);
    sheet.spliceRows(3, 1);
    const fixed = Buffer.from(await wb.xlsx.writeBuffer());
    const real = await send(w.a.incentives, fixed, false, "claims.xlsx");
    expect(real.status).toBe(202);
    const done = await finished(w.a.incentives, real.body.import?.id ?? "");
    expect(done).toMatchObject({ status: "done", done: 1 });
  });

  it("is for global and incentives admins only", async () => {
    const csv = csvOf([row(await customer())]);
    for (const c of [w.a.billing, w.reviewer, t.admin]) expect((await send(c, csv, true)).status).toBe(403);
    expect((await w.a.billing.get("/api/v1/claim-imports")).status).toBe(403);
  });

  it("replays an Idempotency-Key: one import, the same answer", async () => {
    const csv = csvOf([row(await customer())]);
    const key = { "idempotency-key": randomUUID() };
    const first = await send(w.a.incentives, csv, false, "claims.csv", key);
    expect(first.status).toBe(202);
    const again = await send(w.a.incentives, csv, false, "claims.csv", key);
    expect(again.status).toBe(202);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body.import?.id).toBe(first.body.import?.id);
    const done = await finished(w.a.incentives, first.body.import?.id ?? "");
    expect(done.done).toBe(1);
    const list = await w.a.incentives.get<{ items: ImportJson[] }>("/api/v1/claim-imports");
    expect(list.body.items.filter((i) => i.id === first.body.import?.id)).toHaveLength(1);
  });
});
