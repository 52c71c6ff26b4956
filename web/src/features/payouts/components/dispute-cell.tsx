// A statement line's dispute as both sides read it: the partner's reason, the programme's reply
// and the outcome (an accepted line shows what it was calculated at), and the one button the
// caller's line abilities allow (flag it, or answer it).
import { Badge, Button, Stack, Table, Text } from "@mantine/core";
import { useT } from "../../../i18n/index.tsx";
import type { PayoutLine } from "../api/payouts.ts";

const COLORS = { open: "orange", accepted: "green", rejected: "gray" } as const;

export function DisputeCell({
  line: l,
  currency,
  onDispute,
  onResolve,
}: {
  line: PayoutLine;
  currency: string;
  onDispute(): void;
  onResolve(): void;
}) {
  const { t, dateTime, money } = useT();
  const d = l.dispute;
  return (
    <Table.Td>
      {d && (
        <Stack gap={2}>
          {/* Dark text: Mantine's orange on its light tint falls short of 4.5:1. */}
          <Badge color={COLORS[d.status]} variant="light" c="dark.7">
            {t(`adminUi.payouts.disputeStatus.${d.status}`)}
          </Badge>
          <Text size="xs">
            <Text span fw={600} size="xs">
              {t("adminUi.payouts.partnerReason")}:
            </Text>{" "}
            {d.comment}
          </Text>
          <Text size="xs" c="dimmed">
            {dateTime(d.at)}
          </Text>
          {d.reply !== null && (
            <Text size="xs" data-testid="dispute-reply">
              <Text span fw={600} size="xs">
                {t("adminUi.payouts.programmeReply")}:
              </Text>{" "}
              {d.reply}
            </Text>
          )}
          {l.calculatedMinor !== null && (
            <Text size="xs" c="dimmed">
              {t("adminUi.payouts.calculatedWas", { amount: money(l.calculatedMinor, currency) })}
            </Text>
          )}
        </Stack>
      )}
      {l.abilities.resolveDispute && (
        <Button
          size="xs"
          variant="default"
          mt={4}
          onClick={onResolve}
          aria-label={t("adminUi.payouts.resolveTitle", { claim: l.claimNumber })}
        >
          {t("adminUi.payouts.resolve")}
        </Button>
      )}
      {l.abilities.dispute && (
        <Button
          size="xs"
          variant="default"
          mt={4}
          onClick={onDispute}
          aria-label={t("adminUi.payouts.disputeTitle", { claim: l.claimNumber })}
        >
          {d?.status === "open" ? t("adminUi.payouts.changeDispute") : t("adminUi.payouts.disputeLine")}
        </Button>
      )}
    </Table.Td>
  );
}
