// Texts of the claim page's action panel, history, competing claims and action dialogs, in English
// (the reference). claim-page-es.ts must have every key (checked by the compiler).
export const claimPageEn = {
  panel: {
    title: "Next step",
    yourTurn: "Your turn",
    notYourTurn: "Nothing for you to do now",
    messageFrom: {
      information_request: "{{name}} asked for more information",
      resubmission: "{{name}} resubmitted the claim",
      approval: "{{name}} approved the claim",
      rejection: "{{name}} rejected the claim",
      rejectionSystem: "The claim was rejected automatically",
      customer_decline: "Declined by the customer, {{name}}",
      withdrawal: "{{name}} withdrew the claim",
      dispute: "{{name}} disputed the rejection",
      dispute_upheld: "{{name}} upheld the rejection",
      dispute_overturned: "{{name}} overturned the rejection",
    },
    noText: "No comment was given.",
    reasonsToAddress: "Reasons to address",
    reasonsGiven: "Reasons given",
    documents: "Supporting documents",
    situation: {
      act: {
        editing: "Attach the proof of execution, then submit the claim.",
        submitted: "Start the review of this claim.",
        under_review: "Decide: approve, ask the partner for more information, or reject.",
        partner_action_required:
          "Address each reason below: add documents or a comment, then resubmit the claim.",
        rejected_disputable:
          "You can dispute this rejection once, with a justification and supporting documents.",
        dispute_open:
          "Read the partner's justification and documents, then uphold or overturn the rejection.",
        rejected_final: "The rejection is final. To claim this customer again, copy it into a new claim.",
        approved: "The claim is approved.",
        consent: "The claim is approved and waits for the customer.",
      },
      wait: {
        editing: "This draft has not been submitted yet.",
        submitted: "Waiting for a reviewer to start the review.",
        under_review: "Waiting for the reviewer's decision.",
        partner_action_required: "Waiting for the partner to respond to the information request.",
        rejected_disputable: "Rejected. The partner may dispute the rejection.",
        dispute_open: "Waiting for the reviewer to decide the dispute.",
        rejected_final: "Rejected. The rejection is final.",
        approved: "Approved. The claim is in incentive-eligibility assessment.",
        consent: "Approved. Waiting for the customer's consent period to end.",
      },
    },
    due: {
      partner_response: {
        act: "If you do not respond by {{due}}, the claim is rejected automatically.",
        wait: "If the partner does not respond by {{due}}, the claim is rejected automatically.",
      },
      dispute_window: {
        act: "You can dispute until {{due}}. After that the rejection is final.",
        wait: "The partner can dispute until {{due}}. After that the rejection is final.",
      },
      consent_end: {
        act: "The customer can object until {{due}}. If they do nothing, the association stands.",
        wait: "The customer can object until {{due}}. If they do nothing, the association stands.",
      },
      review_start: {
        act: "Start the review by {{due}}. After that the claim is flagged as overdue.",
        wait: "The review should start by {{due}}.",
      },
      decision: {
        act: "Decide by {{due}}. After that the claim is flagged as overdue.",
        wait: "A decision is due by {{due}}.",
      },
      dispute_decision: {
        act: "Decide the dispute by {{due}}. After that it is flagged as overdue.",
        wait: "The dispute should be decided by {{due}}.",
      },
    },
  },
  history: {
    showNotifications_one: "Show {{count}} notification event",
    showNotifications_other: "Show {{count}} notification events",
    hideNotifications: "Hide notification events",
    empty: "Nothing has happened yet.",
    copiedFrom: "Copied from an earlier claim",
    documents: "Documents",
    withdrawReason: "Why: {{reason}}",
    wentTo: "The claim went to: {{status}}",
    lostTo: "Lost to another organisation's claim",
    kept: "Competing claims kept: {{count}}",
    deadline: "{{kind}}, due {{date}}",
    sentTo: "Sent to {{who}}",
    audience: {
      partner: "the partner ({{count}})",
      reviewers: "the reviewers ({{count}})",
      customer: "the customer ({{count}})",
    },
    webhooks: "Webhooks: {{count}}",
    disputableUntil: "Disputable until {{date}}",
    changed: "{{field}}: {{before}} → {{after}}",
  },
  competing: {
    intro:
      "Other organisations' claims on the same customer and products. Approving this claim rejects those still in flight unless you keep them.",
    none: "No other organisation claims this customer's products.",
    number: "Claim",
    partner: "Partner",
    products: "Products",
    created: "Created",
    submitted: "Submitted",
    status: "Status",
    notSubmitted: "—",
  },
  organization: "Partner organisation",
  confirm: {
    submit: "Submit claim {{number}} for {{customer}}? The programme's reviewers are notified and review it.",
    "start-review":
      "Start reviewing claim {{number}} from {{partner}} for {{customer}}? The partner is told; your decision is due within {{days}} business days.",
    "request-information":
      "Claim {{number}} goes back to {{partner}} with the reasons and comment below. They have {{days}} business days to respond, or the claim is rejected automatically.",
    resubmit: "Send claim {{number}} back to the reviewer with what you added? The review resumes.",
    approve:
      "Approve claim {{number}} for {{partner}}? The partner and the customer ({{contact}}) are notified; the customer has {{days}} days to object.",
    approveCompeting_one: "{{count}} competing claim of another organisation is rejected unless you keep it.",
    approveCompeting_other:
      "{{count}} competing claims of other organisations are rejected unless you keep them.",
    reject:
      "Reject claim {{number}} of {{partner}}? The partner is notified and can dispute the rejection within {{days}} days.",
    withdraw:
      "Withdraw claim {{number}} for {{customer}}? This is final: the claim is rejected at your request and cannot be disputed (you can copy it into a new claim).",
    dispute:
      "Dispute the rejection of claim {{number}}? A reviewer decides within {{days}} business days. A rejection can be disputed only once.",
    "uphold-dispute": "Uphold the rejection of claim {{number}}? This is final; {{partner}} is notified.",
    "overturn-dispute":
      "Overturn the rejection of claim {{number}}? The claim goes where you choose below, and {{partner}} is notified.",
    copy: "Copy claim {{number}} into a new draft? The partner ID, customer, activity, products and contacts are copied, not the documents; this claim stays as it is.",
    thePartner: "the partner",
  },
};
