// Who is acting: a signed-in user, the customer holding a consent link, or the system (deadlines).
import type { Actor } from "../domain/commands.ts";
import type { Role } from "../domain/vocabulary.ts";

export type Principal =
  | { kind: "user"; id: string; name: string; role: Role; organizationId: string | null; locale: string }
  | { kind: "customer"; name: string }
  | { kind: "system" };

export const SYSTEM: Principal = { kind: "system" };

export function actorOf(p: Principal): Actor {
  return p.kind === "user" ? { kind: "user", role: p.role } : { kind: p.kind };
}

export interface ActorRef {
  kind: "user" | "customer" | "system";
  id: string | null;
  name: string;
}

export function actorRef(p: Principal): ActorRef {
  if (p.kind === "user") return { kind: "user", id: p.id, name: p.name };
  if (p.kind === "customer") return { kind: "customer", id: null, name: p.name };
  return { kind: "system", id: null, name: "system" };
}
