// Texts of the reviewer's "similar claims" list, in English (the reference).
export const similarEn = {
  title: "Similar claims",
  hint: "Reused evidence or a look-alike customer on other claims. Only reviewers see this.",
  none: "No reused evidence or look-alike customers found.",
  reason: {
    same_file: "Same file",
    similar_text: "Near-identical text ({{score}}%)",
    domain_variant: "Look-alike customer domain",
  },
  by: "by {{organization}}",
};
