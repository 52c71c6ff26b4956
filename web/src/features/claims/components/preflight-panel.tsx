// The PoE preflight of a claim's documents (issue 14): for the partner, before submitting, what a
// reviewer would likely send the claim back for; for the reviewer, the same checklist with one click
// to turn the failed checks into an information request. A hint only: it never blocks anything.
// Loaded lazily (default export): its texts and the domain's summary come with it.
import { Alert, Badge, Button, Card, Group, Loader, Stack, Text, Title } from "@mantine/core";
import {
  NOTES_WITH_QUOTE,
  PREFLIGHT_CHECKS,
  type PreflightCheckName,
  type PreflightReason,
  summarizePreflight,
} from "../../../../../src/domain/preflight/index.ts";
import { useT } from "../../../i18n/index.tsx";
import "../../../i18n/preflight-texts.ts";
import type { ClaimDocument } from "../../../lib/api-types.ts";
import { usePreflightDocuments } from "../api/preflight-queries.ts";

type Line = ClaimDocument["preflight"]["checks"][number];
const RANK = { pass: 2, unknown: 1, warn: 0 } as const;
const COLOR = { pass: "green", unknown: "gray", warn: "orange" } as const;

export interface PreflightPanelProps {
  claimId: string;
  /** Given to the reviewer: opens the information request with these reasons and this comment. */
  onAskInformation?(reasons: PreflightReason[], comment: string): void;
}

/** Each check's best line over the read documents: evidence may sit in any of them. */
function bestLines(docs: ClaimDocument[]): Map<PreflightCheckName, Line> {
  const best = new Map<PreflightCheckName, Line>();
  for (const d of docs)
    for (const line of d.preflight.checks) {
      const now = best.get(line.check);
      if (!now || RANK[line.result] > RANK[now.result]) best.set(line.check, line);
    }
  return best;
}

/** The check's note in the reader's language, and the document's words where it quotes them. */
function Evidence({ evidence }: { evidence: NonNullable<Line["evidence"]> }) {
  const { t } = useT();
  const { note, page, snippet } = evidence;
  const quoted = !note || NOTES_WITH_QUOTE.includes(note);
  return (
    <Text size="xs" c="dimmed" style={{ wordBreak: "break-word" }}>
      {note && `${t(`preflight.note.${note}`)} `}
      {quoted && `${page ? `${t("preflight.page", { page })}: ` : ""}“${snippet}”`}
    </Text>
  );
}

export default function PreflightPanel({ claimId, onAskInformation }: PreflightPanelProps) {
  const { t } = useT();
  const docs = usePreflightDocuments(claimId).data?.items ?? [];
  if (docs.length === 0) return null;
  const summary = summarizePreflight(docs.map((d) => d.preflight));
  const lines = bestLines(docs);
  const reasons = summary.predictedReasons.map((r) => t(`reason.${r}`)).join(", ");
  const unreadable = docs.filter((d) => d.preflight.status === "unreadable");
  return (
    <Card withBorder data-testid="preflight">
      <Stack gap="xs">
        <Title order={2} size="h5">
          {t("preflight.title")}
        </Title>
        {summary.status === "pending" && (
          <Group gap="xs" role="status">
            <Loader size="xs" />
            <Text size="sm">{t("preflight.reading")}</Text>
          </Group>
        )}
        {summary.predictedReasons.length > 0 ? (
          <Alert color="yellow" p="xs" role="status">
            {t("preflight.likely", { reasons })}
          </Alert>
        ) : (
          summary.status === "done" && (
            // Mantine's darkest green is 4.4:1 on white; this one is 6.6:1 (WCAG AA asks 4.5:1).
            <Text size="sm" style={{ color: "#1e6b30" }}>
              {t("preflight.clear")}
            </Text>
          )
        )}
        <Stack gap={6} component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {PREFLIGHT_CHECKS.map((name) => {
            const line = lines.get(name);
            if (!line) return null;
            return (
              <li key={name}>
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  {/* Dark text on the light tint: Mantine's tinted text falls short of 4.5:1. */}
                  <Badge color={COLOR[line.result]} variant="light" c="dark.8" style={{ flexShrink: 0 }}>
                    {t(`preflight.result.${line.result}`)}
                  </Badge>
                  <Stack gap={0}>
                    <Text size="sm">{t(`preflight.check.${name}`)}</Text>
                    {line.missingProducts && line.missingProducts.length > 0 && (
                      <Text size="xs" c="dimmed">
                        {t("preflight.missingProducts", { products: line.missingProducts.join(", ") })}
                      </Text>
                    )}
                    {line.evidence && <Evidence evidence={line.evidence} />}
                  </Stack>
                </Group>
              </li>
            );
          })}
        </Stack>
        {unreadable.map((d) => (
          <Text key={d.id} size="xs" c="dimmed">
            {d.preflight.unreadableCode
              ? t(`preflight.unreadableCode.${d.preflight.unreadableCode}`, { name: d.filename })
              : t("preflight.unreadable", { name: d.filename, reason: d.preflight.unreadableReason ?? "" })}
          </Text>
        ))}
        {onAskInformation && summary.predictedReasons.length > 0 && (
          <Button
            variant="light"
            size="xs"
            onClick={() => onAskInformation(summary.predictedReasons, t("preflight.askComment", { reasons }))}
          >
            {t("preflight.askInformation")}
          </Button>
        )}
        {!onAskInformation && (
          <Text size="xs" c="dimmed">
            {t("preflight.hint")}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
