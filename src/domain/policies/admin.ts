// Administration: organisations, users, catalog, calendars and the customer registry.
import { isPartnerRole, OPERATOR_ROLES, PARTNER_ROLES, type Role } from "../vocabulary.ts";
import { hasRole, isOperatorUser, isPartnerUser, isUser, type Subject, seesOrganization } from "./subject.ts";

export const mayManageOrganizations = (s: Subject) => hasRole(s, "program_admin");
/** A program admin manages every user; a global admin its own organisation's partner users. */
export const mayManageUsers = (s: Subject) => hasRole(s, "program_admin", "global_admin");
export const mayManageCatalog = (s: Subject) => hasRole(s, "program_admin");
export const mayManageCalendars = (s: Subject) => hasRole(s, "program_admin");
export const mayManageCustomerRegistry = (s: Subject) => hasRole(s, "program_admin");

/** Program admins read every organisation; a global admin its own (others are 404 to it). */
export const mayViewOrganizations = (s: Subject) => hasRole(s, "program_admin", "global_admin");
/** The catalog and the calendars are shared configuration that every user reads. */
export const mayViewCatalog = (s: Subject) => isUser(s);
export const mayViewCalendars = (s: Subject) => isUser(s);
/** Filing a claim needs the registry's customer by tenant or domain, so every user may look one up. */
export const mayLookUpCustomers = (s: Subject) => isUser(s);
/** The operator sees a registry entry whole; a partner only what filing needs (docs/SECURITY.md). */
export const maySeeCustomerDetails = (s: Subject) => isOperatorUser(s);

/**
 * The one organisation whose administration `s` may list, or null for all of them. A partner user
 * without an organisation gets an id that matches nothing.
 */
export function administeredOrganization(s: Subject): string | null {
  return isPartnerUser(s) ? (s.organizationId ?? "") : null;
}

/** The organisation a new user lands in when the request names none: a partner admin's own. */
export function defaultOrganizationForNewUser(s: Subject): string | null {
  return isPartnerUser(s) ? s.organizationId : null;
}

export interface OrganizationFacts {
  id: string;
}

/** Changing an organisation's settings (its calendar). */
export const mayEditOrganization = (s: Subject, org: OrganizationFacts) =>
  mayManageOrganizations(s) && seesOrganization(s, org.id);
/** Registering another location's partner ID. */
export const mayAddPartnerId = (s: Subject, org: OrganizationFacts) =>
  mayManageOrganizations(s) && seesOrganization(s, org.id);

export function organizationAbilities(s: Subject, org: OrganizationFacts) {
  return { edit: mayEditOrganization(s, org), addPartnerId: mayAddPartnerId(s, org) };
}

/** Partner roles belong to an organisation; operator roles to none. */
export const roleBelongsToOrganization = (role: Role) => isPartnerRole(role);
/** A role change stays on its side: a partner user never becomes an operator, nor the reverse. */
export const mayMoveBetweenRoles = (from: Role, to: Role) => isPartnerRole(from) === isPartnerRole(to);

/** Whether a requested role (if any) differs from the user's current one. */
export const isRoleChange = (from: Role, to: Role | undefined) => to !== undefined && to !== from;

/** The roles `s` may give a user it creates or edits (RULES.md §1). */
export function assignableRoles(s: Subject): Role[] {
  if (hasRole(s, "program_admin")) return [...PARTNER_ROLES, ...OPERATOR_ROLES];
  if (hasRole(s, "global_admin")) return [...PARTNER_ROLES];
  return [];
}

export const mayAssignRole = (s: Subject, role: Role) => assignableRoles(s).includes(role);

export interface UserFacts {
  role: Role;
  organizationId: string | null;
}

/** Whether `s` may create or edit the user `target` (its name, locale, role or disabling). */
export function mayManageUser(s: Subject, target: UserFacts): boolean {
  // Judged before the role tests: hasRole's type guard leaves nothing of `s` when it is false.
  const ownOrganization =
    isUser(s) && target.organizationId !== null && target.organizationId === s.organizationId;
  if (hasRole(s, "program_admin")) return true;
  return hasRole(s, "global_admin") && roleBelongsToOrganization(target.role) && ownOrganization;
}

/** Whether `target` is the caller's own account (compared by id; a subject without one is nobody). */
export const isOwnAccount = (s: Subject, target: { id: string }) =>
  isUser(s) && "id" in s && s.id === target.id;

/** Nobody demotes or disables themselves: the organisation could be left without an administrator. */
export const mayChangeRole = (s: Subject, target: UserFacts & { id: string }) =>
  mayManageUser(s, target) && !isOwnAccount(s, target);
export const mayDisableUser = (s: Subject, target: UserFacts & { id: string }) =>
  mayManageUser(s, target) && !isOwnAccount(s, target);

export function userAbilities(s: Subject, target: UserFacts & { id: string }) {
  return {
    edit: mayManageUser(s, target),
    changeRole: mayChangeRole(s, target),
    disable: mayDisableUser(s, target),
  };
}

export function adminAbilities(s: Subject) {
  return {
    manageOrganizations: mayManageOrganizations(s),
    manageUsers: mayManageUsers(s),
    manageCatalog: mayManageCatalog(s),
    manageCalendars: mayManageCalendars(s),
    manageCustomerRegistry: mayManageCustomerRegistry(s),
    manageIdentityProviders: mayManageIdentityProviders(s, identityProviderScope(s)),
    /** Every user keeps its own personal access tokens (read-only or read-write). */
    manageAccessTokens: isUser(s),
  };
}

/**
 * Configuring sign-in through an identity provider (issue 15): a program admin for the operator's
 * and every organisation's, a global admin for its own organisation's only.
 */
export function mayManageIdentityProviders(s: Subject, organizationId: string | null): boolean {
  const own = isUser(s) && organizationId !== null && organizationId === s.organizationId;
  if (hasRole(s, "program_admin")) return true;
  return hasRole(s, "global_admin") && own;
}

/** The identity providers whose configuration `s` may list: null for all, else one organisation's. */
export const identityProviderScope = (s: Subject) => administeredOrganization(s);

export function identityProviderAbilities(
  s: Subject,
  provider: { organizationId: string | null; enabled: boolean },
) {
  const manage = mayManageIdentityProviders(s, provider.organizationId);
  return {
    edit: manage,
    delete: manage,
    disable: manage && provider.enabled,
    enable: manage && !provider.enabled,
  };
}

/**
 * The role an IdP maps a user to must fit the organisation the provider signs in: partner roles
 * for an organisation's, operator roles for the operator's (organizationId null).
 */
export const roleFitsProvider = (role: Role, organizationId: string | null) =>
  roleBelongsToOrganization(role) === (organizationId !== null);

/** What a credential allows: a read-only personal access token changes nothing. */
export const mayChangeData = (access: { scope: "read" | "write" }) => access.scope === "write";
