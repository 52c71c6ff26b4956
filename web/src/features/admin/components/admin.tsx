// The administration area: a list of sections on the left, the section on the right (routes relative
// to /admin). Each section shows only when the caller's abilities include it: a program admin sees
// all of them, a global admin its organisation's users and webhooks.
import { Alert, Center, Grid, Loader, NavLink, Stack, Title } from "@mantine/core";
import { type ComponentType, type LazyExoticComponent, lazy, Suspense } from "react";
import { Link, Navigate, Route, Routes, useLocation } from "react-router";
import { useT } from "../../../i18n/index.tsx";
import { type SessionAbilities, useAbilities } from "../../../lib/session.tsx";
import "../../../i18n/admin-texts.ts";

interface Section {
  path: string;
  /** The session ability that opens the section. */
  ability: keyof SessionAbilities;
  Component: LazyExoticComponent<ComponentType>;
}

const SECTIONS: Section[] = [
  { path: "users", ability: "manageUsers", Component: lazy(() => import("../users/components/users.tsx")) },
  {
    path: "organizations",
    ability: "manageOrganizations",
    Component: lazy(() => import("../organizations/components/organizations.tsx")),
  },
  {
    path: "catalog",
    ability: "manageCatalog",
    Component: lazy(() => import("../catalog/components/catalog.tsx")),
  },
  {
    path: "calendars",
    ability: "manageCalendars",
    Component: lazy(() => import("../calendars/components/calendars.tsx")),
  },
  {
    path: "customers",
    ability: "manageCustomerRegistry",
    Component: lazy(() => import("../customers/components/customers.tsx")),
  },
  {
    path: "webhooks",
    ability: "manageWebhooks",
    Component: lazy(() => import("../webhooks/components/webhooks.tsx")),
  },
  {
    path: "identity-providers",
    ability: "manageIdentityProviders",
    Component: lazy(() => import("../identity-providers/components/identity-providers.tsx")),
  },
  { path: "mail", ability: "manageMail", Component: lazy(() => import("../mail/components/mail.tsx")) },
  {
    path: "programs",
    ability: "managePrograms",
    Component: lazy(() => import("../programs/components/programs.tsx")),
  },
  {
    path: "revenue",
    ability: "importRevenue",
    Component: lazy(() => import("../revenue/components/revenue-import.tsx")),
  },
];

const fallback = (
  <Center h={200}>
    <Loader aria-label="Loading" />
  </Center>
);

export default function Admin() {
  const { t } = useT();
  const can = useAbilities();
  const { pathname } = useLocation();
  const sections = SECTIONS.filter((s) => can[s.ability]);
  const first = sections[0];

  if (!first)
    return (
      <Stack>
        <Title order={1}>{t("adminUi.title")}</Title>
        <Alert color="yellow">{t("adminUi.notAllowed")}</Alert>
      </Stack>
    );

  return (
    <Stack>
      <Title order={1}>{t("adminUi.title")}</Title>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, sm: 3, lg: 2 }}>
          <nav aria-label={t("adminUi.sections")}>
            {sections.map((s) => {
              const to = `/admin/${s.path}`;
              const active = pathname === to || pathname.startsWith(`${to}/`);
              return (
                <NavLink
                  key={s.path}
                  component={Link}
                  to={to}
                  label={t(`adminUi.nav.${s.path}`)}
                  active={active}
                  aria-current={active ? "page" : undefined}
                />
              );
            })}
          </nav>
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 9, lg: 10 }}>
          <Suspense fallback={fallback}>
            <Routes>
              <Route index element={<Navigate to={first.path} replace />} />
              {sections.map((s) => (
                <Route key={s.path} path={`${s.path}/*`} element={<s.Component />} />
              ))}
              <Route path="*" element={<Navigate to={`/admin/${first.path}`} replace />} />
            </Routes>
          </Suspense>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
