// Schemas of sign-in through an identity provider (issue 15) and of token scopes. A provider's
// client secret is accepted, never answered: hasSecret says whether one is kept.
import { Type } from "typebox";
import { ROLES } from "../../../domain/vocabulary.ts";

export const TokenScope = Type.Enum(["read", "write"], {
  description:
    "read: GET and HEAD only (any other method answers 403); write (default): what the user may do",
});

const RoleEnum = Type.Enum(ROLES);

export const RoleMapping = Type.Object(
  {
    claim: Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'the ID token claim to read, e.g. "groups"',
    }),
    values: Type.Record(Type.String({ maxLength: 200 }), RoleEnum, {
      description: "claim value -> role; the first entry the user holds wins (list the strongest first)",
    }),
    default: Type.Optional(RoleEnum),
  },
  { additionalProperties: false },
);

const Domains = Type.Array(Type.String({ minLength: 3, maxLength: 253 }), { minItems: 1, maxItems: 50 });

const editable = {
  name: Type.String({ minLength: 1, maxLength: 100, description: 'shown as "Sign in with <name>"' }),
  issuer: Type.String({ minLength: 8, maxLength: 500, description: "the IdP's issuer URL (https)" }),
  clientId: Type.String({ minLength: 1, maxLength: 300 }),
  clientSecret: Type.Union([Type.String({ minLength: 1, maxLength: 1000 }), Type.Null()], {
    description: "write-only; null removes it (a public client)",
  }),
  allowedDomains: Domains,
  roleMapping: RoleMapping,
  passwordsAllowed: Type.Boolean({
    description: "false: the organisation's users may no longer sign in with a local password",
  }),
  enabled: Type.Boolean({
    description:
      "false switches the provider off: it signs no one in, the sessions it opened end, and it no longer keeps its organisation from passwords",
  }),
};

export const IdentityProviderCreate = Type.Object(
  {
    organizationId: Type.Union([Type.String(), Type.Null()], {
      description: "null: the programme operator's",
    }),
    ...editable,
    clientSecret: Type.Optional(editable.clientSecret),
    passwordsAllowed: Type.Optional(editable.passwordsAllowed),
    enabled: Type.Optional(editable.enabled),
  },
  { additionalProperties: false },
);

export const IdentityProviderPatch = Type.Partial(Type.Object(editable, { additionalProperties: false }));

export const IdentityProvider = Type.Object({
  id: Type.String(),
  organizationId: Type.Union([Type.String(), Type.Null()]),
  name: Type.String(),
  issuer: Type.String(),
  clientId: Type.String(),
  hasSecret: Type.Boolean(),
  allowedDomains: Type.Array(Type.String()),
  roleMapping: RoleMapping,
  passwordsAllowed: Type.Boolean(),
  enabled: Type.Boolean(),
  redirectUri: Type.String({ description: "the redirect URI to register at the IdP" }),
  abilities: Type.Object({
    edit: Type.Boolean(),
    delete: Type.Boolean(),
    disable: Type.Boolean(),
    enable: Type.Boolean(),
  }),
});

const Roles = Type.Array(RoleEnum);

export const IdentityProviderList = Type.Object({
  items: Type.Array(IdentityProvider),
  redirectUri: Type.String({ description: "the redirect URI to register at every IdP" }),
  mappableRoles: Type.Object(
    {
      organization: Roles,
      operator: Roles,
    },
    { description: "the roles the caller may map to, for an organisation's provider and the operator's" },
  ),
});

export const DiscoveryRequest = Type.Object({ issuer: editable.issuer }, { additionalProperties: false });

export const DiscoveryResult = Type.Object({
  issuer: Type.String(),
  authorizationEndpoint: Type.Union([Type.String(), Type.Null()]),
  tokenEndpoint: Type.Union([Type.String(), Type.Null()]),
  endSessionEndpoint: Type.Union([Type.String(), Type.Null()], {
    description: "set: sign-out also signs out of the IdP (RP-initiated logout)",
  }),
  backchannelLogout: Type.Boolean({ description: "the IdP can end Claimdesk sessions itself" }),
  pkceS256: Type.Boolean(),
});

export const SignInOptions = Type.Object({
  providers: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      startUrl: Type.String({ description: "navigate the browser here (add ?returnTo=/path)" }),
    }),
  ),
  passwordAllowed: Type.Boolean(),
});
