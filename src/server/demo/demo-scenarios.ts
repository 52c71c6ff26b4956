// The demo's claims: one scenario per status and sub-state, each a list of steps on its own
// timeline ending at "now", so that deadlines land where they would have in real life.
import type { TransitionCommand } from "../claims/use-cases/act-on-claim.ts";

export type Step =
  | { at: number; do: "upload" }
  | { at: number; do: "comment"; by: "partner" | "reviewer"; body: string }
  | { at: number; do: "act"; by: "partner" | "reviewer"; command: TransitionCommand }
  | { at: number; do: "customer"; decision: "deny" | "confirm" };

export interface Scenario {
  label: string;
  org: 0 | 1 | 2;
  products: string[];
  /** Share the customer of another scenario (competing claims). */
  sameCustomerAs?: string;
  /** Days before now at which the claim is created. */
  createdDaysAgo: number;
  steps: Step[];
}

const D = (days: number) => days;
const submit = (at: number): Step[] => [
  { at, do: "upload" },
  { at, do: "act", by: "partner", command: { type: "submit" } },
];
const review = (at: number): Step => ({ at, do: "act", by: "reviewer", command: { type: "start-review" } });
const reject = (at: number): Step => ({
  at,
  do: "act",
  by: "reviewer",
  command: {
    type: "reject",
    reasons: ["insufficient_poe"],
    comment: "The PoE does not show the deployment.",
  },
});

/** `at` is in days before now (fractions allowed); steps run in order. */
export const SCENARIOS: Scenario[] = [
  { label: "editing, no document yet", org: 0, products: ["teams"], createdDaysAgo: D(0.2), steps: [] },
  {
    label: "editing, document attached",
    org: 1,
    products: ["intune"],
    createdDaysAgo: D(1),
    steps: [{ at: 0.9, do: "upload" }],
  },
  { label: "submitted", org: 0, products: ["exchange_online"], createdDaysAgo: 1.5, steps: submit(1.4) },
  {
    label: "submitted, review-start SLA breached",
    org: 1,
    products: ["sharepoint_online"],
    createdDaysAgo: 12,
    steps: submit(11),
  },
  {
    label: "under review",
    org: 2,
    products: ["onedrive"],
    createdDaysAgo: 3,
    steps: [...submit(2.9), review(1)],
  },
  {
    label: "partner action required",
    org: 0,
    products: ["entra_id_p1"],
    createdDaysAgo: 5,
    steps: [
      ...submit(4.9),
      review(3),
      {
        at: 1,
        do: "act",
        by: "reviewer",
        command: {
          type: "request-information",
          reasons: ["missing_customer_acknowledgment"],
          comment: "Please add the customer's signature page.",
        },
      },
    ],
  },
  {
    label: "rejected, no partner response (disputable)",
    org: 1,
    products: ["purview"],
    createdDaysAgo: 20,
    steps: [
      ...submit(19),
      review(18),
      {
        at: 17,
        do: "act",
        by: "reviewer",
        command: {
          type: "request-information",
          reasons: ["missing_or_old_dates"],
          comment: "The dates are missing.",
        },
      },
    ],
  },
  {
    label: "approved, consent running",
    org: 2,
    products: ["m365_copilot"],
    createdDaysAgo: 6,
    steps: [...submit(5.9), review(4), { at: 2, do: "act", by: "reviewer", command: { type: "approve" } }],
  },
  {
    label: "approved, consent passed",
    org: 0,
    products: ["windows_365"],
    createdDaysAgo: 20,
    steps: [...submit(19.9), review(18), { at: 15, do: "act", by: "reviewer", command: { type: "approve" } }],
  },
  {
    label: "approved, customer confirmed early",
    org: 1,
    products: ["teams_phone"],
    createdDaysAgo: 8,
    steps: [
      ...submit(7.9),
      review(7),
      { at: 5, do: "act", by: "reviewer", command: { type: "approve" } },
      { at: 4, do: "customer", decision: "confirm" },
    ],
  },
  {
    label: "rejected, disputable",
    org: 2,
    products: ["defender_office_365"],
    createdDaysAgo: 6,
    steps: [...submit(5.9), review(5), reject(3)],
  },
  {
    label: "rejected, dispute open",
    org: 0,
    products: ["entra_id_p2"],
    createdDaysAgo: 9,
    steps: [
      ...submit(8.9),
      review(8),
      reject(6),
      {
        at: 1,
        do: "act",
        by: "partner",
        command: { type: "dispute", justification: "The signed statement of work covers the deployment." },
      },
    ],
  },
  {
    label: "rejected, dispute upheld",
    org: 1,
    products: ["d365_sales"],
    createdDaysAgo: 15,
    steps: [
      ...submit(14.9),
      review(14),
      reject(12),
      { at: 10, do: "act", by: "partner", command: { type: "dispute", justification: "Please look again." } },
      {
        at: 8,
        do: "act",
        by: "reviewer",
        command: { type: "uphold-dispute", comment: "The PoE still lacks the customer's acknowledgment." },
      },
    ],
  },
  {
    label: "under review again, dispute overturned",
    org: 2,
    products: ["power_bi_pro"],
    createdDaysAgo: 12,
    steps: [
      ...submit(11.9),
      review(11),
      reject(9),
      { at: 8, do: "act", by: "partner", command: { type: "dispute", justification: "New PoE attached." } },
      {
        at: 7,
        do: "act",
        by: "reviewer",
        command: { type: "overturn-dispute", comment: "Fair point.", to: "under_review" },
      },
    ],
  },
  {
    label: "rejected, dispute window closed",
    org: 0,
    products: ["power_apps"],
    createdDaysAgo: 45,
    steps: [...submit(44.9), review(44), reject(40)],
  },
  {
    label: "rejected, withdrawn by the partner",
    org: 1,
    products: ["copilot_studio"],
    createdDaysAgo: 4,
    steps: [
      ...submit(3.9),
      { at: 2, do: "act", by: "partner", command: { type: "withdraw", reason: "incorrect_activity" } },
    ],
  },
  {
    label: "rejected, customer declined",
    org: 2,
    products: ["power_automate"],
    createdDaysAgo: 6,
    steps: [
      ...submit(5.9),
      review(5),
      { at: 3, do: "act", by: "reviewer", command: { type: "approve" } },
      { at: 2, do: "customer", decision: "deny" },
    ],
  },
  {
    label: "competing: winner (approved)",
    org: 0,
    products: ["d365_customer_service"],
    createdDaysAgo: 4,
    steps: [...submit(3.9), review(2.5)],
  },
  {
    label: "competing: loser (rejected, competing claim lost)",
    org: 1,
    products: ["d365_customer_service"],
    sameCustomerAs: "competing: winner (approved)",
    createdDaysAgo: 3.5,
    steps: [...submit(3.4)],
  },
  {
    label: "competing: pending beside an approved rival",
    org: 1,
    products: ["m365_copilot"],
    sameCustomerAs: "approved, consent running",
    createdDaysAgo: 1,
    steps: [...submit(0.9)],
  },
];

/** The winner is approved after the loser was submitted, so the approval rejects it. */
export const COMPETING_APPROVAL = { winner: "competing: winner (approved)", atDaysAgo: 2 };
