// Request and response schemas (TypeBox). The OpenAPI document is generated from these, and the
// web client will be typed from that document.
import { Type } from "typebox";
import { MESSAGE_KINDS } from "../../domain/messages.ts";
import {
  ACTIVITIES,
  type CLAIM_ACTIONS,
  DEADLINE_KINDS,
  INFO_REASONS,
  REJECTION_REASONS,
  REVIEWER_REJECTION_REASONS,
  ROLES,
  STATUSES,
  USER_VISIBLE_ACTIONS,
  WITHDRAW_REASONS,
} from "../../domain/vocabulary.ts";
import { ClaimPreflight, DocumentPreflight } from "./schemas/preflight.ts";
import { SimilarClaim } from "./schemas/similarity.ts";

const closed = { additionalProperties: false } as const;
export const Enum = Type.Enum;
export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T, description?: string) =>
  Type.Union([t, Type.Null()], description ? { description } : {});
export const Time = Type.String({ format: "date-time", description: "UTC, ISO 8601 with milliseconds" });
const Email = Type.String({ format: "email", maxLength: 254 });
const Guid = Type.String({
  pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
});
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });

/** RFC 9457 problem details with the machine `code` and the extra members some codes carry. */
export const Problem = Type.Object(
  {
    type: Type.String({ description: "a URI naming the problem's code" }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String({
      description:
        "unauthenticated, forbidden, csrf_failed, not_found, invalid_transition, validation_failed, duplicate_association, version_mismatch, consent_closed, file_rejected, file_too_large, rate_limited, idempotency_in_progress, idempotency_key_reused, open_line_disputes, ...",
    }),
    errors: Type.Optional(
      Type.Array(Type.Object({ field: Type.String(), message: Type.String() }), {
        description: "validation_failed: each refused field",
      }),
    ),
    state: Type.Optional(
      Type.String({
        description: `invalid_transition and action refusals: the claim's status (${STATUSES.join(", ")}) or a payout statement's`,
      }),
    ),
    allowedActions: Type.Optional(
      Type.Array(Type.String(), {
        description: `what the caller may do in that state instead (for a claim: ${USER_VISIBLE_ACTIONS.join(", ")})`,
      }),
    ),
    currentVersion: Type.Optional(Type.Integer({ description: "version_mismatch: the claim's version now" })),
    retryAfterSeconds: Type.Optional(
      Type.Number({ description: "rate_limited: also sent as the Retry-After header" }),
    ),
    maxBytes: Type.Optional(Type.Integer({ description: "file_too_large: the limit" })),
    conflicting: Type.Optional(
      Type.Array(Type.String(), { description: "duplicate_association: the claims in the way" }),
    ),
    lines: Type.Optional(
      Type.Array(
        Type.Object({
          id: Type.String(),
          claimNumber: Type.String(),
          customerName: Type.String(),
          customerDomain: Type.String(),
          earningsMinor: Type.Integer(),
          currency: Type.String(),
          comment: Type.String(),
          disputedAt: Type.String({ format: "date-time" }),
        }),
        { description: "open_line_disputes: the statement's disputed lines no one has answered yet" },
      ),
    ),
  },
  { $id: "Problem", additionalProperties: true },
);

export const CustomerRef = Type.Object(
  { tenantId: Guid, domain: Text(253), name: Text(200), subscriptionId: Type.Optional(Nullable(Guid)) },
  closed,
);
export const CustomerContact = Type.Object(
  {
    name: Text(200),
    title: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    email: Email,
    phone: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
    locale: Type.Optional(Nullable(Enum(["en", "es"]))),
  },
  closed,
);
export const PartnerContact = Type.Object(
  { name: Text(200), email: Email, phone: Type.Optional(Nullable(Type.String({ maxLength: 50 }))) },
  closed,
);
const PartnerId = Type.String({ pattern: "^[0-9]{6,7}$" });
const Products = Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 50 });

export const ClaimCreate = Type.Object(
  {
    partnerId: PartnerId,
    customer: CustomerRef,
    activity: Enum(ACTIVITIES),
    products: Products,
    customerContact: CustomerContact,
    partnerContact: PartnerContact,
  },
  { ...closed, $id: "ClaimCreate" },
);

export const ClaimPatch = Type.Object(
  {
    partnerId: Type.Optional(PartnerId),
    customer: Type.Optional(
      Type.Object(
        {
          tenantId: Type.Optional(Guid),
          domain: Type.Optional(Text(253)),
          name: Type.Optional(Text(200)),
          subscriptionId: Type.Optional(Nullable(Guid)),
        },
        closed,
      ),
    ),
    activity: Type.Optional(Enum(ACTIVITIES)),
    products: Type.Optional(Products),
    customerContact: Type.Optional(
      Type.Object(
        {
          name: Type.Optional(Text(200)),
          title: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
          email: Type.Optional(Email),
          phone: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
          locale: Type.Optional(Nullable(Enum(["en", "es"]))),
        },
        closed,
      ),
    ),
    partnerContact: Type.Optional(
      Type.Object(
        {
          name: Type.Optional(Text(200)),
          email: Type.Optional(Email),
          phone: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
        },
        closed,
      ),
    ),
  },
  { ...closed, $id: "ClaimPatch", description: "A JSON merge patch (RFC 7396) of the editable fields" },
);

/** An open deadline as screens and mail show it (RULES.md §4a): nothing for a client to compute. */
const Deadline = Type.Object({
  kind: Enum(DEADLINE_KINDS),
  dueAt: Time,
  lastMomentToAct: Type.String({
    format: "date-time",
    description: "the inclusive last instant to act in time: dueAt minus 1 ms (UTC)",
  }),
  timeZone: Type.String({ description: "the claim calendar's IANA time zone, to write lastMomentToAct in" }),
  businessDaysLeft: Type.Integer({
    minimum: 0,
    description:
      "business days after today (server clock, calendar zone) up to the last moment's date; today never counts; 0 once overdue",
  }),
  hoursLeft: Type.Integer({
    minimum: 0,
    description: "whole hours from the server's now to dueAt; 0 once overdue",
  }),
  overdue: Type.Boolean({ description: "the server's now is at or past dueAt" }),
  overdueBy: Nullable(
    Type.Object({
      businessDays: Type.Integer({
        minimum: 0,
        description: "business days wholly passed between the last moment's date and today",
      }),
      hours: Type.Integer({ minimum: 0, description: "whole hours since dueAt" }),
    }),
  ),
  state: Enum(["on_time", "due_soon", "breached"]),
});

export const Claim = Type.Object(
  {
    id: Type.String(),
    number: Type.String(),
    status: Enum(STATUSES),
    version: Type.Integer(),
    organizationId: Type.String(),
    partnerId: Type.String(),
    customer: Type.Object({
      tenantId: Type.String(),
      domain: Type.String(),
      name: Type.String(),
      subscriptionId: Type.Optional(Nullable(Type.String())),
    }),
    activity: Type.String(),
    products: Type.Array(Type.String()),
    customerContact: Type.Object({
      name: Type.String(),
      title: Type.Optional(Nullable(Type.String())),
      email: Type.String(),
      phone: Type.Optional(Nullable(Type.String())),
      locale: Type.Optional(Nullable(Type.String())),
    }),
    partnerContact: Type.Object({
      name: Type.String(),
      email: Type.String(),
      phone: Type.Optional(Nullable(Type.String())),
    }),
    reasons: Type.Array(Type.String()),
    withdrawReason: Nullable(Type.String()),
    copiedFrom: Nullable(Type.String()),
    consent: Nullable(
      Type.Object({
        status: Enum(["running", "passed", "denied", "confirmed", "cancelled"]),
        endsAt: Time,
        deadline: Nullable(Deadline, "the consent_end deadline while the period runs"),
      }),
    ),
    dispute: Nullable(
      Type.Object({
        status: Enum(["open", "upheld", "overturned"]),
        openedAt: Time,
        dueAt: Time,
        deadline: Nullable(Deadline, "the dispute_decision deadline while the dispute is open"),
      }),
    ),
    deadlines: Type.Array(Deadline, { description: "the open deadlines" }),
    sla: Nullable(Deadline, "the operator SLA (review_start, decision or dispute_decision), if one is open"),
    eligibility: Nullable(
      Type.Array(
        Type.Object({ program: Type.String(), status: Type.String(), reasons: Type.Array(Type.String()) }),
      ),
    ),
    allowedActions: Type.Array(Enum(USER_VISIBLE_ACTIONS)),
    competingClaims: Type.Optional(
      Type.Array(
        Type.Object({
          id: Type.String(),
          number: Type.String(),
          organizationId: Type.String(),
          organizationName: Type.String(),
          products: Type.Array(Type.String()),
          status: Enum(STATUSES),
          createdAt: Time,
          submittedAt: Nullable(Time),
        }),
        {
          description:
            "operator only: other organisations' submitted claims on the same association keys (drafts never)",
        },
      ),
    ),
    organization: Type.Optional(
      Type.Object(
        { id: Type.String(), name: Type.String() },
        { description: "on GET /claims/{id}: the partner organisation" },
      ),
    ),
    latestMessage: Type.Optional(
      Nullable(
        Type.Object(
          {
            kind: Enum(MESSAGE_KINDS),
            at: Time,
            actor: Type.Object({ kind: Enum(["user", "system", "customer"]), name: Type.String() }),
            text: Nullable(Type.String()),
            reasons: Type.Array(Type.String()),
            documentIds: Type.Array(Type.String()),
          },
          {
            description:
              "on GET /claims/{id}: the newest history entry that carries a message (information request, resubmission, approval, rejection, customer decline, withdrawal, dispute and its decision); null before any",
          },
        ),
      ),
    ),
    timeZone: Type.Optional(
      Type.String({
        description:
          "on GET /claims/{id}: the claim calendar's IANA time zone, in which its deadlines are written (also those in its history)",
      }),
    ),
    similar: Type.Optional(
      Type.Array(SimilarClaim, { description: "Operator only: reuse and look-alike claims" }),
    ),
    preflight: Type.Optional(ClaimPreflight),
    createdAt: Time,
    updatedAt: Time,
  },
  { $id: "Claim" },
);

export const ClaimList = Type.Object(
  { items: Type.Array(Claim), nextCursor: Nullable(Type.String()) },
  { $id: "ClaimList" },
);

export const ActionBodies = {
  submit: Type.Object({}, closed),
  "start-review": Type.Object({}, closed),
  "request-information": Type.Object(
    { reasons: Type.Array(Enum(INFO_REASONS), { minItems: 1, uniqueItems: true }), comment: Text(10_000) },
    closed,
  ),
  resubmit: Type.Object({ comment: Type.Optional(Nullable(Type.String({ maxLength: 10_000 }))) }, closed),
  approve: Type.Object(
    {
      comment: Type.Optional(Nullable(Type.String({ maxLength: 10_000 }))),
      keepCompeting: Type.Optional(Type.Array(Type.String())),
    },
    closed,
  ),
  reject: Type.Object(
    {
      reasons: Type.Array(Enum(REJECTION_REASONS), {
        minItems: 1,
        uniqueItems: true,
        description: `a reviewer may give only: ${REVIEWER_REJECTION_REASONS.join(", ")}`,
      }),
      comment: Text(10_000),
    },
    closed,
  ),
  withdraw: Type.Object(
    { reason: Enum(WITHDRAW_REASONS), comment: Type.Optional(Nullable(Type.String({ maxLength: 10_000 }))) },
    closed,
  ),
  dispute: Type.Object(
    {
      justification: Type.Optional(Nullable(Type.String({ maxLength: 10_000 }))),
      documentIds: Type.Optional(Type.Array(Type.String(), { maxItems: 20 })),
    },
    closed,
  ),
  "uphold-dispute": Type.Object({ comment: Text(10_000) }, closed),
  "overturn-dispute": Type.Object({ comment: Text(10_000), to: Enum(["under_review", "approved"]) }, closed),
  copy: Type.Object({}, closed),
} as const satisfies Record<(typeof CLAIM_ACTIONS)[number], unknown>;

export const Document = Type.Object(
  {
    id: Type.String(),
    filename: Type.String(),
    contentType: Type.String(),
    size: Type.Integer(),
    sha256: Type.String(),
    flags: Type.Array(Type.String(), {
      description: "e.g. pdf_active_content:JavaScript: shown to reviewers",
    }),
    uploadedBy: Type.String(),
    createdAt: Time,
    preflight: DocumentPreflight,
  },
  { $id: "Document" },
);

export const Comment = Type.Object(
  {
    id: Type.String(),
    body: Type.String(),
    author: Type.Object({ id: Type.String(), name: Type.String(), side: Type.String() }),
    createdAt: Time,
  },
  { $id: "Comment" },
);

export const HistoryEntry = Type.Object(
  {
    seq: Type.Integer(),
    at: Time,
    actor: Type.Object({
      kind: Enum(["user", "system", "customer"]),
      id: Type.Optional(Type.String()),
      name: Type.String(),
    }),
    event: Type.String(),
    data: Type.Record(Type.String(), Type.Unknown()),
  },
  { $id: "HistoryEntry" },
);

export const User = Type.Object(
  {
    id: Type.String(),
    email: Type.String(),
    name: Type.String(),
    role: Enum(ROLES),
    organizationId: Nullable(Type.String()),
    locale: Type.String(),
  },
  { $id: "User" },
);

export const ListQuery = Type.Object(
  {
    status: Type.Optional(Enum(STATUSES)),
    product: Type.Optional(Type.String()),
    activity: Type.Optional(Enum(ACTIVITIES)),
    partnerId: Type.Optional(Type.String()),
    tenantId: Type.Optional(Type.String()),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    needsAction: Type.Optional(Type.Boolean()),
    createdFrom: Type.Optional(Type.String({ format: "date-time" })),
    createdTo: Type.Optional(Type.String({ format: "date-time" })),
    sort: Type.Optional(Enum(["createdAt", "-createdAt", "updatedAt", "-updatedAt", "number", "-number"])),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
  },
  closed,
);

/**
 * The caller's global abilities: one boolean per key of sessionAbilities() (domain/policies), named
 * here so that the OpenAPI document lists them; test/http/session-abilities.test.ts fails to compile
 * when this list and the function drift apart.
 */
export const SessionAbilities = Type.Object(
  {
    viewClaims: Type.Boolean(),
    createClaim: Type.Boolean(),
    workReviewQueue: Type.Boolean(),
    viewReviewMetrics: Type.Boolean(),
    manageOrganizations: Type.Boolean(),
    manageUsers: Type.Boolean(),
    manageCatalog: Type.Boolean(),
    manageCalendars: Type.Boolean(),
    manageCustomerRegistry: Type.Boolean(),
    manageIdentityProviders: Type.Boolean(),
    manageAccessTokens: Type.Boolean(),
    viewEarnings: Type.Boolean(),
    viewPayouts: Type.Boolean(),
    managePrograms: Type.Boolean(),
    importRevenue: Type.Boolean(),
    runPayouts: Type.Boolean(),
    disputePayoutLines: Type.Boolean(),
    resolvePayoutDisputes: Type.Boolean(),
    readNotifications: Type.Boolean(),
    manageWebhooks: Type.Boolean(),
    manageMail: Type.Boolean(),
    operateSystem: Type.Boolean(),
  },
  { additionalProperties: false },
);

const SessionOrganization = Type.Object({
  id: Type.String(),
  name: Type.String(),
  partnerIds: Type.Array(Type.String()),
});

/** POST, GET and PATCH /api/v1/session: who is signed in and what the web app may show them. */
export const Session = Type.Object({
  user: User,
  csrfToken: Type.String(),
  /** The user's organisation (partner users), with the partner IDs a claim can be filed under. */
  organization: Type.Optional(Type.Union([SessionOrganization, Type.Null()])),
  timeZone: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  abilities: SessionAbilities,
  /** The roles this user may give a user it creates or edits (empty: manages no users). */
  assignableRoles: Type.Array(Enum(ROLES)),
  /** What this server accepts, for the screens to promise no more. */
  limits: Type.Object({
    uploadMaxBytes: Type.Integer({ description: "the largest claim document, in bytes" }),
    maxFilesPerClaim: Type.Integer({ description: "documents one claim may hold" }),
  }),
});
