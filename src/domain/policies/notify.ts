// Notifications, mail and webhooks.
import { hasRole, isUser, type Subject } from "./subject.ts";

/** Every signed-in user has an in-app notification list of its own. */
export const mayReadNotifications = (s: Subject) => isUser(s);
/** A global admin manages its organisation's endpoints; the program admin the operator's. */
export const mayManageWebhooks = (s: Subject) => hasRole(s, "global_admin", "program_admin");
/** The mail backlog holds every recipient's mail: the operator's business. */
export const mayManageMail = (s: Subject) => hasRole(s, "program_admin");

export function notifyAbilities(s: Subject) {
  return {
    readNotifications: mayReadNotifications(s),
    manageWebhooks: mayManageWebhooks(s),
    manageMail: mayManageMail(s),
  };
}
