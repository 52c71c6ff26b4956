// The system: the simulated clock and the sweep on demand.
import { hasRole, isUser, type Subject } from "./subject.ts";

/** Every signed-in user may read the claims clock (the web app shows its time). */
export const mayReadClock = (s: Subject) => isUser(s);
/** Moving the simulated clock and firing due deadlines now. */
export const mayOperateSystem = (s: Subject) => hasRole(s, "program_admin");

export function systemAbilities(s: Subject) {
  return { operateSystem: mayOperateSystem(s) };
}
