// The programme's answer to a disputed line: accept it with the amount the line pays from now on,
// or reject it and keep the line; either way with a reply the partner reads on its statement.
import { NumberInput, Radio, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { FormModal } from "../../../components/data-table.tsx";
import { fieldError, notifyDone } from "../../../components/forms.tsx";
import { useT } from "../../../i18n/index.tsx";
import { currencyDigits, formatMinor, parseAmountIn } from "../../../lib/money.ts";
import { type PayoutLine, useResolveDispute } from "../api/payouts.ts";

export function ResolveDisputeModal({
  statementId,
  currency,
  approved,
  line,
  onClose,
}: {
  statementId: string;
  currency: string;
  /** An approved statement goes back to calculated when the amount changes: say so. */
  approved: boolean;
  line: PayoutLine;
  onClose(): void;
}) {
  const { t, money } = useT();
  const [outcome, setOutcome] = useState<"accepted" | "rejected">("accepted");
  const [amount, setAmount] = useState(formatMinor(line.earningsMinor, currency));
  const [reply, setReply] = useState("");
  const resolve = useResolveDispute(statementId);
  const amountMinor = parseAmountIn(amount, currency);
  const ready = reply.trim() !== "" && (outcome === "rejected" || amountMinor !== null);
  const submit = () =>
    resolve.mutate(
      {
        lineId: line.id,
        outcome,
        reply: reply.trim(),
        ...(outcome === "accepted" && amountMinor !== null ? { amountMinor } : {}),
      },
      {
        onSuccess: () => {
          notifyDone(t("adminUi.payouts.resolved"), t("web.close"));
          onClose();
        },
      },
    );
  return (
    <FormModal
      onClose={onClose}
      size="lg"
      title={t("adminUi.payouts.resolveTitle", { claim: line.claimNumber })}
      intro={
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            {t("adminUi.payouts.resolveIntro")}
          </Text>
          <Text size="sm">
            {line.customerName} · {money(line.earningsMinor, currency)}
          </Text>
          <Text size="sm">
            <Text span fw={600}>
              {t("adminUi.payouts.partnerReason")}:
            </Text>{" "}
            {line.dispute?.comment}
          </Text>
        </Stack>
      }
      onSubmit={submit}
      busy={resolve.isPending}
      error={resolve.error}
      submitLabel={t("adminUi.payouts.resolveSubmit")}
      submitDisabled={!ready}
    >
      <Radio.Group
        label={t("adminUi.payouts.outcome")}
        value={outcome}
        onChange={(v) => setOutcome(v === "rejected" ? "rejected" : "accepted")}
      >
        <Stack gap="xs" mt="xs">
          <Radio value="accepted" label={t("adminUi.payouts.outcomeAccepted")} />
          <Radio value="rejected" label={t("adminUi.payouts.outcomeRejected")} />
        </Stack>
      </Radio.Group>
      {outcome === "accepted" && (
        <NumberInput
          label={t("adminUi.payouts.newAmount", { currency })}
          description={approved ? t("adminUi.payouts.adjustNote") : undefined}
          required
          min={0}
          decimalScale={currencyDigits(currency) ?? 2}
          value={amount}
          onChange={(v) => setAmount(String(v))}
          error={fieldError(resolve.error, "amountMinor")}
        />
      )}
      <Textarea
        label={t("adminUi.payouts.reply")}
        required
        autosize
        minRows={3}
        maxLength={2000}
        value={reply}
        onChange={(e) => setReply(e.currentTarget.value)}
        error={fieldError(resolve.error, "reply")}
      />
    </FormModal>
  );
}
