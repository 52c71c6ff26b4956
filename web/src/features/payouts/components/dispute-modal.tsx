// Flagging a statement line as disputed, with the partner's comment.
import { Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { FormModal } from "../../../components/data-table.tsx";
import { fieldError, notifyDone } from "../../../components/forms.tsx";
import { useT } from "../../../i18n/index.tsx";
import { type PayoutLine, useDisputeLine } from "../api/payouts.ts";

export function DisputeModal({
  statementId,
  line,
  onClose,
  onDone,
}: {
  statementId: string;
  line: PayoutLine;
  onClose(): void;
  onDone(): void;
}) {
  const { t } = useT();
  const [comment, setComment] = useState(line.dispute?.comment ?? "");
  const dispute = useDisputeLine(statementId);
  const submit = () =>
    dispute.mutate(
      { lineId: line.id, comment: comment.trim() },
      {
        onSuccess: () => {
          notifyDone(t("adminUi.payouts.disputeSent"), t("web.close"));
          onDone();
        },
      },
    );
  return (
    <FormModal
      onClose={onClose}
      title={t("adminUi.payouts.disputeTitle", { claim: line.claimNumber })}
      intro={
        <Text size="sm" c="dimmed">
          {t("adminUi.payouts.disputeIntro")}
        </Text>
      }
      onSubmit={submit}
      busy={dispute.isPending}
      error={dispute.error}
      submitLabel={t("adminUi.payouts.disputeSubmit")}
      submitDisabled={!comment.trim()}
    >
      <Textarea
        label={t("adminUi.payouts.disputeComment")}
        required
        autosize
        minRows={3}
        maxLength={2000}
        value={comment}
        onChange={(e) => setComment(e.currentTarget.value)}
        error={fieldError(dispute.error, "comment")}
      />
    </FormModal>
  );
}
