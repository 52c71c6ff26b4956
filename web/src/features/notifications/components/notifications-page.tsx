// The caller's notifications, newest first; opening one marks it read.
import { Anchor, Button, Card, Group, Stack, Switch, Text, Title } from "@mantine/core";
import { useState } from "react";
import { Link } from "react-router";
import { ErrorAlert } from "../../../components/error-alert.tsx";
import { useT } from "../../../i18n/index.tsx";
import { useMarkAllRead, useMarkRead, useNotifications } from "../api/notifications.ts";

export default function NotificationsPage() {
  const { t, dateTime } = useT();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useNotifications({ unread: unreadOnly || undefined, limit: 100 });
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
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
          <Button
            variant="light"
            onClick={() => markAll.mutate()}
            loading={markAll.isPending}
            disabled={!list.data?.unread}
          >
            {t("web.notifications.markAll")}
          </Button>
        </Group>
      </Group>
      <ErrorAlert error={list.error ?? markRead.error ?? markAll.error} />
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
                  onClick={() => markRead.mutate(n.id)}
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
              <Button size="xs" variant="subtle" onClick={() => markRead.mutate(n.id)}>
                {t("web.notifications.markRead")}
              </Button>
            )}
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
