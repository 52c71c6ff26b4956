// The reviewers' service levels over the last days (RULES.md §14): how long review starts
// and decisions took, and how many deadlines were breached. Calendar hours, from the history.
import { mayViewReviewMetrics } from "../../../domain/policies/claims.ts";
import { forbidden } from "../../../domain/refusal.ts";
import type { AppContext } from "../../context.ts";
import type { Principal } from "../../principal.ts";

const DAY = 86_400_000;
const DECISIONS = ["approved", "rejected", "information_requested"];

export interface Durations {
  count: number;
  medianHours: number | null;
  p90Hours: number | null;
}

export interface SlaMetrics {
  /** ISO 8601: the start of the window. */
  since: string;
  days: number;
  /** Submitted (or resubmitted) to review started. */
  timeToStart: Durations;
  /** Review started to the first decision: approve, reject or a request for information. */
  timeToDecide: Durations;
  breaches: Record<string, number>;
}

function durations(ms: number[]): Durations {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => {
    const v = sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    return v === undefined ? null : Math.round((v / 3_600_000) * 10) / 10;
  };
  return { count: sorted.length, medianHours: at(0.5), p90Hours: at(0.9) };
}

export async function slaMetrics(
  ctx: AppContext,
  principal: Principal,
  input: { days?: number },
): Promise<SlaMetrics> {
  if (!mayViewReviewMetrics(principal)) throw forbidden("service levels are for the operator");
  const days = input.days ?? 30;
  const now = ctx.clock.now();
  const since = now - days * DAY;
  const rows = await ctx.db.kysely
    .selectFrom("history")
    .select(["claim_id", "event", "at", "data"])
    .where("event", "in", ["submitted", "resubmitted", "review_started", "sla_breached", ...DECISIONS])
    .where("at", ">=", since)
    .orderBy("claim_id")
    .orderBy("seq")
    .execute();
  const toStart: number[] = [];
  const toDecide: number[] = [];
  const breaches: Record<string, number> = { review_start: 0, decision: 0, dispute_decision: 0 };
  let claim = "";
  let submittedAt: number | null = null;
  let startedAt: number | null = null;
  for (const r of rows) {
    if (r.claim_id !== claim) {
      claim = r.claim_id;
      submittedAt = null;
      startedAt = null;
    }
    const at = Number(r.at);
    if (r.event === "submitted") submittedAt = at;
    else if (r.event === "review_started") {
      if (submittedAt !== null) toStart.push(at - submittedAt);
      submittedAt = null;
      startedAt = at;
    } else if (r.event === "resubmitted") startedAt = null;
    else if (r.event === "sla_breached") {
      const kind = (JSON.parse(r.data) as { kind?: string }).kind ?? "";
      breaches[kind] = (breaches[kind] ?? 0) + 1;
    } else if (DECISIONS.includes(r.event) && startedAt !== null) {
      toDecide.push(at - startedAt);
      startedAt = null;
    }
  }
  return {
    since: new Date(since).toISOString(),
    days,
    timeToStart: durations(toStart),
    timeToDecide: durations(toDecide),
    breaches,
  };
}
