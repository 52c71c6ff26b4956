// The frame around every page: a header (menu button on small screens, language, sign-out) and a
// side navigation of what the caller's abilities allow, with the unread notifications counted. A side column keeps
// long Spanish labels readable where a header row would overflow. Below the small breakpoint the
// navigation is behind the menu button and the language control moves into it, so that the header
// (menu, name, sign-out) fits a 390 px phone.
import { Anchor, AppShell, Badge, Burger, Button, Group, NavLink, Stack, Text } from "@mantine/core";
import { useDisclosure, useMediaQuery } from "@mantine/hooks";
import { type ReactNode, useEffect } from "react";
import { Link, useLocation } from "react-router";
import { LanguageSwitch } from "../../components/language-switch.tsx";
import { useUnreadCount } from "../../features/notifications/api/unread-count.ts";
import { useT } from "../../i18n/index.tsx";
import { useSession, useUser } from "../../lib/session.tsx";

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useT();
  const { user, abilities: can } = useUser();
  const { signOut } = useSession();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure();
  // Mantine's "sm" (48em): where the navigation collapses behind the menu button.
  const small = useMediaQuery("(max-width: 47.99em)") ?? false;
  // Refreshed on every navigation (the path is part of its key): cheap, and enough for a count in
  // the menu; a change that notifies refreshes it too.
  const unread = useUnreadCount(location.pathname);
  useEffect(() => {
    void location.pathname;
    close();
  }, [location.pathname, close]);
  const admin =
    can.manageUsers ||
    can.manageOrganizations ||
    can.manageCatalog ||
    can.manageCalendars ||
    can.manageCustomerRegistry ||
    can.manageWebhooks ||
    can.manageMail ||
    can.managePrograms ||
    can.importRevenue;
  const items: { to: string; label: string; show: boolean; badge?: number }[] = [
    { to: "/", label: t("web.nav.dashboard"), show: true },
    { to: "/claims/new", label: t("web.nav.newClaim"), show: can.createClaim },
    { to: "/review", label: t("web.nav.review"), show: can.workReviewQueue },
    { to: "/payouts", label: t("web.nav.payouts"), show: can.viewPayouts || can.viewEarnings },
    { to: "/admin", label: t("web.nav.admin"), show: admin },
    {
      to: "/notifications",
      label: t("web.nav.notifications"),
      show: can.readNotifications,
      badge: unread.data ?? 0,
    },
    { to: "/settings/tokens", label: t("web.nav.tokens"), show: can.manageAccessTokens },
  ];
  const active = (to: string) => (to === "/" ? location.pathname === "/" : location.pathname.startsWith(to));
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 250, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t("web.nav.main")}
            />
            <Anchor
              component={Link}
              to="/"
              fw={700}
              size="lg"
              underline="never"
              style={{ whiteSpace: "nowrap" }}
            >
              Claimdesk
            </Anchor>
          </Group>
          <Group gap="sm" wrap="nowrap">
            {!small && <LanguageSwitch />}
            <Text size="sm" c="dimmed" visibleFrom="md">
              {user.name}
            </Text>
            <Button variant="default" size="xs" onClick={() => void signOut()} style={{ flexShrink: 0 }}>
              {t("web.nav.signOut")}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        <nav aria-label={t("web.nav.main")}>
          <Stack gap={2}>
            {items
              .filter((i) => i.show)
              .map((i) => (
                <NavLink
                  key={i.to}
                  component={Link}
                  to={i.to}
                  label={i.label}
                  active={active(i.to)}
                  variant="filled"
                  aria-current={active(i.to) ? "page" : undefined}
                  rightSection={
                    i.badge ? (
                      <Badge
                        size="sm"
                        color="red"
                        variant="filled"
                        aria-label={t("web.nav.unread", { count: i.badge })}
                      >
                        {i.badge}
                      </Badge>
                    ) : undefined
                  }
                />
              ))}
          </Stack>
        </nav>
        {small && (
          <Group mt="md" px="xs">
            <LanguageSwitch />
          </Group>
        )}
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
