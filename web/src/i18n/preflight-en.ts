// Texts of the PoE preflight (issue 14), in English (the reference); registered by the lazy
// preflight panel only (preflight-texts.ts).
export const preflightEn = {
  title: "Proof-of-execution check",
  reading: "Reading the documents…",
  likely: "Likely to be sent back for: {{reasons}}",
  clear: "Nothing found that a reviewer usually sends back.",
  hint: "This is a hint from reading the files; it never blocks submitting.",
  unreadable: "{{name}} could not be read: {{reason}}",
  askInformation: "Ask for information about the failed checks",
  askComment: "The proof of execution check found: {{reasons}}. Please add what is missing.",
  result: { pass: "Found", warn: "Not found", unknown: "Cannot tell" },
  check: {
    customer_named: "Customer named",
    products_named: "Claimed products named",
    dates: "Recent dates, none in the future",
    customer_acknowledgment: "Customer acknowledgment (signature)",
    partner_work_described: "Partner's work described",
  },
  page: "page {{page}}",
  missingProducts: "Not named: {{products}}",
};
