// The claim's `similar` list (issue 14): reuse and look-alike claims, operator only.
import { Type } from "typebox";

export const SimilarClaim = Type.Object(
  {
    claimId: Type.String(),
    number: Type.String(),
    organizationName: Type.String(),
    customer: Type.Object({ name: Type.String(), domain: Type.String(), tenantId: Type.String() }),
    reason: Type.Union([
      Type.Literal("same_file"),
      Type.Literal("similar_text"),
      Type.Literal("domain_variant"),
    ]),
    score: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    documentId: Type.Optional(Type.String()),
  },
  { $id: "SimilarClaim" },
);
