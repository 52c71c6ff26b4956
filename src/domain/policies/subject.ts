// Who a policy judges. The server's Principal fits this shape; the web app builds none of its own:
// it reads the abilities the server computed with these same predicates.
import { isPartnerRole, type Role } from "../vocabulary.ts";

export type Subject =
  | { kind: "user"; role: Role; organizationId: string | null }
  | { kind: "customer" }
  | { kind: "system" };

export type UserSubject = Extract<Subject, { kind: "user" }>;

export const isUser = (s: Subject): s is UserSubject => s.kind === "user";
/** A user of a partner organisation (global, incentives or billing admin). */
export const isPartnerUser = (s: Subject): s is UserSubject => isUser(s) && isPartnerRole(s.role);
/** A user of the programme operator (reviewer or program admin). */
export const isOperatorUser = (s: Subject): s is UserSubject => isUser(s) && !isPartnerRole(s.role);
export const hasRole = (s: Subject, ...roles: Role[]): s is UserSubject =>
  isUser(s) && roles.includes(s.role);

/**
 * Whether `s` may see objects of `organizationId`: a partner user only its own organisation's, the
 * operator every organisation's. Another organisation's object is answered 404 (never 403).
 */
export function seesOrganization(s: Subject, organizationId: string | null): boolean {
  if (!isUser(s)) return true;
  return !isPartnerRole(s.role) || (organizationId !== null && s.organizationId === organizationId);
}
