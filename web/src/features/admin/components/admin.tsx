// The administration area: a list of sections on the left, the section on the right (routes relative
// to /admin). Each role sees only the sections whose routes it may use: a program admin all of them,
// a global admin its organisation's users and webhooks (the server answers 403 to the rest).
import { Alert, Center, Grid, Loader, NavLink, Stack, Title } from "@mantine/core";
import { type ComponentType, type LazyExoticComponent, lazy, Suspense } from "react";
import { Link, Navigate, Route, Routes, useLocation } from "react-router";
import { useT } from "../../../i18n/index.tsx";
import type { User } from "../../../lib/api-types.ts";
import { useUser } from "../../../lib/session.tsx";
import "../../../i18n/admin-texts.ts";

type Role = User["role"];

interface Section {
  path: string;
  roles: Role[];
  Component: LazyExoticComponent<ComponentType>;
}

const BOTH: Role[] = ["program_admin", "global_admin"];
const PROGRAM: Role[] = ["program_admin"];

const SECTIONS: Section[] = [
  { path: "users", roles: BOTH, Component: lazy(() => import("../users/components/users.tsx")) },
  {
    path: "organizations",
    roles: PROGRAM,
    Component: lazy(() => import("../organizations/components/organizations.tsx")),
  },
  { path: "catalog", roles: PROGRAM, Component: lazy(() => import("../catalog/components/catalog.tsx")) },
  {
    path: "calendars",
    roles: PROGRAM,
    Component: lazy(() => import("../calendars/components/calendars.tsx")),
  },
  {
    path: "customers",
    roles: PROGRAM,
    Component: lazy(() => import("../customers/components/customer-import.tsx")),
  },
  { path: "webhooks", roles: BOTH, Component: lazy(() => import("../webhooks/components/webhooks.tsx")) },
  { path: "mail", roles: PROGRAM, Component: lazy(() => import("../mail/components/mail.tsx")) },
  { path: "programs", roles: PROGRAM, Component: lazy(() => import("../programs/components/programs.tsx")) },
  {
    path: "revenue",
    roles: PROGRAM,
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
  const { user } = useUser();
  const { pathname } = useLocation();
  const sections = SECTIONS.filter((s) => s.roles.includes(user.role));
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
