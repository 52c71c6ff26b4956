// The confirmation before a final money action (approving a statement, marking it paid): it
// names the statement and its amount and, when lines are disputed and unanswered, lists them
// (claim, customer, amount, the partner's reason) so that going on is a decision, which the
// request then acknowledges to the server.
import { Alert, Button, Group, Modal, Stack, Table, Text } from "@mantine/core";
import { FormError, formatMonth, notifyDone } from "../../../components/forms.tsx";
import { useT } from "../../../i18n/index.tsx";
import { type MoveStep, openDisputes, type PayoutStatement, useMoveStatement } from "../api/payouts.ts";

export function MoveConfirmModal({
  statement: s,
  step,
  organization,
  onClose,
}: {
  statement: PayoutStatement;
  step: MoveStep;
  organization: string;
  onClose(): void;
}) {
  const { t, money, lang } = useT();
  const move = useMoveStatement();
  const open = openDisputes(s);
  const amount = money(s.totalMinor, s.currency);
  const vars = {
    org: organization,
    month: formatMonth(s.month, lang),
    amount,
    lines: t("adminUi.payouts.lineCount", { count: s.lines.length }),
  };
  const confirm = () =>
    move.mutate(
      { id: s.id, step, acknowledgeOpenDisputes: open.length > 0 },
      {
        onSuccess: () => {
          notifyDone(
            t(step === "approve" ? "adminUi.payouts.approvedDone" : "adminUi.payouts.paidDone"),
            t("web.close"),
          );
          onClose();
        },
      },
    );
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      closeButtonProps={{ "aria-label": t("web.close") }}
      title={t(
        step === "approve" ? "adminUi.payouts.confirmApproveTitle" : "adminUi.payouts.confirmPaidTitle",
      )}
    >
      <Stack>
        <Text>
          {t(
            step === "approve" ? "adminUi.payouts.confirmApproveText" : "adminUi.payouts.confirmPaidText",
            vars,
          )}
        </Text>
        {open.length > 0 && (
          <Alert color="orange" variant="light">
            <Stack gap="xs">
              {/* The title in the body: Mantine's orange title on its light tint falls short of 4.5:1. */}
              <Text fw={700}>{t("adminUi.payouts.openDisputesTitle", { count: open.length })}</Text>
              <Text size="sm">{t("adminUi.payouts.openDisputesIntro")}</Text>
              <Table.ScrollContainer minWidth={480}>
                <Table verticalSpacing={4} fz="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t("adminUi.payouts.claim")}</Table.Th>
                      <Table.Th>{t("adminUi.payouts.customer")}</Table.Th>
                      <Table.Th ta="right">{t("adminUi.payouts.earned")}</Table.Th>
                      <Table.Th>{t("adminUi.payouts.partnerReason")}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {open.map((l) => (
                      <Table.Tr key={l.id}>
                        <Table.Td style={{ whiteSpace: "nowrap" }}>{l.claimNumber}</Table.Td>
                        <Table.Td>
                          {l.customerName}
                          <Text size="xs" c="dimmed">
                            {l.customerDomain}
                          </Text>
                        </Table.Td>
                        <Table.Td ta="right">{money(l.earningsMinor, s.currency)}</Table.Td>
                        <Table.Td>{l.dispute?.comment}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Stack>
          </Alert>
        )}
        <FormError error={move.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("adminUi.common.cancel")}
          </Button>
          <Button loading={move.isPending} onClick={confirm}>
            {open.length > 0
              ? t(step === "approve" ? "adminUi.payouts.approveAnyway" : "adminUi.payouts.paidAnyway", {
                  amount,
                })
              : t(step === "approve" ? "adminUi.payouts.confirmApprove" : "adminUi.payouts.confirmPaid", {
                  amount,
                })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
