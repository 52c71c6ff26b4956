// The claims clock in simulated-clock mode: read by every signed-in user, moved forward by the
// program admin. With the mode off both answer 404 (before any 403: the clock does not exist).
import { mayOperateSystem, mayReadClock } from "../../domain/policies/system.ts";
import { forbidden, notFound } from "../../domain/refusal.ts";
import type { Principal } from "../principal.ts";
import type { SimulatedClock } from "../simulated-clock.ts";

const OFF = "the simulated clock is off (CLAIMDESK_SIMULATED_CLOCK=1 turns it on)";

export async function readClock(clock: SimulatedClock | null, p: Principal): Promise<{ now: string }> {
  if (!clock) throw notFound(OFF);
  if (!mayReadClock(p)) throw forbidden("sign in to read the claims clock");
  await clock.refresh();
  return { now: new Date(clock.now()).toISOString() };
}

/** Forward only (422 otherwise); moving does not sweep. */
export async function moveClock(
  clock: SimulatedClock | null,
  p: Principal,
  input: { now: string },
): Promise<{ now: string }> {
  if (!clock) throw notFound(OFF);
  if (!mayOperateSystem(p)) throw forbidden("only a program admin may move the clock");
  await clock.set(Date.parse(input.now));
  return { now: new Date(clock.now()).toISOString() };
}
