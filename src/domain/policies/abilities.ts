// The caller's global abilities, sent on GET /api/v1/session: the web app shows what these allow
// and never compares role strings. Per-object abilities travel on each resource (a claim's
// `allowedActions`, a statement's, a user's, ...). Each feature's policy file contributes its part.
import { adminAbilities } from "./admin.ts";
import { claimAbilities } from "./claims.ts";
import { incentiveAbilities } from "./incentives.ts";
import { notifyAbilities } from "./notify.ts";
import type { Subject } from "./subject.ts";
import { systemAbilities } from "./system.ts";

export function sessionAbilities(s: Subject) {
  return {
    ...claimAbilities(s),
    ...adminAbilities(s),
    ...incentiveAbilities(s),
    ...notifyAbilities(s),
    ...systemAbilities(s),
  };
}

export type SessionAbilities = ReturnType<typeof sessionAbilities>;
export type SessionAbility = keyof SessionAbilities;
