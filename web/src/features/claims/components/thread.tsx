// Comments and the full history (with the before and after of every change).
import { Button, Card, Code, Group, Stack, Text, Textarea, Timeline } from "@mantine/core";
import { useState } from "react";
import { useT } from "../../../i18n/index.tsx";
import type { Comment, HistoryEntry } from "../../../lib/api-types.ts";
import { useAddComment } from "../api/claim-mutations.ts";

export function Comments({
  claimId,
  comments,
  canComment,
}: {
  claimId: string;
  comments: Comment[];
  canComment: boolean;
}) {
  const { t, dateTime } = useT();
  const [body, setBody] = useState("");
  const addComment = useAddComment(claimId);
  const add = () => addComment.mutate(body.trim(), { onSuccess: () => setBody("") });
  return (
    <Stack>
      {comments.length === 0 && <Text c="dimmed">{t("web.claim.noComments")}</Text>}
      {comments.map((c) => (
        <Card key={c.id} withBorder padding="sm" bg={c.author.side === "operator" ? "blue.0" : undefined}>
          <Text size="xs" c="dimmed">
            {c.author.name} · {dateTime(c.createdAt)}
          </Text>
          <Text style={{ whiteSpace: "pre-wrap" }}>{c.body}</Text>
        </Card>
      ))}
      {canComment && (
        <Stack gap="xs">
          <Textarea
            label={t("web.claim.comment")}
            placeholder={t("web.claim.commentPlaceholder")}
            autosize
            minRows={2}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button onClick={add} loading={addComment.isPending} disabled={!body.trim()}>
              {t("web.claim.addComment")}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}

const show = (v: unknown) =>
  v === null || v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v);

/** An edit's before and after per field, read from the event's data (unknown: a JSON object). */
function changesOf(v: unknown): [string, { before: unknown; after: unknown }][] {
  if (typeof v !== "object" || v === null) return [];
  return Object.entries(v).flatMap(([field, c]: [string, unknown]) =>
    typeof c === "object" && c !== null
      ? [[field, { before: Reflect.get(c, "before"), after: Reflect.get(c, "after") }]]
      : [],
  );
}

export function History({ entries }: { entries: HistoryEntry[] }) {
  const { t, dateTime } = useT();
  return (
    <Timeline bulletSize={14} lineWidth={2}>
      {entries.map((h) => {
        const changes = changesOf(h.data.changes);
        const reasons = Array.isArray(h.data.reasons)
          ? h.data.reasons.filter((r): r is string => typeof r === "string")
          : [];
        return (
          <Timeline.Item key={h.seq} title={t(`web.event.${h.event}`, { defaultValue: h.event })}>
            <Text size="xs" c="dimmed">
              {dateTime(h.at)} · {h.actor.kind === "system" ? t("web.claim.system") : h.actor.name}
            </Text>
            {reasons.length > 0 && <Text size="sm">{reasons.map((r) => t(`reason.${r}`)).join(", ")}</Text>}
            {typeof h.data.comment === "string" && h.data.comment && (
              <Text size="sm" fs="italic">
                “{h.data.comment}”
              </Text>
            )}
            {changes.map(([field, c]) => (
              <Code key={field} block fz="xs" mt={4}>
                {t("web.claim.changed", { field, before: show(c.before), after: show(c.after) })}
              </Code>
            ))}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
