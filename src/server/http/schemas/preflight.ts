// The PoE preflight as documents and claims carry it (issue 14). Built from typebox alone: schemas.ts
// imports this file, so reaching back into it would be an import cycle.
import { Type } from "typebox";
import {
  PREFLIGHT_CHECKS,
  PREFLIGHT_NOTES,
  PREFLIGHT_REASONS,
  PREFLIGHT_RESULTS,
} from "../../../domain/preflight/index.ts";
import { UNREADABLE_CODES } from "../../preflight/unreadable-reasons.ts";

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
        snippet: Type.String({
          description: "the document's words; with a note other than signature_line, English words",
        }),
        note: Type.Optional(
          Type.Enum(PREFLIGHT_NOTES, {
            description: "what the preflight says in its own words rather than quoting the document",
          }),
        ),
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
    unreadableReason: Type.Optional(
      Type.String({ description: "English words; unreadableCode says it in a code" }),
    ),
    unreadableCode: Type.Optional(Type.Enum(UNREADABLE_CODES, { description: "why it could not be read" })),
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
