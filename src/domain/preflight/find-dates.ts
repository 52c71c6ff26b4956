// Dates written the common English and Spanish ways: 2026-03-01, 01/03/2026 (day first, as both
// Spanish and British writers put it, unless the first number cannot be a month), 1 March 2026,
// March 1, 2026, 1 de marzo de 2026. Runs on text folded with punctuation kept (lower case, no
// accents), so "1 DE MARZO" and "1 de marzo" read alike.

const MONTHS: Record<string, number> = {};
const NAMES: [number, string[]][] = [
  [1, ["january", "jan", "enero", "ene"]],
  [2, ["february", "feb", "febrero"]],
  [3, ["march", "mar", "marzo"]],
  [4, ["april", "apr", "abril", "abr"]],
  [5, ["may", "mayo"]],
  [6, ["june", "jun", "junio"]],
  [7, ["july", "jul", "julio"]],
  [8, ["august", "aug", "agosto", "ago"]],
  [9, ["september", "sep", "sept", "septiembre", "setiembre", "set"]],
  [10, ["october", "oct", "octubre"]],
  [11, ["november", "nov", "noviembre"]],
  [12, ["december", "dec", "diciembre", "dic"]],
];
for (const [n, names] of NAMES) for (const name of names) MONTHS[name] = n;
const MONTH = `(${Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join("|")})\\.?`;

export interface FoundDate {
  /** UTC midnight of the day. */
  date: Date;
  /** Where it stands in the searched text. */
  index: number;
  length: number;
}

const n = (m: RegExpExecArray, i: number) => Number(m[i] ?? 0);
const month = (m: RegExpExecArray, i: number) => MONTHS[m[i] ?? ""] ?? 0;

const PATTERNS: { re: RegExp; read: (m: RegExpExecArray) => [number, number, number] | null }[] = [
  // 2026-03-01, 2026/03/01
  { re: /(?<![\d])(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d])/g, read: (m) => [n(m, 1), n(m, 2), n(m, 3)] },
  // 01/03/2026, 1.3.2026, 01-03-2026
  {
    re: /(?<![\d/.-])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?![\d])/g,
    read: (m) => {
      const a = n(m, 1);
      const b = n(m, 2);
      // Day first unless that cannot be: 03/25/2026 is the US way of writing 25 March.
      return b > 12 && a <= 12 ? [n(m, 3), a, b] : [n(m, 3), b, a];
    },
  },
  // 1 March 2026, 1st March 2026, 1 de marzo de 2026, 1 marzo, 2026
  {
    re: new RegExp(
      `(?<![\\d])(\\d{1,2})(?:st|nd|rd|th|er|ro|o|º|°)?\\s*(?:de\\s+)?${MONTH}\\s*(?:de(?:l)?\\s+|,\\s*)?(\\d{4})(?![\\d])`,
      "g",
    ),
    read: (m) => [n(m, 3), month(m, 2), n(m, 1)],
  },
  // March 1, 2026; marzo 1 de 2026
  {
    re: new RegExp(
      `(?<![\\p{L}])${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:\\s*,\\s*|\\s+de\\s+|\\s+)(\\d{4})(?![\\d])`,
      "gu",
    ),
    read: (m) => [n(m, 3), month(m, 1), n(m, 2)],
  },
];

function valid(y: number, mo: number, d: number): Date | null {
  if (y < 1990 || y > 2100 || mo < 1 || mo > 12 || d < 1) return null;
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCMonth() === mo - 1 ? date : null;
}

/** Every date in `folded`, in the order they stand; overlapping readings keep the first pattern's. */
export function findDates(folded: string): FoundDate[] {
  const found: FoundDate[] = [];
  const taken: [number, number][] = [];
  for (const { re, read } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(folded); m; m = re.exec(folded)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      const parts = read(m);
      const date = parts && valid(...parts);
      if (!date) continue;
      taken.push([start, end]);
      found.push({ date, index: start, length: m[0].length });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** `months` calendar months before `from` (clamped: 31 March minus one month is 28/29 February). */
export function monthsBefore(from: Date, months: number): Date {
  const y = from.getUTCFullYear();
  const m = from.getUTCMonth() - months;
  const target = new Date(Date.UTC(y, m, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(from.getUTCDate(), lastDay)),
  );
}

/** UTC midnight of the day `t` falls on. */
export const dayOf = (t: Date) => new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate()));
