// A claim's status as a coloured badge in the reader's language. Sized to its words (the theme's
// badge, app/providers.tsx): a long status wraps inside the badge rather than being cut.
import { Badge } from "@mantine/core";
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

/** Text darker than the light variant's own where that fails contrast (orange: 3.6:1, this 5.5:1). */
const TEXT: Partial<Record<Status, string>> = { partner_action_required: "#a8380b" };

export function StatusBadge({ status }: { status: Status }) {
  const { t } = useT();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" styles={{ label: { color: TEXT[status] } }}>
      {t(`status.${status}`)}
    </Badge>
  );
}
