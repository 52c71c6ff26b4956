// A small world for tests: two partner organisations, the operator, a customer registry, and
// helpers that drive a fresh claim into any state through the real use cases.
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { days } from "../../src/domain/calendar.ts";
import type { Role } from "../../src/domain/vocabulary.ts";
import { createOrganization, upsertCustomer } from "../../src/server/admin/directory.ts";
import type { ClaimInput } from "../../src/server/claims/claim-input.ts";
import { actOnClaim } from "../../src/server/claims/use-cases/act-on-claim.ts";
import { attachDocument } from "../../src/server/claims/use-cases/attach-document.ts";
import { createClaim } from "../../src/server/claims/use-cases/create-claim.ts";
import type { AppContext } from "../../src/server/context.ts";
import { sweep } from "../../src/server/jobs/sweeper.ts";
import type { Principal } from "../../src/server/principal.ts";
import type { TestApp } from "./engines.ts";

export const MINIMAL_PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
  "latin1",
);

export function user(role: Role, organizationId: string | null, name: string = role): Principal {
  return { kind: "user", id: randomUUID(), name, role, organizationId, locale: "en" };
}

export interface Org {
  id: string;
  partnerId: string;
  global: Principal;
  incentives: Principal;
  billing: Principal;
}

export interface World {
  a: Org;
  b: Org;
  reviewer: Principal;
  programAdmin: Principal;
  /** A fresh customer per call, so claims never collide unless a test wants them to. */
  newCustomer(opts?: {
    subscriptionProduct?: string;
  }): Promise<{ tenantId: string; domain: string; subscriptionId: string }>;
  input(org: Org, customer: { tenantId: string; domain: string }, products?: string[]): ClaimInput;
}

let partnerSeq = 1_000_000;

async function org(ctx: AppContext, name: string): Promise<Org> {
  const partnerId = String(partnerSeq++);
  const o = await createOrganization(ctx, { name, partnerIds: [partnerId] });
  return {
    id: o.id,
    partnerId,
    global: user("global_admin", o.id, `${name} global`),
    incentives: user("incentives_admin", o.id, `${name} incentives`),
    billing: user("billing_admin", o.id, `${name} billing`),
  };
}

export async function makeWorld(ctx: AppContext): Promise<World> {
  const a = await org(ctx, "Contoso");
  const b = await org(ctx, "Fabrikam");
  return {
    a,
    b,
    reviewer: user("reviewer", null, "Rita Reviewer"),
    programAdmin: user("program_admin", null, "Pat Admin"),
    newCustomer: async (opts = {}) => {
      const tenantId = randomUUID();
      const subscriptionId = randomUUID();
      const domain = `t${tenantId.slice(0, 8)}.example.com`;
      await upsertCustomer(ctx, {
        tenantId,
        domain,
        name: `Customer ${tenantId.slice(0, 4)}`,
        subscriptions: [
          { id: subscriptionId, product: opts.subscriptionProduct ?? "d365_sales", status: "active" },
        ],
      });
      return { tenantId, domain, subscriptionId };
    },
    input: (o, customer, products = ["teams"]) => ({
      partnerId: o.partnerId,
      customer: { tenantId: customer.tenantId, domain: customer.domain, name: "Customer" },
      activity: "deployment",
      products,
      customerContact: { name: "Casey Customer", email: "casey@customer.example", locale: "en" },
      partnerContact: { name: "Paula Partner", email: "paula@partner.example" },
    }),
  };
}

export const pdf = () => ({ filename: "poe.pdf", source: Readable.from([MINIMAL_PDF]) });

export const TARGETS = [
  "editing",
  "submitted",
  "under_review",
  "partner_action_required",
  "approved",
  "approved_consent_passed",
  "rejected_disputable",
  "rejected_dispute_open",
  "rejected_dispute_upheld",
  "rejected_window_closed",
  "rejected_withdrawn",
] as const;
export type Target = (typeof TARGETS)[number];

/** Creates a claim of organisation A and drives it to `target` through the real use cases. */
export async function claimIn(app: TestApp, w: World, target: Target): Promise<string> {
  const { ctx } = app;
  const customer = await w.newCustomer();
  const p = w.a.incentives;
  const claim = await createClaim(ctx, p, w.input(w.a, customer));
  const id = claim.id;
  if (target === "editing") return id;
  if (target === "rejected_withdrawn") {
    await actOnClaim(ctx, p, id, { type: "withdraw", reason: "other" });
    return id;
  }
  await attachDocument(ctx, p, id, pdf());
  await actOnClaim(ctx, p, id, { type: "submit" });
  if (target === "submitted") return id;
  await actOnClaim(ctx, w.reviewer, id, { type: "start-review" });
  if (target === "under_review") return id;
  if (target === "partner_action_required") {
    await actOnClaim(ctx, w.reviewer, id, {
      type: "request-information",
      reasons: ["missing_or_old_dates"],
      comment: "dates?",
    });
    return id;
  }
  if (target.startsWith("approved")) {
    await actOnClaim(ctx, w.reviewer, id, { type: "approve" });
    if (target === "approved_consent_passed") {
      app.clock.advance(days(8));
      await sweep(ctx);
    }
    return id;
  }
  await actOnClaim(ctx, w.reviewer, id, {
    type: "reject",
    reasons: ["insufficient_poe"],
    comment: "not enough",
  });
  if (target === "rejected_disputable") return id;
  if (target === "rejected_window_closed") {
    app.clock.advance(days(31));
    await sweep(ctx);
    return id;
  }
  await actOnClaim(ctx, p, id, { type: "dispute", justification: "we did the work" });
  if (target === "rejected_dispute_open") return id;
  await actOnClaim(ctx, w.reviewer, id, { type: "uphold-dispute", comment: "still not enough" });
  return id;
}
