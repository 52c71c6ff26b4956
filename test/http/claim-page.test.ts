// What the claim page reads from one claim's answer (issue 11): the partner organisation by name,
// the latest message from the other side (information request, rejection, dispute with its
// documents, customer decline), the operator's competing claims with partner, products and dates,
// and a history whose comment entries carry the comment's words. Over HTTP, on both engines.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customerDecision } from "../../src/server/claims/use-cases/customer-decision.ts";
import { ENGINES } from "../support/engines.ts";
import { type Client, startTestServer, type TestServer } from "./http-support.ts";
import { type HttpWorld, httpWorld, pdfBytes } from "./http-world.ts";

interface Message {
  kind: string;
  actor: { kind: string; name: string };
  text: string | null;
  reasons: string[];
  documentIds: string[];
}
interface ClaimJson {
  id: string;
  number: string;
  organization?: { id: string; name: string };
  latestMessage?: Message | null;
  competingClaims?: {
    id: string;
    organizationName: string;
    products: string[];
    status: string;
    createdAt: string;
    submittedAt: string | null;
  }[];
}

describe.each(ENGINES)("the claim page's data on %s", (engine) => {
  let t: TestServer;
  let w: HttpWorld;
  beforeAll(async () => {
    t = await startTestServer(engine);
    w = await httpWorld(t);
  });
  afterAll(() => t.stop());

  const act = async (c: Client, id: string, action: string, body: unknown = {}) => {
    const r = await c.post(`/api/v1/claims/${id}/actions/${action}`, body);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  };
  const read = async (c: Client, id: string) => (await c.get<ClaimJson>(`/api/v1/claims/${id}`)).body;

  async function underReview(org = w.a, customer?: { tenantId: string; domain: string }) {
    const c = customer ?? (await w.customer());
    const id = (await org.incentives.post<{ id: string }>("/api/v1/claims", w.claimBody(org, c))).body.id;
    await org.incentives.upload(id, pdfBytes(), "poe.pdf");
    await act(org.incentives, id, "submit");
    await act(w.reviewer, id, "start-review");
    return id;
  }

  it("names the partner organisation and has no message before anyone said anything", async () => {
    const id = await underReview();
    const seen = await read(w.reviewer, id);
    expect(seen.organization).toEqual({ id: w.a.id, name: "Contoso" });
    expect(seen.latestMessage).toBeNull();
  });

  it("gives the partner the information request's words and reasons, then the reviewer the answer", async () => {
    const id = await underReview();
    await act(w.reviewer, id, "request-information", {
      reasons: ["missing_or_old_dates", "missing_products"],
      comment: "Please add the signed SOW with dates.",
    });
    const partner = (await read(w.a.incentives, id)).latestMessage;
    expect(partner).toMatchObject({
      kind: "information_request",
      actor: { kind: "user" },
      text: "Please add the signed SOW with dates.",
      reasons: ["missing_or_old_dates", "missing_products"],
      documentIds: [],
    });
    expect(partner?.actor.name).not.toBe("");
    await w.a.incentives.upload(id, pdfBytes(), "sow.pdf");
    await act(w.a.incentives, id, "resubmit", { comment: "SOW attached." });
    expect((await read(w.reviewer, id)).latestMessage).toMatchObject({
      kind: "resubmission",
      text: "SOW attached.",
    });
  });

  it("shows the reviewer a dispute's justification and its documents", async () => {
    const id = await underReview();
    await act(w.reviewer, id, "reject", { reasons: ["insufficient_poe"], comment: "No signature." });
    expect((await read(w.a.incentives, id)).latestMessage).toMatchObject({
      kind: "rejection",
      text: "No signature.",
      reasons: ["insufficient_poe"],
    });
    const doc = (await w.a.incentives.upload(id, pdfBytes(), "signed.pdf")).body as { id: string };
    await act(w.a.incentives, id, "dispute", {
      justification: "Signed copy attached.",
      documentIds: [doc.id],
    });
    expect((await read(w.reviewer, id)).latestMessage).toMatchObject({
      kind: "dispute",
      text: "Signed copy attached.",
      documentIds: [doc.id],
    });
  });

  it("tells the partner the customer declined, in the customer's words", async () => {
    const id = await underReview();
    await act(w.reviewer, id, "approve");
    // The consent link's token is mailed; the use case is reached through the test server's context.
    await customerDecision(t.server.ctx, id, "deny", {
      name: "Casey",
      comment: "We never worked with them.",
    });
    expect((await read(w.a.incentives, id)).latestMessage).toMatchObject({
      kind: "customer_decline",
      actor: { kind: "customer", name: "Casey" },
      text: "We never worked with them.",
      reasons: ["customer_decline"],
    });
  });

  it("lists competing claims for the operator with partner, products and dates, never a draft", async () => {
    const c = await w.customer();
    const mine = await underReview(w.a, c);
    const theirs = await underReview(w.b, c);
    // A draft of B's on the same keys: not a competitor the operator may see.
    await w.b.global.post("/api/v1/claims", w.claimBody(w.b, c));
    const seen = await read(w.reviewer, mine);
    expect(seen.competingClaims).toHaveLength(1);
    const [other] = seen.competingClaims ?? [];
    expect(other).toMatchObject({ id: theirs, organizationName: "Fabrikam", products: ["teams"] });
    expect(other?.status).toBe("under_review");
    expect(Date.parse(other?.submittedAt ?? "")).toBeGreaterThanOrEqual(Date.parse(other?.createdAt ?? ""));
    const queue = await w.reviewer.get<{ items: ClaimJson[] }>("/api/v1/review/queue?limit=200");
    const row = queue.body.items.find((i) => i.id === mine);
    expect(row?.competingClaims?.map((x) => x.organizationName)).toEqual(["Fabrikam"]);
    expect((await read(w.a.incentives, mine)).competingClaims).toBeUndefined();
  });

  it("gives each comment's entry in the history the comment's words", async () => {
    const id = await underReview();
    await w.reviewer.post(`/api/v1/claims/${id}/comments`, { body: "Which site is this for?" });
    const history = await w.a.incentives.get<{ items: { event: string; data: { body?: string } }[] }>(
      `/api/v1/claims/${id}/history`,
    );
    expect(history.body.items.find((h) => h.event === "comment_added")?.data.body).toBe(
      "Which site is this for?",
    );
  });
});
