// A claim's status as a coloured badge in the reader's language. Sized to its words: a long status
// ("Acción del partner requerida") wraps inside the badge rather than being cut with an ellipsis.
import { Badge, type BadgeProps } from "@mantine/core";
import { useT } from "../i18n/index.tsx";
import type { Status } from "../lib/api-types.ts";

const STATUS_COLORS: Record<Status, string> = {
  editing: "gray",
  submitted: "blue",
  under_review: "indigo",
  partner_action_required: "orange",
  approved: "green",
  rejected: "red",
};

/** Mantine's badge is one line cut with an ellipsis; these let it grow to its text instead. */
export const WRAPPING_BADGE: BadgeProps["styles"] = {
  root: { height: "auto", minHeight: "var(--badge-height)", maxWidth: "100%", flexShrink: 0 },
  label: {
    whiteSpace: "normal",
    overflow: "visible",
    textOverflow: "clip",
    lineHeight: 1.3,
    paddingBlock: 2,
  },
};

export function StatusBadge({ status }: { status: Status }) {
  const { t } = useT();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" styles={WRAPPING_BADGE}>
      {t(`status.${status}`)}
    </Badge>
  );
}
