// Request and response schemas of the incentive routes (API.md §5).
import { Type } from "typebox";
import { INELIGIBLE_REASONS } from "../../../domain/incentives.ts";
import { NOT_EARNING_REASONS } from "../../../domain/not-earning-yet.ts";
import {
  LINE_DISPUTE_OUTCOMES,
  LINE_DISPUTE_STATUSES,
  STATEMENT_ACTIONS,
  STATEMENT_STATUSES,
} from "../../../domain/payouts.ts";
import { Enum, Nullable, Time } from "../schemas.ts";
import { ImportRowError } from "./import-rows.ts";

const closed = { additionalProperties: false } as const;
export const Month = Type.String({ pattern: "^\\d{4}-(0[1-9]|1[0-2])$", description: "YYYY-MM" });
const Day = Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$", description: "YYYY-MM-DD" });
const Code = Type.String({ pattern: "^[A-Z0-9_]{2,20}$" });
export const ProgramCodeParams = Type.Object({ code: Type.String({ maxLength: 20 }) });
export const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
export const DryRunQuery = Type.Object({ dryRun: Type.Optional(Type.Boolean({ default: true })) }, closed);

const ProgramProduct = Type.Object(
  {
    code: Type.String({ maxLength: 64 }),
    rateBps: Nullable(Type.Integer({ minimum: 0, maximum: 10_000, description: "basis points of revenue" })),
    flatMinor: Type.Optional(
      Nullable(Type.Integer({ minimum: 0, description: "per active subscription and month" })),
    ),
    currency: Type.Optional(Nullable(Type.String({ pattern: "^[A-Z]{3}$" }))),
  },
  closed,
);
export const ProgramJson = Type.Object({
  code: Type.String(),
  name: Type.String(),
  products: Type.Array(
    Type.Object({
      code: Type.String(),
      rateBps: Nullable(Type.Integer()),
      flatMinor: Nullable(Type.Integer()),
      currency: Nullable(Type.String()),
    }),
  ),
  activities: Type.Array(Type.String()),
  startsOn: Type.String(),
  endsOn: Nullable(Type.String()),
  enrolledOrganizations: Type.Array(Type.String()),
});
export const ProgramList = Type.Object({ items: Type.Array(ProgramJson) });
export const EnrollmentBody = Type.Object({ organizationId: Type.String({ maxLength: 64 }) }, closed);
export const EnrollmentParams = Type.Object({
  code: Type.String({ maxLength: 20 }),
  organizationId: Type.String({ maxLength: 64 }),
});
const ProgramFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  products: Type.Array(ProgramProduct, { maxItems: 200 }),
  activities: Type.Array(Type.String({ maxLength: 64 }), { maxItems: 20 }),
  startsOn: Day,
  endsOn: Nullable(Day),
};
export const ProgramCreate = Type.Object({ code: Code, ...ProgramFields }, closed);
export const ProgramPatch = Type.Partial(Type.Object(ProgramFields, closed));

export const ReassessAnswer = Type.Object({
  dryRun: Type.Boolean(),
  changes: Type.Array(
    Type.Object({
      claimId: Type.String(),
      claimNumber: Type.String(),
      program: Type.String(),
      before: Nullable(Type.Object({ status: Type.String(), reasons: Type.Array(Type.String()) })),
      after: Type.Object({
        status: Type.String(),
        reasons: Type.Array(Enum(INELIGIBLE_REASONS)),
        products: Type.Array(Type.String()),
      }),
    }),
  ),
});

export const RevenueImportAnswer = Type.Object({
  importId: Nullable(Type.String()),
  rows: Type.Integer(),
  months: Type.Array(Type.String()),
  errors: Type.Array(ImportRowError),
  errorCount: Type.Integer(),
  dryRun: Type.Boolean(),
  imported: Type.Boolean(),
  durationMs: Type.Integer(),
});

export const RevenueImportList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      filename: Type.String(),
      rows: Type.Integer(),
      months: Type.Array(Type.String()),
      createdAt: Time,
      durationMs: Type.Integer(),
    }),
  ),
});

export const EarningsQuery = Type.Object(
  { month: Month, organizationId: Type.Optional(Type.String({ maxLength: 64 })) },
  closed,
);
export const EarningsAnswer = Type.Object({
  items: Type.Array(
    Type.Object({
      claimId: Type.String(),
      claimNumber: Type.String(),
      customerName: Type.String(),
      customerDomain: Type.String(),
      organizationId: Type.String(),
      tenantId: Type.String(),
      subscriptionId: Type.String(),
      product: Type.String(),
      program: Type.String(),
      month: Type.String(),
      revenueMinor: Type.Integer(),
      rateBps: Nullable(Type.Integer()),
      flatMinor: Nullable(Type.Integer()),
      earningsMinor: Type.Integer(),
      currency: Type.String(),
    }),
  ),
  totals: Type.Array(
    Type.Object({ currency: Type.String(), revenueMinor: Type.Integer(), earningsMinor: Type.Integer() }),
  ),
  notEarningYet: Type.Array(
    Type.Object({
      claimId: Type.String(),
      claimNumber: Type.String(),
      organizationId: Type.String(),
      customer: Type.Object({ name: Type.String(), domain: Type.String(), tenantId: Type.String() }),
      reason: Enum(NOT_EARNING_REASONS),
      until: Nullable(Time),
      ineligibleReasons: Type.Array(Enum(INELIGIBLE_REASONS)),
    }),
    {
      description:
        "approved claims (of the scope, whatever the month) that earn nothing yet: in the consent period (until: its last moment), consent over but not yet assessed, or ineligible for every programme (with the reasons); at most 200",
    },
  ),
});

export const StatementLine = Type.Object({
  id: Type.String(),
  claimId: Type.String(),
  claimNumber: Type.String(),
  customerName: Type.String(),
  customerDomain: Type.String(),
  program: Type.String(),
  tenantId: Type.String(),
  subscriptionId: Type.String(),
  product: Type.String(),
  revenueMinor: Type.Integer(),
  rateBps: Nullable(Type.Integer()),
  flatMinor: Nullable(Type.Integer()),
  earningsMinor: Type.Integer({ description: "what the line pays (an accepted dispute's amount, if any)" }),
  calculatedMinor: Nullable(
    Type.Integer({ description: "what the line was calculated at, when an accepted dispute changed it" }),
  ),
  dispute: Nullable(
    Type.Object({
      at: Time,
      comment: Type.String({ description: "the partner's reason" }),
      status: Enum(LINE_DISPUTE_STATUSES),
      reply: Nullable(Type.String({ description: "the programme's answer, once resolved" })),
      resolvedAt: Nullable(Time),
    }),
  ),
  abilities: Type.Object(
    {
      dispute: Type.Boolean({ description: "whether the caller may dispute this line now" }),
      resolveDispute: Type.Boolean({ description: "whether the caller may answer this line's open dispute" }),
    },
    closed,
  ),
});
export const Statement = Type.Object({
  id: Type.String(),
  organizationId: Type.String(),
  month: Type.String(),
  currency: Type.String(),
  totalMinor: Type.Integer(),
  status: Enum(STATEMENT_STATUSES),
  calculatedAt: Time,
  approvedAt: Nullable(Time),
  paidAt: Nullable(Time),
  allowedActions: Type.Array(Enum(STATEMENT_ACTIONS), {
    description:
      "what the caller may do with the statement now (approve, paid, dispute-line, and resolve-line-dispute while a line's dispute is open)",
  }),
  lines: Type.Array(StatementLine),
});
export const StatementList = Type.Object({ items: Type.Array(Statement) });
export const StatementQuery = Type.Object({ month: Type.Optional(Month) }, closed);
export const LineParams = Type.Object({
  id: Type.String({ maxLength: 64 }),
  lineId: Type.String({ maxLength: 64 }),
});
export const DisputeBody = Type.Object({ comment: Type.String({ minLength: 1, maxLength: 2000 }) }, closed);
export const MoveBody = Type.Object(
  {
    acknowledgeOpenDisputes: Type.Optional(
      Type.Boolean({
        description:
          "needed (true) when lines are disputed and not resolved; otherwise 409 open_line_disputes lists them",
      }),
    ),
  },
  closed,
);
export const ResolveDisputeBody = Type.Object(
  {
    outcome: Enum(LINE_DISPUTE_OUTCOMES),
    reply: Type.String({ minLength: 1, maxLength: 2000, description: "what the partner reads" }),
    amountMinor: Type.Optional(
      Type.Integer({ minimum: 0, description: "accepted only (then required): what the line pays" }),
    ),
  },
  closed,
);
export const CalculateBody = Type.Object({ month: Month }, closed);
export const CalculateAnswer = Type.Object({
  statements: Type.Integer(),
  lines: Type.Integer(),
  kept: Type.Integer(),
});
