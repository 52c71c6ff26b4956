// The claim resource of API.md §3, as the caller sees it now: due deadlines are applied in memory so
// a late sweeper never shows a stale status.
import type { ClaimState } from "../../domain/claim-state.ts";
import { slaOf } from "../../domain/sla.ts";
import { allowedActions } from "../../domain/transitions.ts";
import type {
  ConsentStatus,
  DeadlineKind,
  DisputeStatus,
  Status,
  UserVisibleAction,
} from "../../domain/vocabulary.ts";
import type { ClaimsTable } from "../db/schema.ts";
import { actorOf, type Principal } from "../principal.ts";
import { inputOf } from "./claim-fields.ts";
import type { ClaimInput } from "./claim-input.ts";
import type { CompetingClaim } from "./competing-claims.ts";
import type { LatestMessage } from "./latest-message.ts";

const iso = (t: number): string => new Date(t).toISOString();

export interface ClaimView extends ClaimInput {
  id: string;
  number: string;
  status: Status;
  version: number;
  organizationId: string;
  reasons: string[];
  withdrawReason: string | null;
  copiedFrom: string | null;
  consent: { status: ConsentStatus; endsAt: string } | null;
  dispute: { status: DisputeStatus; openedAt: string; dueAt: string } | null;
  deadlines: { kind: DeadlineKind; dueAt: string }[];
  sla: { kind: string; dueAt: string; state: "on_time" | "due_soon" | "breached" } | null;
  eligibility: { program: string; status: string; reasons: string[] }[] | null;
  allowedActions: UserVisibleAction[];
  /** Operator only: other organisations' claims on the same association keys. */
  competingClaims?: CompetingClaim[];
  /** One claim's answer (GET /claims/{id}) only: the partner organisation by name. */
  organization?: { id: string; name: string };
  /** One claim's answer only: what was last said to move it (the action panel's message). */
  latestMessage?: LatestMessage | null;
  createdAt: string;
  updatedAt: string;
}

/** The columns a claim's view is built from: lists read these and nothing else of the row. */
export const VIEW_COLUMNS = [
  "claims.id",
  "claims.number",
  "claims.organization_id",
  "claims.partner_id",
  "claims.tenant_id",
  "claims.subscription_id",
  "claims.customer_domain",
  "claims.customer_name",
  "claims.activity",
  "claims.products",
  "claims.customer_contact",
  "claims.partner_contact",
  "claims.state",
  "claims.version",
  "claims.copied_from",
  "claims.created_at",
  "claims.updated_at",
] as const;

type Unqualified<T> = T extends `claims.${infer C}` ? C : never;
export type ViewRow = Pick<ClaimsTable, Unqualified<(typeof VIEW_COLUMNS)[number]>>;

export function claimView(
  row: ViewRow,
  state: ClaimState,
  version: number,
  principal: Principal,
  now: number,
  updatedAt = row.updated_at,
  eligibility: ClaimView["eligibility"] = null,
): ClaimView {
  return {
    id: row.id,
    number: row.number,
    status: state.status,
    version,
    organizationId: row.organization_id,
    ...inputOf(row),
    reasons: state.reasons,
    withdrawReason: state.withdrawReason,
    copiedFrom: row.copied_from,
    consent: state.consent && { status: state.consent.status, endsAt: iso(state.consent.endsAt) },
    dispute: state.dispute && {
      status: state.dispute.status,
      openedAt: iso(state.dispute.openedAt),
      dueAt: iso(state.dispute.dueAt),
    },
    deadlines: state.deadlines.map((d) => ({ kind: d.kind, dueAt: iso(d.dueAt) })),
    sla: ((s) => s && { kind: s.kind, dueAt: iso(s.dueAt), state: s.state })(slaOf(state, now)),
    eligibility: state.assessmentAt !== null ? eligibility : null,
    allowedActions: allowedActions(state, actorOf(principal)),
    createdAt: iso(row.created_at),
    updatedAt: iso(updatedAt),
  };
}
