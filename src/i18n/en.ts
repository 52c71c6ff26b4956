// English: the reference language. Every key here must exist in every other language (tested).
import { vocabularyEn } from "./vocabulary-en.ts";

export const en = {
  ...vocabularyEn,
  mail: {
    greeting: "Hello {{name}},",
    claim: "Claim {{number}}",
    customer: "Customer: {{customer}} ({{tenantId}})",
    reasons: "Reasons:",
    comment: "Comment:",
    latest_comment: "Latest comment:",
    open: "Open the claim",
    footer:
      "You receive this message because of your role in Claimdesk for claim {{number}}. Times are shown in {{timeZone}}.",
    submitted_partner: {
      subject: "{{number}} was submitted",
      body: "Claim {{number}} for {{customer}} was submitted for review.",
      next: "The review should start by {{due}}. You will hear from us at each step.",
    },
    submitted_reviewer: {
      subject: "New claim to review: {{number}}",
      body: "{{partner}} submitted claim {{number}} for {{customer}}.",
      next: "Start the review by {{due}}.",
    },
    review_started: {
      subject: "Review of {{number}} has started",
      body: "A reviewer started the review of claim {{number}} for {{customer}}.",
      next: "A decision is due by {{due}}.",
    },
    information_requested: {
      subject: "Action required on {{number}}: more information needed",
      body: "The reviewer needs more information on claim {{number}} for {{customer}}.",
      next: "Add what is missing (documents or a comment) and resubmit by {{due}}. Without a response by then the claim is rejected automatically.",
    },
    reminder_partner_response: {
      subject: "Reminder: {{number}} needs your response by {{due}}",
      body: "Claim {{number}} for {{customer}} is still waiting for the information the reviewer asked for.",
      next: "Add it and resubmit by {{due}}, or the claim is rejected automatically.",
    },
    reminder_dispute_window: {
      subject: "Reminder: the dispute window of {{number}} closes on {{due}}",
      body: "Claim {{number}} for {{customer}} was rejected and can still be disputed.",
      next: "To dispute, open the claim and send a business justification or updated proof of execution by {{due}}. After that you can only copy it into a new claim.",
    },
    approved: {
      subject: "{{number}} was approved",
      body: "Claim {{number}} for {{customer}} was approved.",
      next: "The customer has been asked for consent and may opt out until {{due}}. After that the claim is assessed for incentive eligibility.",
    },
    consent_request: {
      subject: "{{partner}} is registered as your partner of record",
      body: "{{partner}} states that it helped your organisation {{customer}} with {{activity}} of these products: {{products}}.",
      next: "If you agree, there is nothing to do. If you do not, deny it before {{due}} using the link below.",
      action: "Review and answer",
    },
    customer_denied: {
      subject: "{{number}}: the customer declined",
      body: "The customer {{customer}} declined the association in claim {{number}}. The claim is rejected (customer decline).",
      next: "A customer decline cannot be disputed.",
    },
    consent_passed: {
      subject: "{{number}} was sent to incentive assessment",
      body: "The customer consent period of claim {{number}} for {{customer}} has passed without an objection.",
      next: "The claim is now assessed for incentive eligibility; the result shows on the claim.",
    },
    customer_confirmed: {
      subject: "{{number}}: the customer confirmed",
      body: "The customer {{customer}} confirmed the association in claim {{number}}.",
      next: "The claim is now assessed for incentive eligibility; the result shows on the claim.",
    },
    rejected: {
      subject: "{{number}} was rejected",
      body: "Claim {{number}} for {{customer}} was rejected.",
      next: "You can dispute this decision until {{due}}: open the claim, choose Dispute, and send a business justification or updated proof of execution.",
      final:
        "This rejection cannot be disputed. You can copy the claim into a new one if the situation changes.",
    },
    dispute_received: {
      subject: "Dispute received on {{number}}",
      body: "{{partner}} disputed the rejection of claim {{number}} for {{customer}}.",
      next: "Decide the dispute (uphold or overturn) by {{due}}.",
    },
    dispute_opened: {
      subject: "Your dispute on {{number}} was received",
      body: "We received your dispute of the rejection of claim {{number}} for {{customer}}.",
      next: "A reviewer decides by {{due}}.",
    },
    dispute_upheld: {
      subject: "{{number}}: the rejection was upheld",
      body: "The reviewer upheld the rejection of claim {{number}} for {{customer}}. This decision is final.",
      next: "You can copy the claim into a new one with updated proof of execution.",
    },
    dispute_overturned: {
      subject: "{{number}}: your dispute was accepted",
      body: "The reviewer overturned the rejection of claim {{number}} for {{customer}}.",
      next_under_review: "The claim is under review again.",
      next_approved: "The claim is approved. The customer may opt out until {{due}}.",
    },
    comment_added: {
      subject: "New comment on {{number}}",
      body: "{{author}} commented on claim {{number}} for {{customer}}.",
      next: "Answer in the claim's comments.",
      subject_many: "{{comments}} new comments on {{number}}",
      body_many:
        "{{comments}} new comments on claim {{number}} for {{customer}}; the latest is from {{author}}.",
    },
    sla_due_soon: {
      subject: "Due soon: {{deadline}} of {{number}} by {{due}}",
      body: "The {{deadline}} deadline of claim {{number}} for {{customer}} is due soon.",
      next: "Act by {{due}} to stay within the service level.",
    },
    sla_breached: {
      subject: "Breached: {{deadline}} of {{number}} was due {{due}}",
      body: "The {{deadline}} deadline of claim {{number}} for {{customer}} has passed.",
      next: "Act as soon as you can.",
    },
  },
  consent: {
    title: "Partner of record: your answer",
    intro: "{{partner}} states that it is the partner of record for your organisation.",
    customer: "Customer",
    partner: "Partner",
    activity: "Activity",
    products: "Products",
    endsAt: "You can answer until",
    explainConfirm:
      "If you agree, you can confirm now or do nothing: the association stands after {{endsAt}}.",
    explainDeny: "If you do not agree, deny it. You may add a comment for the partner.",
    comment: "Comment (optional)",
    deny: "Deny",
    confirm: "Confirm",
    denied: "You denied this association on {{at}}. The partner has been told. Thank you.",
    confirmed: "You confirmed this association on {{at}}. Thank you.",
    closed: "This request is closed: the answer period has ended or the claim changed. No action is needed.",
    notFound: "This link is not valid. Check that you opened the whole link from the message.",
    rateLimited: "Too many attempts. Please try again in a few minutes.",
    badForm: "The form expired. Please try again.",
    language: "Language",
  },
} as const;
