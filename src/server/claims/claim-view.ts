// The claim resource of API.md §3, as the caller sees it now: due deadlines are applied in memory so
// a late sweeper never shows a stale status.
import type { BusinessCalendar } from "../../domain/calendar.ts";
import type { ClaimState, Deadline } from "../../domain/claim-state.ts";
import { type DeadlineState, deadlineView } from "../../domain/deadline-view.ts";
import { isoInstant } from "../../domain/iso-instant.ts";
import type { LatestMessage } from "../../domain/messages.ts";
import type { ClaimPreflight } from "../../domain/preflight/index.ts";
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
import type { SimilarClaim } from "../similarity/similar-claims.ts";
import { inputOf } from "./claim-fields.ts";
import type { ClaimInput } from "./claim-input.ts";
import type { CompetingClaim } from "./competing-claims.ts";
import { ParsedJson } from "./parsed-json.ts";

const iso = isoInstant;
// Views only read their rows' JSON columns, so they share one frozen parse of each text.
const columns = new ParsedJson<unknown>();
const viewedColumn = (text: string) => columns.parse(text);

/** An open deadline as every screen, the mail and integrations read it (deadline-view.ts). */
export interface DeadlineJson {
  kind: DeadlineKind;
  dueAt: string;
  lastMomentToAct: string;
  timeZone: string;
  businessDaysLeft: number;
  hoursLeft: number;
  overdue: boolean;
  overdueBy: { businessDays: number; hours: number } | null;
  state: DeadlineState;
}

function deadlineJson(d: Deadline, calendar: BusinessCalendar, now: number): DeadlineJson {
  const v = deadlineView(d, calendar, now);
  return {
    kind: v.kind,
    dueAt: iso(v.dueAt),
    lastMomentToAct: iso(v.lastMomentToAct),
    timeZone: v.timeZone,
    businessDaysLeft: v.businessDaysLeft,
    hoursLeft: v.hoursLeft,
    overdue: v.overdue,
    overdueBy: v.overdueBy,
    state: v.state,
  };
}

export interface ClaimView extends ClaimInput {
  id: string;
  number: string;
  status: Status;
  version: number;
  organizationId: string;
  reasons: string[];
  withdrawReason: string | null;
  copiedFrom: string | null;
  /** `deadline`: the consent_end deadline while the period runs, else null. */
  consent: { status: ConsentStatus; endsAt: string; deadline: DeadlineJson | null } | null;
  /** `deadline`: the dispute_decision deadline while the dispute is open, else null. */
  dispute: { status: DisputeStatus; openedAt: string; dueAt: string; deadline: DeadlineJson | null } | null;
  deadlines: DeadlineJson[];
  sla: DeadlineJson | null;
  eligibility: { program: string; status: string; reasons: string[] }[] | null;
  allowedActions: UserVisibleAction[];
  /** Operator only: other organisations' claims on the same association keys. */
  competingClaims?: CompetingClaim[];
  /** Operator only: reuse and look-alike claims (src/server/similarity/similar-claims.ts). */
  similar?: SimilarClaim[];
  /** GET /claims/{id} only: the PoE preflight of its documents, summed (issue 14). */
  preflight?: ClaimPreflight;
  /** One claim's answer (GET /claims/{id}) only: the partner organisation by name. */
  organization?: { id: string; name: string };
  /** One claim's answer only: what was last said to move it (the action panel's message). */
  latestMessage?: LatestMessage | null;
  /** One claim's answer only: the calendar's zone, for the deadlines its history mentions. */
  timeZone?: string;
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
  /** The claim's calendar; null only where the state can hold no deadline (a new draft). */
  calendar: BusinessCalendar | null,
  updatedAt = row.updated_at,
  eligibility: ClaimView["eligibility"] = null,
): ClaimView {
  if (calendar === null && state.deadlines.length > 0)
    throw new Error("a claim with deadlines needs its calendar");
  const open = new Map(
    calendar === null ? [] : state.deadlines.map((d) => [d.kind, deadlineJson(d, calendar, now)] as const),
  );
  const slaKind = slaOf(state, now)?.kind;
  return {
    id: row.id,
    number: row.number,
    status: state.status,
    version,
    organizationId: row.organization_id,
    ...inputOf(row, viewedColumn),
    reasons: state.reasons,
    withdrawReason: state.withdrawReason,
    copiedFrom: row.copied_from,
    consent: state.consent && {
      status: state.consent.status,
      endsAt: iso(state.consent.endsAt),
      deadline: (state.consent.status === "running" && open.get("consent_end")) || null,
    },
    dispute: state.dispute && {
      status: state.dispute.status,
      openedAt: iso(state.dispute.openedAt),
      dueAt: iso(state.dispute.dueAt),
      deadline: (state.dispute.status === "open" && open.get("dispute_decision")) || null,
    },
    deadlines: [...open.values()],
    // The operator SLA slaOf picks, with the same fields as in the deadline list.
    sla: (slaKind && open.get(slaKind)) || null,
    eligibility: state.assessmentAt !== null ? eligibility : null,
    allowedActions: allowedActions(state, actorOf(principal)),
    createdAt: iso(row.created_at),
    updatedAt: iso(updatedAt),
  };
}
