// Near-identical documents (issue 14): MinHash over word 5-shingles of the preflight's normalised
// text, with locality-sensitive banding so that finding candidates is an index lookup, not a scan
// of every document. 64 hash values in 16 bands of 4: two documents share a band with probability
// 1-(1-J^4)^16 — 0.98 at Jaccard 0.7, 0.005 at 0.2 — and a candidate is kept when its estimated
// Jaccard similarity (the share of equal hash values) is at least SIMILAR_TEXT_THRESHOLD.
// Pure: text in, numbers out.

export const SHINGLE_WORDS = 5;
export const SIGNATURE_SIZE = 64;
export const BAND_ROWS = 4;
export const SIMILAR_TEXT_THRESHOLD = 0.8;
/** Fewer shingles than this: too little text to call two documents near-identical. */
export const MIN_SHINGLES = 20;

// Fixed seeds (from a splitmix-style sequence) so signatures stay comparable across releases.
const SEEDS = Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix32((i + 1) * 0x9e3779b9));

function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The distinct word shingles of a normalised text, hashed. */
export function shingles(normalized: string): Set<number> {
  const words = normalized.split(/\s+/).filter(Boolean);
  const out = new Set<number>();
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++)
    out.add(fnv1a(words.slice(i, i + SHINGLE_WORDS).join(" ")));
  return out;
}

/** The MinHash signature, or null when the text is too short to compare. */
export function signatureOf(normalized: string): number[] | null {
  const set = shingles(normalized);
  if (set.size < MIN_SHINGLES) return null;
  const sig = new Array<number>(SIGNATURE_SIZE).fill(0xffffffff);
  for (const x of set)
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const v = mix32(x ^ (SEEDS[i] as number));
      if (v < (sig[i] as number)) sig[i] = v;
    }
  return sig;
}

/** Band keys `<band>:<hash>`: documents that share one are candidates. */
export function bandsOf(sig: readonly number[]): string[] {
  const out: string[] = [];
  for (let b = 0; b * BAND_ROWS < sig.length; b++) {
    let h = 0x811c9dc5 ^ b;
    for (const v of sig.slice(b * BAND_ROWS, (b + 1) * BAND_ROWS)) h = mix32(h ^ v);
    out.push(`${b}:${h.toString(16).padStart(8, "0")}`);
  }
  return out;
}

/** Estimated Jaccard similarity of two signatures. */
export function similarity(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/** Exact Jaccard similarity of the shingle sets (for measuring the estimate). */
export function jaccard(a: string, b: string): number {
  const x = shingles(a);
  const y = shingles(b);
  let both = 0;
  for (const v of x) if (y.has(v)) both++;
  const union = x.size + y.size - both;
  return union === 0 ? 0 : both / union;
}

export const encodeSignature = (sig: readonly number[]): string =>
  sig.map((v) => v.toString(16).padStart(8, "0")).join("");
export const decodeSignature = (s: string): number[] =>
  Array.from({ length: s.length / 8 }, (_, i) => Number.parseInt(s.slice(i * 8, i * 8 + 8), 16));
