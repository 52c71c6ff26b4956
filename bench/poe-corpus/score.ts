// Precision and recall per check over the labelled corpus. The positive class is "warn": the
// preflight predicts the reviewer will send the document back for that reason. "unknown" counts as
// not predicting it (and is counted on its own). A document labelled "unknown" (a blank signature
// line: the ink cannot be read) is not a positive; a warn on it is a false warn, and how many such
// documents were answered "unknown" (or "pass") is counted apart.
import { CHECKS, type CheckName, type DocSpec } from "./spec.ts";

export type Predicted = "pass" | "warn" | "unknown";

export interface CheckScore {
  check: CheckName;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  /** Predicted "unknown", whatever the label. */
  unknown: number;
  /** Labelled "unknown": how many, and how many the preflight answered "unknown" and "pass". */
  labelledUnknown: number;
  labelledUnknownAnswered: number;
  labelledUnknownPassed: number;
  precision: number;
  recall: number;
}

export interface Miss {
  id: string;
  check: CheckName;
  kind: "false_warn" | "missed_warn";
  /** The document's class: what it lacks and how it is dressed. */
  klass: string;
}

export function classOf(s: DocSpec): string {
  return `${s.defect}/${s.format}/${s.lang}/${s.layout}/mention=${s.mention}/ack=${s.ack ?? "none"}`;
}

export function score(results: { spec: DocSpec; predicted: Record<CheckName, Predicted> }[]): {
  scores: CheckScore[];
  misses: Miss[];
} {
  const misses: Miss[] = [];
  const scores = CHECKS.map((check) => {
    const s = {
      check,
      tp: 0,
      fp: 0,
      fn: 0,
      tn: 0,
      unknown: 0,
      labelledUnknown: 0,
      labelledUnknownAnswered: 0,
      labelledUnknownPassed: 0,
      precision: 1,
      recall: 1,
    };
    for (const { spec, predicted } of results) {
      const p = predicted[check];
      const positive = spec.labels[check] === "warn";
      if (p === "unknown") s.unknown++;
      if (spec.labels[check] === "unknown") {
        s.labelledUnknown++;
        if (p === "unknown") s.labelledUnknownAnswered++;
        if (p === "pass") s.labelledUnknownPassed++;
      }
      if (p === "warn" && positive) s.tp++;
      else if (p === "warn") {
        s.fp++;
        misses.push({ id: spec.id, check, kind: "false_warn", klass: classOf(spec) });
      } else if (positive) {
        s.fn++;
        misses.push({ id: spec.id, check, kind: "missed_warn", klass: classOf(spec) });
      } else s.tn++;
    }
    s.precision = s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp);
    s.recall = s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn);
    return s;
  });
  return { scores, misses };
}

export function percentile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
}
