// The frame around every page: header with navigation for the user's role, unread notifications,
// language and sign-out.
import { Anchor, AppShell, Badge, Button, Group, Text } from "@mantine/core";
import { type ReactNode, useEffect, useState } from "react";
import { Link, NavLink, useLocation } from "react-router";
import { get } from "../api/client.ts";
import { useT } from "../i18n/index.tsx";
import { LanguageSwitch } from "./LanguageSwitch.tsx";
import { canFile, useSession, useUser } from "./session.tsx";

function NavItem({ to, children }: { to: string; children: ReactNode }) {
  return (
    <NavLink
      to={to}
      end={to === "/"}
      style={({ isActive }) => ({
        padding: "6px 10px",
        borderRadius: 6,
        textDecoration: "none",
        color: isActive ? "white" : "var(--mantine-color-blue-9)",
        background: isActive ? "var(--mantine-color-blue-7)" : "transparent",
        fontWeight: 500,
      })}
    >
      {children}
    </NavLink>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useT();
  const { user } = useUser();
  const { signOut } = useSession();
  const location = useLocation();
  const [unread, setUnread] = useState(0);
  useEffect(() => {
    // Refreshed on every navigation: cheap, and enough for a count in the header.
    void location.pathname;
    get<{ unread: number }>("/api/v1/notifications?limit=1")
      .then((r) => setUnread(r.unread))
      .catch(() => undefined);
  }, [location.pathname]);
  const money = ["billing_admin", "global_admin", "program_admin"].includes(user.role);
  const admin = user.role === "program_admin" || user.role === "global_admin";
  return (
    <AppShell header={{ height: 64 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Anchor component={Link} to="/" fw={700} size="lg" underline="never">
              Claimdesk
            </Anchor>
            <nav aria-label={t("web.nav.main")}>
              <Group gap={4} wrap="nowrap">
                <NavItem to="/">{t("web.nav.dashboard")}</NavItem>
                {canFile(user.role) && <NavItem to="/claims/new">{t("web.nav.newClaim")}</NavItem>}
                {user.role === "reviewer" && <NavItem to="/review">{t("web.nav.review")}</NavItem>}
                {money && <NavItem to="/payouts">{t("web.nav.payouts")}</NavItem>}
                {admin && <NavItem to="/admin">{t("web.nav.admin")}</NavItem>}
                <NavItem to="/notifications">
                  {t("web.nav.notifications")}{" "}
                  {unread > 0 && (
                    <Badge
                      size="sm"
                      color="red"
                      variant="filled"
                      aria-label={t("web.nav.unread", { count: unread })}
                    >
                      {unread}
                    </Badge>
                  )}
                </NavItem>
              </Group>
            </nav>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch />
            <Text size="sm" c="dimmed" visibleFrom="md">
              {user.name}
            </Text>
            <Button variant="default" size="xs" onClick={() => void signOut()}>
              {t("web.nav.signOut")}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <main>{children}</main>
      </AppShell.Main>
    </AppShell>
  );
}
