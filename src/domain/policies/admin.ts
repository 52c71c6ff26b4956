// Administration: organisations, users, catalog, calendars and the customer registry.
import { OPERATOR_ROLES, PARTNER_ROLES, type Role } from "../vocabulary.ts";
import { hasRole, type Subject } from "./subject.ts";

export const mayManageOrganizations = (s: Subject) => hasRole(s, "program_admin");
/** A program admin manages every user; a global admin its own organisation's partner users. */
export const mayManageUsers = (s: Subject) => hasRole(s, "program_admin", "global_admin");
export const mayManageCatalog = (s: Subject) => hasRole(s, "program_admin");
export const mayManageCalendars = (s: Subject) => hasRole(s, "program_admin");
export const mayManageCustomerRegistry = (s: Subject) => hasRole(s, "program_admin");

/** The roles `s` may give a user it creates or edits (DOMAIN.md section 1). */
export function assignableRoles(s: Subject): Role[] {
  if (hasRole(s, "program_admin")) return [...PARTNER_ROLES, ...OPERATOR_ROLES];
  if (hasRole(s, "global_admin")) return [...PARTNER_ROLES];
  return [];
}

export function adminAbilities(s: Subject) {
  return {
    manageOrganizations: mayManageOrganizations(s),
    manageUsers: mayManageUsers(s),
    manageCatalog: mayManageCatalog(s),
    manageCalendars: mayManageCalendars(s),
    manageCustomerRegistry: mayManageCustomerRegistry(s),
  };
}
