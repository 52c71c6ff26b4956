// From the IdP's claims to a Claimdesk role: the mapping's claim may hold one string or a list
// (Entra ID and Keycloak send groups as a list); the first mapping entry the user has wins, so an
// administrator lists the strongest role first.
import type { Role } from "../../../domain/vocabulary.ts";
import type { RoleMapping } from "./provider-store.ts";

export function mappedRole(mapping: RoleMapping, claims: Record<string, unknown>): Role | null {
  const raw = claims[mapping.claim];
  const held = new Set(
    (Array.isArray(raw) ? raw : [raw])
      .filter((v): v is string | number => typeof v === "string" || typeof v === "number")
      .map(String),
  );
  for (const [value, role] of Object.entries(mapping.values)) if (held.has(value)) return role;
  return mapping.default ?? null;
}
