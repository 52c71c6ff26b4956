// Reuse and look-alike measures (issue 14): the MinHash estimate tracks the exact shingle Jaccard,
// near-identical texts share a band, unrelated ones do not; look-alike domains share a key.
import { describe, expect, it } from "vitest";
import { rng } from "../../bench/poe-corpus/rng.ts";
import { domainKey } from "../../src/domain/similarity/domain-variants.ts";
import {
  bandsOf,
  decodeSignature,
  encodeSignature,
  jaccard,
  SIMILAR_TEXT_THRESHOLD,
  signatureOf,
  similarity,
} from "../../src/domain/similarity/minhash.ts";

const WORDS =
  "the partner deployed configured migrated trained users mailboxes tenant security teams sharepoint workshop design architecture support customer project phase report".split(
    " ",
  );

function text(seed: number, n = 200): string {
  const r = rng(seed);
  return Array.from({ length: n }, () => r.pick(WORDS)).join(" ");
}

function edit(t: string, every: number, seed: number): string {
  const r = rng(seed);
  return t
    .split(" ")
    .map((w, i) => (i % every === 0 ? `${r.pick(WORDS)}x` : w))
    .join(" ");
}

describe("MinHash", () => {
  it("estimates Jaccard within 0.15 and round-trips its stored form", () => {
    const a = text(1);
    for (const every of [50, 20, 8, 3]) {
      const b = edit(a, every, every);
      const sa = signatureOf(a);
      const sb = signatureOf(b);
      if (!sa || !sb) throw new Error("signature expected");
      expect(Math.abs(similarity(sa, sb) - jaccard(a, b))).toBeLessThan(0.15);
      expect(decodeSignature(encodeSignature(sa))).toEqual(sa);
    }
  });

  it("flags a lightly edited copy and shares a band with it; unrelated text shares none", () => {
    const a = text(2);
    const copy = edit(a, 60, 9);
    const other = text(3);
    const [sa, sc, so] = [signatureOf(a), signatureOf(copy), signatureOf(other)];
    if (!sa || !sc || !so) throw new Error("signature expected");
    expect(similarity(sa, sc)).toBeGreaterThanOrEqual(SIMILAR_TEXT_THRESHOLD);
    expect(bandsOf(sa).some((b) => bandsOf(sc).includes(b))).toBe(true);
    expect(similarity(sa, so)).toBeLessThan(0.3);
    expect(bandsOf(sa).some((b) => bandsOf(so).includes(b))).toBe(false);
  });

  it("has no signature for a text too short to compare", () => {
    expect(signatureOf("signed by the customer")).toBeNull();
  });
});

describe("domain keys", () => {
  it("folds subdomains, punctuation, hyphens, case and suffixes to one key", () => {
    for (const d of [
      "contoso.com",
      "eu.contoso.com",
      "con-toso.com",
      "Contoso.co.uk",
      "https://www.contoso.com/x",
    ])
      expect(domainKey(d)).toBe("contoso");
    expect(domainKey("fabrikam.com")).not.toBe("contoso");
    expect(domainKey("ab.com")).toBeNull();
  });
});
