// Texts of the administration and payout screens, in English (the reference).
export const adminEn = {
  placeholder: "Administration",
} as const;
