// The labelled PoE corpus (bench/poe-corpus) in small: 40 documents through the real extraction
// and checks, with precision/recall floors a little below what `npm run bench:preflight` measures,
// so a regression in a check fails here. Also: the corpus is deterministic from its seed.
import { afterAll, describe, expect, it } from "vitest";
import { generateCorpus, generateDocument } from "../../bench/poe-corpus/corpus.ts";
import { evaluate } from "../../bench/poe-corpus/evaluate.ts";
import { score } from "../../bench/poe-corpus/score.ts";
import { ExtractPool } from "../../src/server/preflight/extract-pool.ts";

// Just below what is measured: 100 % on every check, on these 40 documents (seed 14) and on 600
// documents of seeds 14 and 7 (see docs/ARCHITECTURE.md, PoE preflight benchmark).
const FLOORS = {
  customer_named: { precision: 0.95, recall: 0.95 },
  products_named: { precision: 0.95, recall: 0.95 },
  dates: { precision: 0.95, recall: 0.95 },
  customer_acknowledgment: { precision: 0.95, recall: 0.95 },
  partner_work_described: { precision: 0.95, recall: 0.95 },
} as const;

const pool = new ExtractPool({ workers: 1 });
afterAll(() => pool.close());

describe("labelled PoE corpus", () => {
  it("is the same for the same seed, and labels one defect per document", async () => {
    const a = await generateDocument(14, 7);
    const b = await generateDocument(14, 7);
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    const docs = await generateCorpus({ seed: 14, count: 24 });
    for (const d of docs) {
      const warns = Object.values(d.spec.labels).filter((l) => l === "warn").length;
      expect(warns).toBe(d.spec.defect === "none" ? 0 : 1);
    }
    expect(new Set(docs.map((d) => d.spec.format))).toEqual(new Set(["pdf", "docx"]));
    expect(new Set(docs.map((d) => d.spec.lang))).toEqual(new Set(["en", "es"]));
  });

  it("the checks keep their precision and recall floors on 40 documents", { timeout: 120_000 }, async () => {
    const results = await evaluate(await generateCorpus({ seed: 14, count: 40 }), pool);
    const { scores } = score(results);
    for (const s of scores) {
      const floor = FLOORS[s.check];
      expect({ check: s.check, precision: s.precision >= floor.precision }).toEqual({
        check: s.check,
        precision: true,
      });
      expect({ check: s.check, recall: s.recall >= floor.recall }).toEqual({ check: s.check, recall: true });
    }
    // A blank signature line is "cannot tell", never a pass: no readable acknowledgment is there.
    const ack = scores.find((s) => s.check === "customer_acknowledgment");
    expect(ack?.labelledUnknown).toBeGreaterThan(0);
    expect(ack?.labelledUnknownPassed).toBe(0);
    expect(ack?.labelledUnknownAnswered).toBe(ack?.labelledUnknown);
  });
});
