// At least one date, none after today, and the latest within the window before submission (or
// before today, for a draft).
import { evidenceOf, type Hit, type TextPart } from "./document-text.ts";
import { dayOf, findDates, monthsBefore } from "./find-dates.ts";
import type { PreflightCheck } from "./types.ts";

export function checkDates(
  parts: TextPart[],
  now: Date,
  submittedAt: Date | null,
  windowMonths: number,
): PreflightCheck {
  const base = { check: "dates", reason: "missing_or_old_dates" } as const;
  const dated: { date: Date; hit: Hit }[] = [];
  for (const part of parts)
    for (const d of findDates(part.punct.text))
      dated.push({ date: d.date, hit: { part, index: d.index, length: d.length, folded: "punct" } });
  if (dated.length === 0) return { ...base, result: "warn" };
  const today = dayOf(now);
  const future = dated.find((d) => d.date > today);
  if (future) return { ...base, result: "warn", evidence: evidenceOf(future.hit) };
  const latest = dated.reduce((a, b) => (b.date > a.date ? b : a));
  const oldest = monthsBefore(dayOf(submittedAt ?? now), windowMonths);
  if (latest.date < oldest) return { ...base, result: "warn", evidence: evidenceOf(latest.hit) };
  return { ...base, result: "pass", evidence: evidenceOf(latest.hit) };
}
