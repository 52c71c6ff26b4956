// Every action x role over HTTP, each on a claim in a state that allows the action: the roles
// RULES.md §1 and §6 permit succeed, every other role gets 403 and changes nothing; on a partner's
// draft the operator's roles get 404 instead (to them a draft does not exist, RULES.md §1).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../support/engines.ts";
import { type Client, type Reply, startTestServer, type TestServer } from "./http-support.ts";
import { type HttpWorld, httpWorld, pdfBytes } from "./http-world.ts";

type State =
  | "editing"
  | "submitted"
  | "under_review"
  | "partner_action_required"
  | "rejected"
  | "dispute_open"
  | "upheld";
const ROLES = ["global_admin", "incentives_admin", "billing_admin", "reviewer", "program_admin"] as const;
type Role = (typeof ROLES)[number];
const PARTNER: Role[] = ["global_admin", "incentives_admin"];
const OPERATOR: Role[] = ["reviewer", "program_admin"];
/** What a role not permitted the action gets: 404 for the operator on a draft, else 403. */
const refusal = (state: State, role: Role) =>
  state === "editing" && OPERATOR.includes(role)
    ? { status: 404, code: "not_found" }
    : { status: 403, code: "forbidden" };

const CASES: { action: string; state: State; allowed: Role[]; body?: unknown }[] = [
  { action: "submit", state: "editing", allowed: PARTNER },
  { action: "start-review", state: "submitted", allowed: ["reviewer"] },
  {
    action: "request-information",
    state: "under_review",
    allowed: ["reviewer"],
    body: { reasons: ["missing_products"], comment: "x" },
  },
  { action: "resubmit", state: "partner_action_required", allowed: PARTNER, body: { comment: "answer" } },
  { action: "approve", state: "under_review", allowed: ["reviewer"] },
  {
    action: "reject",
    state: "under_review",
    allowed: ["reviewer"],
    body: { reasons: ["insufficient_poe"], comment: "x" },
  },
  { action: "withdraw", state: "submitted", allowed: PARTNER, body: { reason: "other" } },
  { action: "dispute", state: "rejected", allowed: PARTNER, body: { justification: "x" } },
  { action: "uphold-dispute", state: "dispute_open", allowed: ["reviewer"], body: { comment: "x" } },
  {
    action: "overturn-dispute",
    state: "dispute_open",
    allowed: ["reviewer"],
    body: { comment: "x", to: "under_review" },
  },
  { action: "copy", state: "upheld", allowed: PARTNER },
  { action: "edit", state: "editing", allowed: PARTNER },
  { action: "upload", state: "editing", allowed: PARTNER },
  { action: "comment", state: "submitted", allowed: [...PARTNER, "reviewer"] },
];

describe.each(ENGINES)("action x role over HTTP on %s", (engine) => {
  let t: TestServer;
  let w: HttpWorld;
  let clients: Record<Role, Client>;
  beforeAll(async () => {
    t = await startTestServer(engine);
    w = await httpWorld(t);
    clients = {
      global_admin: w.a.global,
      incentives_admin: w.a.incentives,
      billing_admin: w.a.billing,
      reviewer: w.reviewer,
      program_admin: t.admin,
    };
  });
  afterAll(() => t.stop());

  async function claimIn(state: State): Promise<string> {
    const p = w.a.incentives;
    const id = (await p.post<{ id: string }>("/api/v1/claims", w.claimBody(w.a, await w.customer()))).body.id;
    await p.upload(id, pdfBytes(), "poe.pdf");
    const steps: [Client, string, unknown][] = [
      [p, "submit", {}],
      [w.reviewer, "start-review", {}],
    ];
    const plan: Record<State, [Client, string, unknown][]> = {
      editing: [],
      submitted: steps.slice(0, 1),
      under_review: steps,
      partner_action_required: [
        ...steps,
        [w.reviewer, "request-information", { reasons: ["missing_products"], comment: "?" }],
      ],
      rejected: [...steps, [w.reviewer, "reject", { reasons: ["insufficient_poe"], comment: "no" }]],
      dispute_open: [
        ...steps,
        [w.reviewer, "reject", { reasons: ["insufficient_poe"], comment: "no" }],
        [p, "dispute", { justification: "x" }],
      ],
      upheld: [
        ...steps,
        [w.reviewer, "reject", { reasons: ["insufficient_poe"], comment: "no" }],
        [p, "dispute", { justification: "x" }],
        [w.reviewer, "uphold-dispute", { comment: "x" }],
      ],
    };
    for (const [c, action, body] of plan[state]) {
      const r = await c.post(`/api/v1/claims/${id}/actions/${action}`, body);
      if (r.status !== 200) throw new Error(`${action}: ${JSON.stringify(r.body)}`);
    }
    return id;
  }

  function call(c: Client, action: string, id: string, body: unknown): Promise<Reply> {
    if (action === "edit") return c.patch(`/api/v1/claims/${id}`, { partnerContact: { name: "New name" } });
    if (action === "upload") return c.upload(id, pdfBytes(), "more.pdf");
    if (action === "comment") return c.post(`/api/v1/claims/${id}/comments`, { body: "hello" });
    return c.post(`/api/v1/claims/${id}/actions/${action}`, body ?? {});
  }

  for (const { action, state, allowed, body } of CASES) {
    it(`${action} in ${state}: allowed for ${allowed.join(", ")}; 403 (404 on a draft for the operator) for the rest`, async () => {
      const shared = await claimIn(state);
      // Read as the claim's partner: a draft's history is hidden from the operator (maySeeDraft).
      const before = (await w.a.global.get<{ items: unknown[] }>(`/api/v1/claims/${shared}/history`)).body
        .items.length;
      const outcome: Record<string, number> = {};
      for (const role of ROLES) {
        if (allowed.includes(role)) {
          outcome[role] = (await call(clients[role], action, await claimIn(state), body)).status;
        } else {
          const r = await call(clients[role], action, shared, body);
          outcome[role] = r.status;
          expect((r.body as { code?: string }).code).toBe(refusal(state, role).code);
        }
      }
      const expected = Object.fromEntries(
        ROLES.map((r) => [
          r,
          allowed.includes(r)
            ? action === "copy" || action === "upload" || action === "comment"
              ? 201
              : 200
            : refusal(state, r).status,
        ]),
      );
      expect(outcome).toEqual(expected);
      expect(
        (await w.a.global.get<{ items: unknown[] }>(`/api/v1/claims/${shared}/history`)).body.items.length,
      ).toBe(before);
    });
  }
});
