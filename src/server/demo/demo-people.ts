// The demo's people by their sign-in address: real names, so that screens, history and mail name
// a person the way a colleague would, never by the address's local part.
const NAMES: Record<string, string> = {
  "global@contoso.example": "Avery Chen",
  "incentives@contoso.example": "Jordan Miller",
  "billing@contoso.example": "Priya Natarajan",
  "global@fabrikam.example": "Lucía Fernández",
  "incentives@fabrikam.example": "Mateo García",
  "billing@fabrikam.example": "Sofía Ramírez",
  "global@northwind.example": "Samuel Okafor",
  "incentives@northwind.example": "Emma Larsen",
  "billing@northwind.example": "Noah Williams",
  "reviewer@operator.example": "Riley Thompson",
  "revisora@operator.example": "Carmen Ortega",
  "program-admin@operator.example": "Morgan Reyes",
};

/** The person's name; an address the demo does not know keeps a readable fallback. */
export function demoName(email: string): string {
  return NAMES[email] ?? email.split("@")[0]?.replace(/[.-]/g, " ") ?? email;
}
