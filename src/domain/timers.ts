// Deadlines as timers: what is scheduled, and firing what is due in order, each as of its due time
// (RULES.md §4: a late sweep changes no outcome).
import type { ClaimState } from "./claim-state.ts";
import type { DomainEvent } from "./events.ts";
import { type DecisionContext, decide } from "./transitions.ts";
import type { DeadlineKind } from "./vocabulary.ts";

export interface Timer {
  kind: DeadlineKind;
  warn: boolean;
  at: number;
}

/** The key under which the persistence layer indexes a timer (one per kind and phase per claim). */
export const timerKey = (t: Pick<Timer, "kind" | "warn">): string => (t.warn ? `${t.kind}:warn` : t.kind);

export function pendingTimers(state: ClaimState): Timer[] {
  const out: Timer[] = [];
  for (const d of state.deadlines) {
    if (d.fired) continue;
    if (d.warnAt !== null && !d.warned) out.push({ kind: d.kind, warn: true, at: d.warnAt });
    out.push({ kind: d.kind, warn: false, at: d.dueAt });
  }
  return out.sort((a, b) => a.at - b.at || Number(b.warn) - Number(a.warn));
}

export function nextTimer(state: ClaimState): Timer | undefined {
  return pendingTimers(state)[0];
}

export interface Firing {
  state: ClaimState;
  events: DomainEvent[];
  fired: Timer[];
}

/** Fire every timer due at `now`, earliest first; each firing sees the clock at its own due time. */
export function fireDue(state: ClaimState, now: number, context: Omit<DecisionContext, "now">): Firing {
  let current = state;
  const events: DomainEvent[] = [];
  const fired: Timer[] = [];
  for (let t = nextTimer(current); t && t.at <= now; t = nextTimer(current)) {
    const d = decide(
      current,
      { type: "fire", kind: t.kind, warn: t.warn },
      { kind: "system" },
      { ...context, now: t.at },
    );
    if (!d.ok) throw new Error(`a due timer was refused: ${d.refusal.detail}`);
    current = d.state;
    events.push(...d.events);
    fired.push(t);
  }
  return { state: current, events, fired };
}
