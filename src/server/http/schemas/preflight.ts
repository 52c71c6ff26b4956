// The PoE preflight as documents and claims carry it (issue 14). Built from typebox alone: schemas.ts
// imports this file, so reaching back into it would be an import cycle.
import { Type } from "typebox";
import { PREFLIGHT_CHECKS, PREFLIGHT_REASONS, PREFLIGHT_RESULTS } from "../../../domain/preflight/index.ts";

const Check = Type.Enum(PREFLIGHT_CHECKS);
const Result = Type.Enum(PREFLIGHT_RESULTS);
const Reason = Type.Enum(PREFLIGHT_REASONS, {
  description: "the information-request reason the check predicts when it does not pass",
});

export const PreflightCheck = Type.Object(
  {
    check: Check,
    result: Result,
    reason: Reason,
    evidence: Type.Optional(
      Type.Object({
        page: Type.Optional(Type.Integer({ minimum: 1, description: "absent for form fields" })),
        snippet: Type.String(),
      }),
    ),
    missingProducts: Type.Optional(
      Type.Array(Type.String(), {
        description: "products_named: the claimed codes the document does not name",
      }),
    ),
  },
  { $id: "PreflightCheck" },
);

export const DocumentPreflight = Type.Object(
  {
    status: Type.Enum(["pending", "done", "unreadable"]),
    checks: Type.Array(PreflightCheck, { description: "empty unless done" }),
    unreadableReason: Type.Optional(Type.String()),
  },
  { $id: "DocumentPreflight", description: "what a reviewer would likely send the document back for" },
);

export const ClaimPreflight = Type.Object(
  {
    status: Type.Enum(["none", "pending", "done", "unreadable"]),
    predictedReasons: Type.Array(Reason),
    checks: Type.Array(Type.Object({ check: Check, result: Result, reason: Reason }), {
      description: "per check, the best result of any read document",
    }),
  },
  { $id: "ClaimPreflight" },
);
