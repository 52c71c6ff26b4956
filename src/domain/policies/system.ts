// The system: the simulated clock and the sweep on demand.
import { hasRole, type Subject } from "./subject.ts";

export const mayOperateSystem = (s: Subject) => hasRole(s, "program_admin");

export function systemAbilities(s: Subject) {
  return { operateSystem: mayOperateSystem(s) };
}
