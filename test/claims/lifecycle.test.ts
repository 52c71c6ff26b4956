import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { days } from "../../src/domain/calendar.ts";
import { actOnClaim } from "../../src/server/claims/use-cases/act-on-claim.ts";
import { addComment } from "../../src/server/claims/use-cases/add-comment.ts";
import { attachDocument } from "../../src/server/claims/use-cases/attach-document.ts";
import { copyClaim } from "../../src/server/claims/use-cases/copy-claim.ts";
import { createClaim } from "../../src/server/claims/use-cases/create-claim.ts";
import { customerDecision } from "../../src/server/claims/use-cases/customer-decision.ts";
import { editClaim } from "../../src/server/claims/use-cases/edit-claim.ts";
import { getClaim } from "../../src/server/claims/use-cases/get-claim.ts";
import { sweep } from "../../src/server/jobs/sweeper.ts";
import { ENGINES, openTestApp, type TestApp } from "../support/engines.ts";
import { refusalOf } from "../support/helpers.ts";
import { makeWorld, pdf, type World } from "../support/world.ts";

describe.each(ENGINES)("claim lifecycle on %s", (engine) => {
  let app: TestApp;
  let w: World;
  beforeAll(async () => {
    app = await openTestApp(engine);
    w = await makeWorld(app.ctx);
  });
  afterAll(() => app.close());

  it("walks the seed's timeline: create, upload, submit, review, request info, resubmit, approve, consent passes", async () => {
    const { ctx } = app;
    const c = await w.newCustomer();
    const p = w.a.incentives;
    const created = await createClaim(ctx, p, w.input(w.a, c, ["teams", "intune"]));
    expect(created.number).toMatch(/^CA-2026-\d{6}$/);
    expect((await refusalOf(actOnClaim(ctx, p, created.id, { type: "submit" }))).code).toBe(
      "validation_failed",
    );
    await attachDocument(ctx, p, created.id, pdf());
    await actOnClaim(ctx, p, created.id, { type: "submit" });
    let view = await getClaim(ctx, w.reviewer, created.id);
    expect(view.status).toBe("submitted");
    // Mon 2026-03-02 09:00Z + 5 business days -> Tue 2026-03-10 00:00Z
    expect(view.deadlines).toMatchObject([{ kind: "review_start", dueAt: "2026-03-10T00:00:00.000Z" }]);
    await actOnClaim(ctx, w.reviewer, created.id, { type: "start-review" });
    app.clock.advance(days(1));
    await actOnClaim(ctx, w.reviewer, created.id, {
      type: "request-information",
      reasons: ["missing_customer_acknowledgment"],
      comment: "Please add the signed page",
    });
    view = await getClaim(ctx, p, created.id);
    expect(view.status).toBe("partner_action_required");
    expect(view.reasons).toEqual(["missing_customer_acknowledgment"]);
    expect((await refusalOf(actOnClaim(ctx, p, created.id, { type: "resubmit" }))).code).toBe(
      "validation_failed",
    );
    await addComment(ctx, p, created.id, "Signed page attached");
    await actOnClaim(ctx, p, created.id, { type: "resubmit" });
    view = await getClaim(ctx, p, created.id);
    expect(view.status).toBe("under_review");
    await actOnClaim(ctx, w.reviewer, created.id, { type: "approve" });
    view = await getClaim(ctx, p, created.id);
    expect(view.consent?.status).toBe("running");
    app.clock.advance(days(7));
    const swept = await sweep(ctx);
    expect(swept.fired).toBeGreaterThanOrEqual(1);
    view = await getClaim(ctx, p, created.id);
    expect(view.status).toBe("approved");
    expect(view.consent?.status).toBe("passed");
    expect(view.deadlines).toEqual([]);
    // A rerun fires nothing.
    expect((await sweep(ctx)).fired).toBe(0);
  });

  it("rejects, disputes and overturns; a second claim is upheld and then copied", async () => {
    const { ctx } = app;
    const p = w.a.incentives;
    const c = await w.newCustomer();
    const claim = await createClaim(ctx, p, w.input(w.a, c));
    await attachDocument(ctx, p, claim.id, pdf());
    await actOnClaim(ctx, p, claim.id, { type: "submit" });
    await actOnClaim(ctx, w.reviewer, claim.id, { type: "start-review" });
    await actOnClaim(ctx, w.reviewer, claim.id, {
      type: "reject",
      reasons: ["insufficient_poe"],
      comment: "no",
    });
    expect((await refusalOf(copyClaim(ctx, p, claim.id))).code).toBe("invalid_transition");
    await actOnClaim(ctx, p, claim.id, { type: "dispute", justification: "see new PoE" });
    await actOnClaim(ctx, w.reviewer, claim.id, {
      type: "overturn-dispute",
      comment: "ok",
      to: "under_review",
    });
    let view = await getClaim(ctx, p, claim.id);
    expect(view.status).toBe("under_review");
    expect(view.dispute?.status).toBe("overturned");
    await actOnClaim(ctx, w.reviewer, claim.id, {
      type: "reject",
      reasons: ["poe_unavailable"],
      comment: "gone",
    });
    await actOnClaim(ctx, p, claim.id, { type: "dispute", justification: "again" });
    await actOnClaim(ctx, w.reviewer, claim.id, { type: "uphold-dispute", comment: "final" });
    view = await getClaim(ctx, p, claim.id);
    expect(view.dispute?.status).toBe("upheld");
    expect(view.allowedActions).toContain("copy");
    const copy = await copyClaim(ctx, p, claim.id);
    expect(copy.copiedFrom).toBe(claim.id);
    expect(copy.status).toBe("editing");
  });

  it("rejects a silent partner with no_partner_response after 5 business days across a weekend", async () => {
    const { ctx } = app;
    const p = w.a.incentives;
    const c = await w.newCustomer();
    const claim = await createClaim(ctx, p, w.input(w.a, c));
    await attachDocument(ctx, p, claim.id, pdf());
    await actOnClaim(ctx, p, claim.id, { type: "submit" });
    await actOnClaim(ctx, w.reviewer, claim.id, { type: "start-review" });
    await actOnClaim(ctx, w.reviewer, claim.id, {
      type: "request-information",
      reasons: ["missing_products"],
      comment: "?",
    });
    const due = Date.parse((await getClaim(ctx, p, claim.id)).deadlines[0]?.dueAt ?? "");
    app.clock.set(due - 1);
    await sweep(ctx);
    expect((await getClaim(ctx, p, claim.id)).status).toBe("partner_action_required");
    app.clock.set(due);
    await sweep(ctx);
    const view = await getClaim(ctx, p, claim.id);
    expect(view.status).toBe("rejected");
    expect(view.reasons).toEqual(["no_partner_response"]);
    expect(view.deadlines.map((d) => d.kind)).toEqual(["dispute_window"]);
  });

  it("lets the customer deny during consent, and refuses edits of fixed fields after submission", async () => {
    const { ctx } = app;
    const p = w.a.incentives;
    const c = await w.newCustomer();
    const claim = await createClaim(ctx, p, w.input(w.a, c));
    await attachDocument(ctx, p, claim.id, pdf());
    await actOnClaim(ctx, p, claim.id, { type: "submit" });
    const r = await refusalOf(editClaim(ctx, p, claim.id, { activity: "usage" }));
    expect(r.code).toBe("validation_failed");
    await editClaim(ctx, p, claim.id, { products: ["teams", "onedrive"] });
    expect((await getClaim(ctx, p, claim.id)).products).toEqual(["teams", "onedrive"]);
    await actOnClaim(ctx, w.reviewer, claim.id, { type: "start-review" });
    await actOnClaim(ctx, w.reviewer, claim.id, { type: "approve" });
    await customerDecision(ctx, claim.id, "deny", { name: "Casey", comment: "not our partner" });
    const view = await getClaim(ctx, p, claim.id);
    expect(view.status).toBe("rejected");
    expect(view.reasons).toEqual(["customer_decline"]);
    expect(view.allowedActions).not.toContain("dispute");
  });

  it("refuses a second claim of the same organisation and rejects competitors on approval", async () => {
    const { ctx } = app;
    const c = await w.newCustomer();
    const mine = await createClaim(ctx, w.a.incentives, w.input(w.a, c));
    expect((await refusalOf(createClaim(ctx, w.a.global, w.input(w.a, c)))).code).toBe(
      "duplicate_association",
    );
    const theirs = await createClaim(ctx, w.b.incentives, w.input(w.b, c));
    for (const [o, id] of [
      [w.a, mine.id],
      [w.b, theirs.id],
    ] as const) {
      await attachDocument(ctx, o.incentives, id, pdf());
      await actOnClaim(ctx, o.incentives, id, { type: "submit" });
    }
    await actOnClaim(ctx, w.reviewer, mine.id, { type: "start-review" });
    await actOnClaim(ctx, w.reviewer, mine.id, { type: "approve" });
    const lost = await getClaim(ctx, w.b.global, theirs.id);
    expect(lost.status).toBe("rejected");
    expect(lost.reasons).toEqual(["competing_claim_lost"]);
    // Another organisation cannot even see it.
    expect((await refusalOf(getClaim(ctx, w.a.global, theirs.id))).code).toBe("not_found");
  });

  it("refuses to overturn a dispute straight to approved while a rival holds the approved claim", async () => {
    const { ctx } = app;
    const c = await w.newCustomer();
    const mine = await createClaim(ctx, w.a.incentives, w.input(w.a, c));
    const theirs = await createClaim(ctx, w.b.incentives, w.input(w.b, c));
    for (const [o, id] of [
      [w.a, mine.id],
      [w.b, theirs.id],
    ] as const) {
      await attachDocument(ctx, o.incentives, id, pdf());
      await actOnClaim(ctx, o.incentives, id, { type: "submit" });
    }
    await actOnClaim(ctx, w.reviewer, mine.id, { type: "start-review" });
    await actOnClaim(ctx, w.reviewer, mine.id, { type: "approve" });
    await actOnClaim(ctx, w.b.incentives, theirs.id, { type: "dispute", justification: "we were first" });
    const r = await refusalOf(
      actOnClaim(ctx, w.reviewer, theirs.id, { type: "overturn-dispute", comment: "ok", to: "approved" }),
    );
    expect(r.code).toBe("duplicate_association");
    expect((await getClaim(ctx, w.b.global, theirs.id)).dispute?.status).toBe("open");
  });
});
