// Where the claim page shows similar claims: nothing unless the server sent `similar` (reviewers);
// the list itself and its texts load on demand.
import { lazy, Suspense } from "react";
import type { Claim } from "../../../lib/api-types.ts";

const SimilarClaims = lazy(() => import("./similar-claims.tsx"));

export function SimilarClaimsSection({ similar }: { similar: Claim["similar"] }) {
  if (!similar) return null;
  return (
    <Suspense fallback={null}>
      <SimilarClaims similar={similar} />
    </Suspense>
  );
}
