// A link that downloads one of the claim's documents (the API serves it as an attachment; the
// session cookie goes along), named by its file name.
import { Anchor } from "@mantine/core";
import type { ClaimDocument } from "../../../lib/api-types.ts";

export function DocumentLink({
  claimId,
  documentId,
  documents,
}: {
  claimId: string;
  documentId: string;
  documents: Pick<ClaimDocument, "id" | "filename">[];
}) {
  const name = documents.find((d) => d.id === documentId)?.filename ?? documentId.slice(0, 8);
  return (
    <Anchor size="sm" href={`/api/v1/claims/${claimId}/documents/${documentId}/content`} download={name}>
      {name}
    </Anchor>
  );
}
