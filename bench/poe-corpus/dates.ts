// Dates as documents write them, in both languages. Numeric day/month forms use a day above 12 so a
// label never depends on reading 03/04 as March or April.
import type { Rng } from "./rng.ts";

const DAY = 86_400_000;
const MONTHS = {
  en: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
  es: [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
  ],
};

export type DateRegime = "recent" | "old" | "none";

/** A UTC noon day `from..to` days before (negative: after) `now`, with an unambiguous day when numeric. */
export function dayBefore(r: Rng, now: number, from: number, to: number): Date {
  for (;;) {
    const d = new Date(Math.floor((now - r.int(from, to) * DAY) / DAY) * DAY + DAY / 2);
    if (d.getUTCDate() > 12 || r.chance(0.3)) return d;
  }
}

export function formatDate(r: Rng, lang: "en" | "es", d: Date): string {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const day = d.getUTCDate();
  const mm = String(m + 1).padStart(2, "0");
  const dd = String(day).padStart(2, "0");
  const numericOk = day > 12;
  const styles =
    lang === "en"
      ? [
          `${MONTHS.en[m]} ${day}, ${y}`,
          `${y}-${mm}-${dd}`,
          `${day} ${MONTHS.en[m]} ${y}`,
          ...(numericOk ? [`${mm}/${dd}/${y}`] : []),
        ]
      : [
          `${day} de ${MONTHS.es[m]} de ${y}`,
          `${y}-${mm}-${dd}`,
          ...(numericOk ? [`${dd}/${mm}/${y}`, `${dd}-${mm}-${y}`] : []),
        ];
  return r.pick(styles);
}

/** The dates a document carries under its regime (`none`: it names no date at all). */
export function datesFor(r: Rng, regime: DateRegime, now: number, count: number): Date[] {
  if (regime === "none") return [];
  const [from, to] = regime === "recent" ? [3, 330] : [400, 900];
  return Array.from({ length: count }, () => dayBefore(r, now, from, to)).sort((a, b) => +a - +b);
}
