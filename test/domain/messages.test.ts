// A history entry as the claim page's latest message: whose words, which reasons, which documents.
import { describe, expect, it } from "vitest";
import { messageOf } from "../../src/domain/messages.ts";

const entry = (event: string, data: Record<string, unknown>, actorKind = "user", actorName = "Riley") => ({
  event,
  at: Date.parse("2026-03-06T15:00:00.000Z"),
  actorKind,
  actorName,
  data,
});

describe("messageOf", () => {
  it("reads an information request's words and reasons", () => {
    expect(
      messageOf(entry("information_requested", { reasons: ["missing_products"], comment: "Add it" })),
    ).toEqual({
      kind: "information_request",
      at: "2026-03-06T15:00:00.000Z",
      actor: { kind: "user", name: "Riley" },
      text: "Add it",
      reasons: ["missing_products"],
      documentIds: [],
    });
  });

  it("names a rejection by whose it is: customer decline, withdrawal, the reviewer's or the system's", () => {
    const decline = messageOf(
      entry("rejected", { reasons: ["customer_decline"], comment: "No" }, "customer", "Casey"),
    );
    expect(decline).toMatchObject({
      kind: "customer_decline",
      actor: { kind: "customer", name: "Casey" },
      text: "No",
    });
    expect(messageOf(entry("rejected", { reasons: ["partner_request"], comment: null }))?.kind).toBe(
      "withdrawal",
    );
    const lapsed = messageOf(entry("rejected", { reasons: ["no_partner_response"] }, "system", "system"));
    expect(lapsed).toMatchObject({ kind: "rejection", actor: { kind: "system" }, text: null });
  });

  it("reads a dispute's justification and documents", () => {
    expect(
      messageOf(
        entry("dispute_opened", { justification: "Signed", documentIds: ["d1", "d2"] }, "user", "Paula"),
      ),
    ).toMatchObject({ kind: "dispute", text: "Signed", documentIds: ["d1", "d2"] });
  });

  it("treats an empty comment as none, and an event without a message as no message", () => {
    expect(messageOf(entry("approved", { comment: "  ", keepCompeting: [] }))?.text).toBeNull();
    expect(messageOf(entry("notified", { event: "approved" }))).toBeNull();
    expect(messageOf(entry("comment_added", { commentId: "c1" }))).toBeNull();
  });
});
