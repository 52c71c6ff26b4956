// What a claim action will do, and to which claim, said at the top of its dialog: a confirmation
// names the claim, the partner or customer it concerns and what follows (who is told, what deadline
// starts), so nobody confirms a blank box. The durations are the rulebook's (src/domain/policy.ts).
import { Alert, Text } from "@mantine/core";
import { DEFAULT_POLICY } from "../../../../../src/domain/policy.ts";
import { useT } from "../../../i18n/index.tsx";
import "../../../i18n/claim-page-texts.ts";
import type { Action, Claim } from "../../../lib/api-types.ts";

const HOURS_PER_DAY = 24;

/** The number each action's sentence quotes: a business-day SLA or a calendar-day window. */
const DAYS: Partial<Record<Action, number>> = {
  "start-review": DEFAULT_POLICY.decisionBusinessDays,
  "request-information": DEFAULT_POLICY.partnerResponseBusinessDays,
  approve: DEFAULT_POLICY.consentHours / HOURS_PER_DAY,
  reject: DEFAULT_POLICY.disputeWindowHours / HOURS_PER_DAY,
  dispute: DEFAULT_POLICY.disputeDecisionBusinessDays,
};

/** Actions that cannot be undone: their sentence is a warning. */
const FINAL: readonly Action[] = ["withdraw", "reject", "uphold-dispute"];

export function ActionSummary({ claim, action }: { claim: Claim; action: Action }) {
  const { t } = useT();
  if (action === "edit" || action === "upload" || action === "comment") return null;
  const text = t(`claimPage.confirm.${action}`, {
    number: claim.number,
    partner: claim.organization?.name ?? t("claimPage.confirm.thePartner"),
    customer: claim.customer.name,
    contact: claim.customerContact.name,
    days: DAYS[action] ?? 0,
  });
  const competing = action === "approve" ? (claim.competingClaims?.length ?? 0) : 0;
  const body = (
    <>
      <Text size="sm">{text}</Text>
      {competing > 0 && (
        <Text size="sm" mt={4}>
          {t("claimPage.confirm.approveCompeting", { count: competing })}
        </Text>
      )}
    </>
  );
  return FINAL.includes(action) ? (
    <Alert color="red" variant="light" p="sm">
      {body}
    </Alert>
  ) : (
    body
  );
}
