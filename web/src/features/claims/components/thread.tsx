// A claim's comments, and the box to add one (the history is in history.tsx).
import { Button, Card, Group, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { useT } from "../../../i18n/index.tsx";
import type { Comment } from "../../../lib/api-types.ts";
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
