// Precision and recall per check over the labelled corpus. The positive class is "warn": the
// preflight predicts the reviewer will send the document back for that reason. "unknown" counts as
// not predicting it (and is counted on its own).
import { CHECKS, type CheckName, type DocSpec } from "./spec.ts";

export type Predicted = "pass" | "warn" | "unknown";

export interface CheckScore {
  check: CheckName;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  unknown: number;
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
    const s = { check, tp: 0, fp: 0, fn: 0, tn: 0, unknown: 0, precision: 1, recall: 1 };
    for (const { spec, predicted } of results) {
      const p = predicted[check];
      const positive = spec.labels[check] === "warn";
      if (p === "unknown") s.unknown++;
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
