// Text folded for matching: case, accents and punctuation do not matter, and neither do the legal
// suffixes a company name may or may not carry. `foldWithOrigin` keeps, for every folded character,
// where it came from, so a match can be shown as the document's own words.

// Longest first: "s a de c v" must go before "s a".
const LEGAL_SUFFIXES = [
  "s a de c v",
  "s de r l de c v",
  "s a p i de c v",
  "s r l",
  "s l u",
  "s a u",
  "s a s",
  "s a",
  "s l",
  "s c",
  "sa de cv",
  "ltda",
  "ltd",
  "limited",
  "inc",
  "incorporated",
  "corp",
  "corporation",
  "gmbh",
  "ag",
  "llc",
  "llp",
  "plc",
  "bv",
  "nv",
  "pty",
  "company",
  "co",
  "sas",
  "srl",
  "sa",
  "sl",
];

export interface FoldedText {
  text: string;
  /** origin[i]: index in the original string of folded character i. */
  origin: number[];
}

const MARK = /\p{M}/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Lower-cases and strips accents; with `words`, every run of non-letters/digits becomes one space
 * (so "S.A." reads "s a"), else only whitespace runs collapse (dates keep their slashes).
 */
export function foldWithOrigin(s: string, mode: "words" | "keep_punctuation" = "words"): FoldedText {
  const out: string[] = [];
  const origin: number[] = [];
  let lastSpace = true;
  let i = 0;
  for (const ch of s) {
    const at = i;
    i += ch.length;
    for (const c of ch.normalize("NFKD").toLowerCase()) {
      if (MARK.test(c)) continue;
      const blank = mode === "words" ? !WORD_CHAR.test(c) : /\s/u.test(c);
      if (blank) {
        if (!lastSpace) {
          out.push(" ");
          origin.push(at);
        }
        lastSpace = true;
        continue;
      }
      out.push(c);
      origin.push(at);
      lastSpace = false;
    }
  }
  if (out[out.length - 1] === " ") {
    out.pop();
    origin.pop();
  }
  return { text: out.join(""), origin };
}

// "&", "and", "und", "y", "e", "et" join two words of a name the same way: "Müller & Söhne" and
// "Müller und Söhne" are one company (folding turns "&" into a space: no word at all).
const CONJUNCTIONS = new Set(["and", "und", "y", "e", "et"]);

/**
 * A folded name as a document may write it: with "&" (a space once folded) or any of the
 * conjunctions between the words the name joined with one.
 */
export function conjunctionVariants(folded: string): string[] {
  const words = folded.split(" ");
  const joins = words.map((w, i) => CONJUNCTIONS.has(w) && i > 0 && i < words.length - 1);
  if (!joins.some(Boolean)) return [folded];
  return ["", ...CONJUNCTIONS].map((c) =>
    words
      .map((w, i) => (joins[i] ? c : w))
      .filter(Boolean)
      .join(" "),
  );
}

/**
 * Folded words without a trailing legal suffix ("Acme, S.A. de C.V." -> "acme"); "&" reads as
 * "and" so that a conjunction joining two words can be told apart from the words themselves.
 */
export function normalizeName(s: string): string {
  let t = foldWithOrigin(s.replace(/\s*&\s*/gu, " and ")).text;
  for (let changed = true; changed; ) {
    changed = false;
    for (const suffix of LEGAL_SUFFIXES) {
      if (t.endsWith(` ${suffix}`)) {
        t = t.slice(0, -suffix.length - 1);
        changed = true;
      }
    }
  }
  // A name that is nothing but a suffix stays what it was rather than matching everything.
  return t || foldWithOrigin(s).text;
}

/**
 * The whole text folded, with every legal suffix token sequence removed wherever it stands: two
 * documents that differ only in "Inc." against "Ltd" read the same (reuse/look-alike detection).
 */
export function normalizeText(s: string): string {
  let t = ` ${foldWithOrigin(s).text} `;
  for (const suffix of LEGAL_SUFFIXES) t = t.split(` ${suffix} `).join(" ");
  return t.replace(/ {2,}/g, " ").trim();
}

/** Where `needle` (already folded) stands in `hay` as whole words, or -1. */
export function findWords(hay: string, needle: string, from = 0): number {
  if (!needle) return -1;
  for (let at = hay.indexOf(needle, from); at >= 0; at = hay.indexOf(needle, at + 1)) {
    const before = at === 0 || hay[at - 1] === " ";
    const end = at + needle.length;
    const after = end === hay.length || hay[end] === " ";
    if (before && after) return at;
  }
  return -1;
}
