// Notifications, mail and webhooks.
import type { Role } from "../vocabulary.ts";
import { hasRole, isUser, type Subject } from "./subject.ts";

/** Every signed-in user has an in-app notification list of its own. */
export const mayReadNotifications = (s: Subject) => isUser(s);
/** A global admin manages its organisation's endpoints; the program admin the operator's. */
export const mayManageWebhooks = (s: Subject) => hasRole(s, "global_admin", "program_admin");
/** The mail backlog holds every recipient's mail: the operator's business. */
export const mayManageMail = (s: Subject) => hasRole(s, "program_admin");

/**
 * Whose endpoints `s` manages: its organisation's (a global admin), the operator's (null, a program
 * admin), or none (undefined).
 */
export function webhookOwnerOf(s: Subject): string | null | undefined {
  if (hasRole(s, "global_admin") && s.organizationId !== null) return s.organizationId;
  if (hasRole(s, "program_admin")) return null;
  return undefined;
}

/**
 * Whether an endpoint of `organizationId` (null: the operator's) is on the caller's side at all:
 * another side's endpoint is answered 404, before any 403 (the organisation's other admins see 403).
 */
export const seesEndpoint = (s: Subject, organizationId: string | null) =>
  isUser(s) && s.organizationId === organizationId;

/** Editing, deleting, rotating, redelivering and resuming one endpoint: its owner's. */
export const mayManageEndpoint = (s: Subject, organizationId: string | null) =>
  seesEndpoint(s, organizationId) && mayManageWebhooks(s) && webhookOwnerOf(s) === organizationId;

/** What the caller may do with one endpoint, sent on the endpoint itself. */
export function endpointAbilities(s: Subject, endpoint: { organizationId: string | null; paused: boolean }) {
  const manage = mayManageEndpoint(s, endpoint.organizationId);
  return {
    edit: manage,
    delete: manage,
    rotateSecret: manage,
    redeliver: manage,
    resume: manage && endpoint.paused,
  };
}

/** Who is told when an endpoint is paused: the people who may manage it. */
export const endpointOwnerRoles = (organizationId: string | null): Role[] =>
  organizationId === null ? ["program_admin"] : ["global_admin"];

export function notifyAbilities(s: Subject) {
  return {
    readNotifications: mayReadNotifications(s),
    manageWebhooks: mayManageWebhooks(s),
    manageMail: mayManageMail(s),
  };
}
