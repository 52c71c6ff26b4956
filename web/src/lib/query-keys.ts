// The roots of the query keys, shared so that a change in one feature can refresh what another
// shows (an approved claim changes the review queue, the notifications and the payouts). Each
// feature builds its own keys under its root.
export const ROOTS = {
  session: "session",
  catalog: "catalog",
  organizations: "organizations",
  claims: "claims",
  review: "review",
  notifications: "notifications",
  payouts: "payouts",
  earnings: "earnings",
  admin: "admin",
} as const;
