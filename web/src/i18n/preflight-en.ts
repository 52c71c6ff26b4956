// Texts of the PoE preflight (issue 14), in English (the reference); registered by the lazy
// preflight panel only (preflight-texts.ts).
export const preflightEn = {
  title: "Proof-of-execution check",
  reading: "Reading the documents…",
  likely: "Likely to be sent back for: {{reasons}}",
  clear: "Nothing found that a reviewer usually sends back.",
  hint: "This is a hint from reading the files; it never blocks submitting.",
  unreadable: "{{name}} could not be read: {{reason}}",
  /** Why a document could not be read, by the server's unreadableCode. */
  unreadableCode: {
    image:
      "{{name}} is an image, which the check cannot read. Attach the document as a PDF or DOCX to have it checked.",
    unsupported_type: "{{name}} is of a kind the check cannot read. Attach a PDF or DOCX to have it checked.",
    damaged: "{{name}} could not be read: the file seems damaged, or is not what its name says.",
    too_slow: "{{name}} took too long to read, so it was not checked.",
    too_much_memory: "{{name}} is too large to read, so it was not checked.",
    reader_failed: "{{name}} could not be read because of a problem on our side.",
    gone: "{{name}} was removed before it could be read.",
  },
  /** What the check says about a document in its own words, by the evidence's note. */
  note: {
    digital_signature: "The PDF carries a digital signature.",
    unsigned_signature_field: "The PDF has a signature field, but it is not signed.",
    signature_line: "There is a signature line, but a handwritten signature cannot be read as text.",
    no_text: "The document has almost no text (a scan?), so it cannot be read.",
  },
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
