// Policies of this feature: one small named predicate per permission. Pure and I/O-free.
import type { Subject } from "./subject.ts";

/** This feature's global abilities for the session (see abilities.ts). */
export function systemAbilities(_s: Subject) {
  return {};
}
