// POST /api/v1/claims/{id}/actions/{action}: one transition, answered with the updated claim.
import { Type } from "typebox";
import type { Command } from "../../../domain/commands.ts";
import { CLAIM_ACTIONS, type ClaimAction } from "../../../domain/vocabulary.ts";
import { actOnClaim, type TransitionCommand } from "../../claims/use-cases/act-on-claim.ts";
import { copyClaim } from "../../claims/use-cases/copy-claim.ts";
import { callerOf } from "../authenticate.ts";
import { ifMatch, setEtag } from "../etag.ts";
import { errors } from "../responses.ts";
import { ActionBodies, Claim } from "../schemas.ts";
import type { App, HttpDeps } from "../types.ts";

const SUMMARIES: Record<ClaimAction, string> = {
  submit: "Submit for review (needs at least one PoE document)",
  "start-review": "Start the review (reviewer)",
  "request-information": "Ask the partner for more information (reviewer)",
  resubmit: "Resubmit after an information request",
  approve: "Approve (reviewer); competing claims are rejected unless kept",
  reject: "Reject with reasons (reviewer)",
  withdraw: "Withdraw the claim (partner)",
  dispute: "Dispute a rejection within its window",
  "uphold-dispute": "Uphold the rejection (reviewer)",
  "overturn-dispute": "Overturn the rejection (reviewer)",
  copy: "Copy a rejected claim into a new one (201, the new claim)",
};

export function actionRoutes(app: App, { ctx }: HttpDeps): void {
  for (const action of CLAIM_ACTIONS) {
    app.post(
      `/api/v1/claims/:id/actions/${action}`,
      {
        schema: {
          tags: ["actions"],
          summary: SUMMARIES[action],
          params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
          body: ActionBodies[action],
          response: { [action === "copy" ? 201 : 200]: Claim, ...errors(401, 403, 404, 409, 412, 422) },
        },
      },
      async (req, reply) => {
        const principal = callerOf(req).principal;
        const id = (req.params as { id: string }).id;
        if (action === "copy") {
          const view = await copyClaim(ctx, principal, id, { ifMatch: ifMatch(req) });
          setEtag(reply, view.version);
          reply.header("Location", `/api/v1/claims/${view.id}`);
          return reply.code(201).send(view);
        }
        const command = { type: action, ...(req.body as object) } as Command as TransitionCommand;
        // The answer is the version this write produced, built inside its transaction.
        const view = await actOnClaim(ctx, principal, id, command, { ifMatch: ifMatch(req) });
        setEtag(reply, view.version);
        return view;
      },
    );
  }
}
