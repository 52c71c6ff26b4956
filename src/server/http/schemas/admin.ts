// Response schemas of the administration, catalog and registry routes. Per-object `abilities` say
// what the caller may do with each object (computed with src/domain/policies/admin.ts), so the web
// app shows only what the server would allow.
import { Type } from "typebox";
import { ROLES } from "../../../domain/vocabulary.ts";
import { User } from "../schemas.ts";
import { ImportRowError } from "./import-rows.ts";

const Flag = (description: string) => Type.Boolean({ description });

export const OrganizationAbilities = Type.Object({
  edit: Flag("may change the organisation's settings (its calendar)"),
  addPartnerId: Flag("may register another partner ID for it"),
});

export const Organization = Type.Object({
  id: Type.String(),
  name: Type.String(),
  partnerIds: Type.Array(Type.String()),
  calendarId: Type.Union([Type.String(), Type.Null()]),
  abilities: OrganizationAbilities,
});

export const UserAbilities = Type.Object({
  edit: Flag("may change the user's name and locale"),
  changeRole: Flag("may give the user another role (one of assignableRoles)"),
  disable: Flag("may disable the user"),
});

/** A user as the administration shows it: the session's User plus what the caller may do to it. */
export const AdminUser = Type.Object({ ...User.properties, abilities: UserAbilities });

export const AdminUserList = Type.Object({
  items: Type.Array(AdminUser),
  assignableRoles: Type.Array(Type.Enum(ROLES), { description: "the roles the caller may give a user" }),
});

export const SubscriptionStatus = Type.Enum(["active", "suspended", "cancelled"]);

export const Customer = Type.Object({
  tenantId: Type.String(),
  domain: Type.String(),
  name: Type.String(),
  locale: Type.Union([Type.String(), Type.Null()]),
  subscriptions: Type.Array(
    Type.Object({ id: Type.String(), product: Type.String(), status: SubscriptionStatus }),
  ),
});

export const Calendar = Type.Object({
  id: Type.String(),
  name: Type.String(),
  region: Type.String(),
  timeZone: Type.String(),
  weekend: Type.Array(Type.Integer()),
});

export const Product = Type.Object({
  code: Type.String(),
  name: Type.String(),
  solutionArea: Type.String(),
  basis: Type.Enum(["workload", "subscription"]),
  active: Type.Boolean(),
});

export const Activity = Type.Object({
  code: Type.String(),
  name: Type.String(),
  incentivised: Type.Boolean(),
});

export const CustomerImportResult = Type.Object({
  rows: Type.Integer(),
  customers: Type.Integer(),
  subscriptions: Type.Integer(),
  dryRun: Type.Boolean(),
  imported: Type.Boolean(),
  errors: Type.Array(ImportRowError),
});
