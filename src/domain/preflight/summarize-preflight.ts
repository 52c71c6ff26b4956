// A claim's preflight from its documents': evidence may be spread over several files, so a check
// passes for the claim when any read document passes it; the reasons predicted are those of the
// checks that no document passes and at least one warns about.
import {
  PREFLIGHT_CHECKS,
  type PreflightCheck,
  type PreflightCheckName,
  type PreflightReason,
  type PreflightResult,
} from "./types.ts";

export type DocumentPreflightStatus = "pending" | "done" | "unreadable";

export interface DocumentPreflight {
  status: DocumentPreflightStatus;
  checks: PreflightCheck[];
}

export interface ClaimPreflight {
  /** none: no document yet; pending: one is still being read; unreadable: none could be read. */
  status: "none" | "pending" | "done" | "unreadable";
  predictedReasons: PreflightReason[];
  checks: { check: PreflightCheckName; result: PreflightResult; reason: PreflightReason }[];
}

const RANK: Record<PreflightResult, number> = { pass: 2, unknown: 1, warn: 0 };

export function summarizePreflight(docs: DocumentPreflight[]): ClaimPreflight {
  const status: ClaimPreflight["status"] =
    docs.length === 0
      ? "none"
      : docs.some((d) => d.status === "pending")
        ? "pending"
        : docs.some((d) => d.status === "done")
          ? "done"
          : "unreadable";
  const done = docs.filter((d) => d.status === "done");
  const checks: ClaimPreflight["checks"] = [];
  for (const name of PREFLIGHT_CHECKS) {
    const lines = done.flatMap((d) => d.checks.filter((c) => c.check === name));
    const best = lines.reduce<PreflightCheck | null>(
      (a, c) => (!a || RANK[c.result] > RANK[a.result] ? c : a),
      null,
    );
    if (best) checks.push({ check: name, result: best.result, reason: best.reason });
  }
  const predicted = checks.filter((c) => c.result === "warn").map((c) => c.reason);
  // "Not about this claim" says it all; the finer reasons would only repeat it.
  const reasons = predicted.includes("missing_all_poe") ? ["missing_all_poe" as const] : predicted;
  return { status, predictedReasons: [...new Set(reasons)], checks };
}
