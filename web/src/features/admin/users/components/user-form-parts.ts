// What the user forms share: the languages a user may pick, and the organisations a new partner
// user can join.
import { useOrganizations } from "../../../../lib/organizations.ts";
import { useUser } from "../../../../lib/session.tsx";

export const LOCALES = ["en", "es"] as const;

/**
 * The organisations a new partner user can join: every one for a caller of no organisation (the
 * operator), else the caller's own.
 */
export function useJoinableOrganizations() {
  const { organization } = useUser();
  const all = useOrganizations(!organization);
  return { pickOrganization: !organization, orgs: organization ? [organization] : (all.data?.items ?? []) };
}
