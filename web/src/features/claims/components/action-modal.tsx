// One lifecycle action with the fields it needs (API.md §4.3), opened by what it will do to which
// claim (ActionSummary). The claim's
// version goes along as If-Match, so that a decision on a stale page is refused, not applied.
import { Alert, Button, Checkbox, Group, Modal, Radio, Select, Stack, Textarea } from "@mantine/core";
import { useState } from "react";
import {
  INFO_REASONS,
  REVIEWER_REJECTION_REASONS,
  WITHDRAW_REASONS,
} from "../../../../../src/domain/vocabulary.ts";
import { useErrorText } from "../../../components/error-alert.tsx";
import { useFieldErrors, verdict } from "../../../components/use-field-errors.ts";
import { useT } from "../../../i18n/index.tsx";
import type { Action, Claim, ClaimDocument } from "../../../lib/api-types.ts";
import { isOneOf } from "../../../lib/one-of.ts";
import { type ActionInput, useClaimAction } from "../api/claim-mutations.ts";
import { ActionSummary } from "./action-summary.tsx";

const OVERTURN_TO = ["under_review", "approved"] as const;

export const TRANSITIONS: Action[] = [
  "submit",
  "start-review",
  "request-information",
  "resubmit",
  "approve",
  "reject",
  "withdraw",
  "dispute",
  "uphold-dispute",
  "overturn-dispute",
  "copy",
];

interface Props {
  claim: Claim;
  action: Action | null;
  documents: ClaimDocument[];
  onClose(): void;
  onDone(result: Claim, action: Action): void;
  /** Pre-filled reasons and comment (the PoE preflight's failed checks). */
  initial?: { reasons: string[]; comment: string };
}

export function ActionModal({ claim, action, documents, onClose, onDone, initial }: Props) {
  const { t } = useT();
  const [reasons, setReasons] = useState<string[]>(initial?.reasons ?? []);
  const [comment, setComment] = useState(initial?.comment ?? "");
  const [withdrawReason, setWithdrawReason] = useState<string | null>(null);
  const [docIds, setDocIds] = useState<string[]>([]);
  const [to, setTo] = useState("under_review");
  const [keep, setKeep] = useState<string[]>([]);
  const claimAction = useClaimAction(claim);
  const errorText = useErrorText(claimAction.error);
  const fields = useFieldErrors(claimAction.error);
  const busy = claimAction.isPending;

  if (!action) return null;
  /** The action with its body; null while a required choice is missing. */
  const input = (): ActionInput | null => {
    const c = comment.trim();
    switch (action) {
      case "request-information":
        return { action, body: { reasons: reasons.filter((r) => isOneOf(INFO_REASONS, r)), comment: c } };
      case "reject":
        return {
          action,
          body: { reasons: reasons.filter((r) => isOneOf(REVIEWER_REJECTION_REASONS, r)), comment: c },
        };
      case "resubmit":
        return { action, body: c ? { comment: c } : {} };
      case "approve":
        return {
          action,
          body: { ...(c ? { comment: c } : {}), ...(keep.length ? { keepCompeting: keep } : {}) },
        };
      case "withdraw":
        return isOneOf(WITHDRAW_REASONS, withdrawReason)
          ? { action, body: { reason: withdrawReason, ...(c ? { comment: c } : {}) } }
          : null;
      case "dispute":
        return {
          action,
          body: { ...(c ? { justification: c } : {}), ...(docIds.length ? { documentIds: docIds } : {}) },
        };
      case "uphold-dispute":
        return { action, body: { comment: c } };
      case "overturn-dispute":
        return isOneOf(OVERTURN_TO, to) ? { action, body: { comment: c, to } } : null;
      case "submit":
      case "start-review":
      case "copy":
        return { action };
      default:
        return null;
    }
  };
  const ready = input() !== null;
  const run = () => {
    // Required choices are checked here, before a round trip.
    const fine = fields.check({
      reasons: reasonList ? verdict(reasons) : null,
      reason: action === "withdraw" ? verdict(withdrawReason) : null,
      [action === "dispute" ? "justification" : "comment"]: needsComment ? verdict(comment) : null,
    });
    if (!fine) return;
    const i = input();
    if (i) claimAction.mutate(i, { onSuccess: (result) => onDone(result, action) });
  };
  const reasonList =
    action === "request-information" ? INFO_REASONS : action === "reject" ? REVIEWER_REJECTION_REASONS : null;
  const commentLabel = action === "dispute" ? t("web.action.justification") : t("web.action.commentLabel");
  const needsComment = ["request-information", "reject", "uphold-dispute", "overturn-dispute"].includes(
    action,
  );
  const commentField = action === "dispute" ? "justification" : "comment";
  const hasComment = !["submit", "start-review", "copy"].includes(action);
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ "aria-label": t("web.close") }}
      title={t(`web.action.${action}`)}
      size="lg"
    >
      <Stack>
        <ActionSummary claim={claim} action={action} />
        {errorText && (
          <Alert color="red" role="alert">
            {errorText}
          </Alert>
        )}
        {reasonList && (
          <Checkbox.Group
            label={t("web.action.reasonsLabel")}
            value={reasons}
            onChange={(v) => {
              setReasons(v);
              fields.clear("reasons");
            }}
            error={fields.of("reasons")}
            withAsterisk
          >
            <Stack gap={6} mt={6}>
              {reasonList.map((r) => (
                <Checkbox key={r} value={r} label={t(`reason.${r}`)} />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        {action === "withdraw" && (
          <Select
            label={t("web.action.withdrawReason")}
            withAsterisk
            value={withdrawReason}
            onChange={(v) => {
              setWithdrawReason(v);
              fields.clear("reason");
            }}
            error={fields.of("reason")}
            data={WITHDRAW_REASONS.map((r) => ({ value: r, label: t(`web.withdraw.${r}`) }))}
          />
        )}
        {action === "overturn-dispute" && (
          <Radio.Group label={t("web.action.overturnTo")} value={to} onChange={setTo}>
            <Group mt={6}>
              <Radio value="under_review" label={t("web.action.overturnUnderReview")} />
              <Radio value="approved" label={t("web.action.overturnApproved")} />
            </Group>
          </Radio.Group>
        )}
        {action === "approve" && (claim.competingClaims?.length ?? 0) > 0 && (
          <Checkbox.Group label={t("web.action.keepCompeting")} value={keep} onChange={setKeep}>
            <Stack gap={6} mt={6}>
              {claim.competingClaims?.map((c) => (
                <Checkbox
                  key={c.id}
                  value={c.id}
                  label={`${c.number} · ${c.organizationName} (${t(`status.${c.status}`)})`}
                />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        {action === "dispute" && documents.length > 0 && (
          <Checkbox.Group label={t("web.action.disputeDocuments")} value={docIds} onChange={setDocIds}>
            <Stack gap={6} mt={6}>
              {documents.map((d) => (
                <Checkbox key={d.id} value={d.id} label={d.filename} />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        {hasComment && (
          <Textarea
            label={commentLabel}
            withAsterisk={needsComment}
            autosize
            minRows={3}
            value={comment}
            onChange={(e) => {
              setComment(e.currentTarget.value);
              fields.clear(commentField);
            }}
            error={fields.of(commentField)}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("web.cancel")}
          </Button>
          <Button
            onClick={run}
            loading={busy}
            disabled={!ready && action !== "withdraw"}
            color={["reject", "withdraw", "uphold-dispute"].includes(action) ? "red" : undefined}
          >
            {t(`web.action.${action}`)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
