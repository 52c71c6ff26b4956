import { Anchor, Button, Card, Group, Stack, Switch, Text, Title } from "@mantine/core";
import { useState } from "react";
import { Link } from "react-router";
import { ErrorAlert, useLoad } from "../../../components/common.tsx";
import { useT } from "../../../i18n/index.tsx";
import { get, post, qs } from "../../../lib/api-client.ts";

interface Note {
  id: string;
  title: string;
  claimId: string | null;
  claimNumber: string | null;
  at: string;
  readAt: string | null;
}

export default function NotificationsPage() {
  const { t, dateTime } = useT();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useLoad(
    () =>
      get<{ items: Note[]; unread: number }>(
        `/api/v1/notifications${qs({ unread: unreadOnly || undefined, limit: 100 })}`,
      ),
    [unreadOnly],
  );
  const markAll = async () => {
    await post("/api/v1/notifications/read-all");
    await list.reload();
  };
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t("web.notifications.title")}</Title>
        <Group>
          <Switch
            label={t("web.notifications.unread")}
            checked={unreadOnly}
            onChange={(e) => setUnreadOnly(e.currentTarget.checked)}
          />
          <Button variant="light" onClick={() => void markAll()} disabled={!list.data?.unread}>
            {t("web.notifications.markAll")}
          </Button>
        </Group>
      </Group>
      <ErrorAlert error={list.error} />
      {list.data?.items.length === 0 && <Text c="dimmed">{t("web.notifications.empty")}</Text>}
      {list.data?.items.map((n) => (
        <Card key={n.id} withBorder padding="sm" bg={n.readAt ? undefined : "blue.0"}>
          <Group justify="space-between" wrap="nowrap">
            <Stack gap={2}>
              {n.claimId ? (
                <Anchor
                  component={Link}
                  to={`/claims/${n.claimId}`}
                  fw={n.readAt ? 400 : 700}
                  onClick={() => void post(`/api/v1/notifications/${n.id}/read`)}
                >
                  {n.title}
                </Anchor>
              ) : (
                <Text>{n.title}</Text>
              )}
              <Text size="xs" c="dimmed">
                {dateTime(n.at)}
              </Text>
            </Stack>
            {!n.readAt && (
              <Button
                size="xs"
                variant="subtle"
                onClick={() => void post(`/api/v1/notifications/${n.id}/read`).then(() => list.reload())}
              >
                {t("web.notifications.markRead")}
              </Button>
            )}
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
