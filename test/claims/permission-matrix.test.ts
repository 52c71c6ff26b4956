// The permission matrix: every (state, action, role) through the real use cases, on every engine.
//
// The EXPECTED tables below are written from RULES.md (§1, §6 and §7) and API.md (§1, §4.3), not computed
// from src/domain: which actions each state allows, and which roles may do each action. Per cell:
// - allowed state and permitted role: the use case succeeds;
// - role not permitted: RefusalError "forbidden";
// - role permitted, state forbids: "invalid_transition" naming the state and the allowed actions;
// - a user of another organisation: "not_found", whatever the action and role;
// - an operator user (reviewer, program admin) on a partner's unsubmitted draft: "not_found" too,
//   whatever the action (RULES.md §1: to the operator a draft does not exist; 404 precedes 403).
// Every refusal changes nothing (claim row, history, outbox, deadlines, documents, comments).
//
// Refused cells of one state share one claim (the snapshot proves they change nothing); every
// allowed cell drives a fresh claim into its state. The states run in the order of TARGETS, each
// claim used only inside its own state's block, so the clock moves of later states (consent passing,
// dispute window closing) never touch a claim still under test.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role, Status } from "../../src/domain/vocabulary.ts";
import { actOnClaim } from "../../src/server/claims/use-cases/act-on-claim.ts";
import { addComment } from "../../src/server/claims/use-cases/add-comment.ts";
import { attachDocument } from "../../src/server/claims/use-cases/attach-document.ts";
import { copyClaim } from "../../src/server/claims/use-cases/copy-claim.ts";
import { editClaim } from "../../src/server/claims/use-cases/edit-claim.ts";
import { getClaim } from "../../src/server/claims/use-cases/get-claim.ts";
import type { Principal } from "../../src/server/principal.ts";
import { ENGINES, openTestApp, type TestApp } from "../support/engines.ts";
import { refusalOf } from "../support/helpers.ts";
import { claimIn, makeWorld, type Org, pdf, TARGETS, type Target, type World } from "../support/world.ts";

// ---------------------------------------------------------------------------------------------
// The expected matrix, from RULES.md.

const ACTIONS = [
  "submit",
  "start-review",
  "request-information",
  "resubmit",
  "approve",
  "reject",
  "withdraw",
  "dispute",
  "uphold-dispute",
  "overturn-dispute",
  "copy",
  "edit",
  "upload",
  "comment",
] as const;
type Action = (typeof ACTIONS)[number];

const ROLES = ["global_admin", "incentives_admin", "billing_admin", "reviewer", "program_admin"] as const;
type MatrixRole = (typeof ROLES)[number] & Role;

/** RULES.md §1: a global admin may everything an incentives admin may; billing and program admins act on no claim. */
const PARTNER: readonly MatrixRole[] = ["global_admin", "incentives_admin"];
const REVIEWER: readonly MatrixRole[] = ["reviewer"];
const COMMENTERS: readonly MatrixRole[] = ["global_admin", "incentives_admin", "reviewer"];

const WHO: Record<Action, readonly MatrixRole[]> = {
  submit: PARTNER,
  "start-review": REVIEWER,
  "request-information": REVIEWER,
  resubmit: PARTNER,
  approve: REVIEWER,
  reject: REVIEWER,
  withdraw: PARTNER,
  dispute: PARTNER,
  "uphold-dispute": REVIEWER,
  "overturn-dispute": REVIEWER,
  copy: PARTNER,
  edit: PARTNER,
  upload: PARTNER,
  comment: COMMENTERS,
};

/** RULES.md §6 (transitions) and §7 (editing): what each state allows, whoever asks. */
const ALLOWED: Record<Target, readonly Action[]> = {
  editing: ["submit", "withdraw", "edit", "upload", "comment"],
  submitted: ["start-review", "withdraw", "edit", "upload", "comment"],
  under_review: ["request-information", "approve", "reject", "withdraw", "comment"],
  partner_action_required: ["resubmit", "withdraw", "edit", "upload", "comment"],
  approved: ["withdraw", "comment"],
  approved_consent_passed: ["withdraw", "comment"],
  rejected_disputable: ["dispute", "upload", "comment"],
  rejected_dispute_open: ["uphold-dispute", "overturn-dispute", "comment"],
  rejected_dispute_upheld: ["copy", "comment"],
  rejected_window_closed: ["copy", "comment"],
  rejected_withdrawn: ["copy", "comment"],
};

const STATUS_OF: Record<Target, Status> = {
  editing: "editing",
  submitted: "submitted",
  under_review: "under_review",
  partner_action_required: "partner_action_required",
  approved: "approved",
  approved_consent_passed: "approved",
  rejected_disputable: "rejected",
  rejected_dispute_open: "rejected",
  rejected_dispute_upheld: "rejected",
  rejected_window_closed: "rejected",
  rejected_withdrawn: "rejected",
};

/** The status a successful transition leads to (RULES.md §6). */
const LEADS_TO: Partial<Record<Action, Status>> = {
  submit: "submitted",
  "start-review": "under_review",
  "request-information": "partner_action_required",
  resubmit: "under_review",
  approve: "approved",
  reject: "rejected",
  withdraw: "rejected",
  dispute: "rejected",
  "uphold-dispute": "rejected",
  "overturn-dispute": "under_review",
};

type Expected = "ok" | "forbidden" | "invalid_transition" | "not_found";

/** RULES.md §1: the operator's roles, to whom a partner's draft does not exist. */
const OPERATOR: readonly MatrixRole[] = ["reviewer", "program_admin"];

function expected(target: Target, action: Action, role: MatrixRole): Expected {
  if (target === "editing" && OPERATOR.includes(role)) return "not_found";
  if (!WHO[action].includes(role)) return "forbidden";
  return ALLOWED[target].includes(action) ? "ok" : "invalid_transition";
}

/** What `allowedActions` should hold for this role in this state. */
function allowedFor(target: Target, role: MatrixRole): Action[] {
  return ACTIONS.filter((a) => expected(target, a, role) === "ok");
}

// ---------------------------------------------------------------------------------------------
// Driving the use cases.

const NEW_PARTNER_CONTACT = { name: "Pablo Partner", email: "pablo@partner.example" };

function principalOf(w: World, role: MatrixRole, o: Org = w.a): Principal {
  switch (role) {
    case "global_admin":
      return o.global;
    case "incentives_admin":
      return o.incentives;
    case "billing_admin":
      return o.billing;
    case "reviewer":
      return w.reviewer;
    case "program_admin":
      return w.programAdmin;
  }
}

async function perform(app: TestApp, p: Principal, id: string, action: Action): Promise<unknown> {
  const { ctx } = app;
  switch (action) {
    case "submit":
    case "start-review":
      return actOnClaim(ctx, p, id, { type: action });
    case "request-information":
      return actOnClaim(ctx, p, id, { type: action, reasons: ["missing_or_old_dates"], comment: "x" });
    case "resubmit":
      return actOnClaim(ctx, p, id, { type: action, comment: "answer" });
    case "approve":
      return actOnClaim(ctx, p, id, { type: action });
    case "reject":
      return actOnClaim(ctx, p, id, { type: action, reasons: ["insufficient_poe"], comment: "x" });
    case "withdraw":
      return actOnClaim(ctx, p, id, { type: action, reason: "other" });
    case "dispute":
      return actOnClaim(ctx, p, id, { type: action, justification: "x" });
    case "uphold-dispute":
      return actOnClaim(ctx, p, id, { type: action, comment: "x" });
    case "overturn-dispute":
      return actOnClaim(ctx, p, id, { type: action, comment: "x", to: "under_review" });
    case "copy":
      return copyClaim(ctx, p, id);
    case "edit":
      return editClaim(ctx, p, id, { partnerContact: NEW_PARTNER_CONTACT });
    case "upload":
      return attachDocument(ctx, p, id, pdf());
    case "comment":
      return addComment(ctx, p, id, "a comment");
  }
}

// ---------------------------------------------------------------------------------------------
// "A refusal changes nothing": everything a use case could write about the claim, plus the totals.

async function snapshot(app: TestApp, id: string) {
  const db = app.ctx.db.kysely;
  const perClaim = async (table: "history" | "outbox" | "documents" | "comments") => {
    const r = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as("n"))
      .where("claim_id", "=", id)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  };
  const total = async (table: "claims" | "history" | "outbox" | "documents" | "comments") => {
    const r = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  };
  return {
    claim: await db.selectFrom("claims").selectAll().where("id", "=", id).executeTakeFirstOrThrow(),
    history: await perClaim("history"),
    outbox: await perClaim("outbox"),
    documents: await perClaim("documents"),
    comments: await perClaim("comments"),
    deadlines: await db
      .selectFrom("deadlines")
      .selectAll()
      .where("claim_id", "=", id)
      .orderBy("timer")
      .execute(),
    totals: {
      claims: await total("claims"),
      history: await total("history"),
      outbox: await total("outbox"),
      documents: await total("documents"),
      comments: await total("comments"),
    },
  };
}

// ---------------------------------------------------------------------------------------------

interface Cell {
  action: Action;
  role: MatrixRole;
  expect: Expected;
}

const CELLS: Record<Target, Cell[]> = Object.fromEntries(
  TARGETS.map((t) => [
    t,
    ACTIONS.flatMap((action) => ROLES.map((role) => ({ action, role, expect: expected(t, action, role) }))),
  ]),
) as Record<Target, Cell[]>;

const FOREIGN_ROLES = ["global_admin", "incentives_admin", "billing_admin"] as const;

describe.each(ENGINES)("permission matrix on %s", (engine) => {
  let app: TestApp;
  let w: World;
  beforeAll(async () => {
    app = await openTestApp(engine);
    w = await makeWorld(app.ctx);
  });
  afterAll(() => app.close());

  describe.each(TARGETS)("in %s", (target) => {
    /** One claim for every refused cell of this state. */
    let shared: string;
    beforeAll(async () => {
      shared = await claimIn(app, w, target);
      // Read as its own partner: a draft is hidden from the operator (maySeeDraft).
      expect((await getClaim(app.ctx, w.a.global, shared)).status).toBe(STATUS_OF[target]);
    });

    for (const { action, role, expect: outcome } of CELLS[target]) {
      it(`${target} / ${action} / ${role} -> ${outcome}`, async () => {
        if (outcome === "ok") {
          await succeeds(target, action, role);
          return;
        }
        const before = await snapshot(app, shared);
        const refusal = await refusalOf(perform(app, principalOf(w, role), shared, action));
        expect(refusal.code).toBe(outcome);
        if (refusal.code === "invalid_transition") {
          expect(refusal.state).toBe(STATUS_OF[target]);
          expect(refusal.allowedActions).not.toContain(action);
          expect([...refusal.allowedActions].sort()).toEqual(allowedFor(target, role).sort());
        }
        expect(await snapshot(app, shared)).toEqual(before);
      });
    }

    for (const role of FOREIGN_ROLES) {
      it(`${target} / every action / organisation B ${role} -> not_found`, async () => {
        const p = principalOf(w, role, w.b);
        for (const action of ACTIONS) {
          const before = await snapshot(app, shared);
          const refusal = await refusalOf(perform(app, p, shared, action));
          expect(refusal.code, `${action} by organisation B ${role}`).toBe("not_found");
          expect(await snapshot(app, shared), `${action} by organisation B ${role}`).toEqual(before);
        }
      });
    }
  });

  async function succeeds(target: Target, action: Action, role: MatrixRole): Promise<void> {
    const { ctx } = app;
    const id = await claimIn(app, w, target);
    // Submit needs at least one PoE (a business rule, not the state's): give the fresh claim one.
    if (action === "submit") await attachDocument(ctx, w.a.incentives, id, pdf());
    const before = await snapshot(app, id);
    const result = await perform(app, principalOf(w, role), id, action);
    const view = await getClaim(ctx, w.a.global, id); // its partner: drafts are hidden from the operator
    const after = await snapshot(app, id);
    const leadsTo = LEADS_TO[action];
    if (leadsTo) {
      expect(view.status).toBe(leadsTo);
      if (action === "dispute") expect(view.dispute?.status).toBe("open");
      if (action === "uphold-dispute") expect(view.dispute?.status).toBe("upheld");
      if (action === "overturn-dispute") expect(view.dispute?.status).toBe("overturned");
      if (action === "withdraw") expect(view.reasons).toEqual(["partner_request"]);
      return;
    }
    expect(view.status).toBe(STATUS_OF[target]);
    switch (action) {
      case "copy": {
        const copy = result as { id: string; status: string; copiedFrom: string | null };
        expect(copy.id).not.toBe(id);
        expect(copy.status).toBe("editing");
        expect(copy.copiedFrom).toBe(id);
        expect(after.totals.claims).toBe(before.totals.claims + 1);
        expect(after.claim).toEqual(before.claim);
        break;
      }
      case "edit":
        expect(view.partnerContact).toMatchObject(NEW_PARTNER_CONTACT);
        break;
      case "upload":
        expect(after.documents).toBe(before.documents + 1);
        break;
      case "comment":
        expect(after.comments).toBe(before.comments + 1);
        break;
      default:
        throw new Error(`no check for ${action}`);
    }
  }
});
