// The administration's policies as pure predicates: who manages which user, and which roles.
import { describe, expect, it } from "vitest";
import {
  assignableRoles,
  mayAddPartnerId,
  mayManageUser,
  mayMoveBetweenRoles,
  userAbilities,
} from "../../src/domain/policies/admin.ts";

const program = { kind: "user", id: "p", role: "program_admin", organizationId: null } as const;
const globalA = { kind: "user", id: "g", role: "global_admin", organizationId: "a" } as const;
const incentivesA = { kind: "user", id: "i", role: "incentives_admin", organizationId: "a" } as const;

describe("administration policies", () => {
  it("a global admin manages its own organisation's partner users only", () => {
    expect(mayManageUser(globalA, { role: "billing_admin", organizationId: "a" })).toBe(true);
    expect(mayManageUser(globalA, { role: "billing_admin", organizationId: "b" })).toBe(false);
    expect(mayManageUser(globalA, { role: "reviewer", organizationId: null })).toBe(false);
    expect(mayManageUser(incentivesA, { role: "billing_admin", organizationId: "a" })).toBe(false);
    expect(mayManageUser(program, { role: "reviewer", organizationId: null })).toBe(true);
    expect(mayManageUser({ kind: "system" }, { role: "reviewer", organizationId: null })).toBe(false);
  });

  it("nobody demotes or disables itself", () => {
    expect(userAbilities(globalA, globalA)).toEqual({ edit: true, changeRole: false, disable: false });
    expect(userAbilities(globalA, incentivesA)).toEqual({ edit: true, changeRole: true, disable: true });
    expect(userAbilities(incentivesA, globalA)).toEqual({ edit: false, changeRole: false, disable: false });
  });

  it("roles stay on their side, and a global admin assigns partner roles", () => {
    expect(mayMoveBetweenRoles("incentives_admin", "billing_admin")).toBe(true);
    expect(mayMoveBetweenRoles("incentives_admin", "reviewer")).toBe(false);
    expect(assignableRoles(globalA)).toEqual(["global_admin", "incentives_admin", "billing_admin"]);
    expect(assignableRoles(incentivesA)).toEqual([]);
  });

  it("partner IDs are the program admin's to add", () => {
    expect(mayAddPartnerId(program, { id: "a" })).toBe(true);
    expect(mayAddPartnerId(globalA, { id: "a" })).toBe(false);
  });
});
