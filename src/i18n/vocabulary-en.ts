// The shared vocabulary in English: statuses, activities, reasons, deadlines. The web app imports
// only this (not the mail and consent texts), which keeps its first load small.
export const vocabularyEn = {
  status: {
    editing: "Editing",
    submitted: "Submitted",
    under_review: "Under review",
    partner_action_required: "Partner action required",
    approved: "Approved",
    rejected: "Rejected",
  },
  activity: {
    pre_sales: "Pre-sales",
    deployment: "Deployment",
    usage: "Usage",
    revenue_association: "Revenue association",
  },
  reason: {
    missing_all_poe: "Missing all proof of execution",
    missing_customer_acknowledgment: "Missing customer acknowledgment (signature)",
    missing_or_old_dates: "Missing or old dates",
    missing_partner_solution: "Missing partner solution or service",
    missing_products: "Missing products",
    partner_request: "Partner request",
    customer_decline: "Customer decline",
    insufficient_poe: "Insufficient proof of execution",
    missing_customer_consent_on_poe: "Missing customer consent on the proof of execution",
    no_partner_response: "No partner response",
    poe_unavailable: "Proof of execution unavailable",
    competing_claim_lost: "Duplicate or competing claim lost",
  },
  deadline: {
    review_start: "Review start",
    decision: "Decision",
    partner_response: "Partner response",
    consent_end: "End of the customer consent period",
    dispute_window: "End of the dispute window",
    dispute_decision: "Dispute decision",
  },
} as const;
