// The app: providers (theme, language, session, notifications), the routes, each page loaded on
// demand so that the first load carries only the shell and the page in view.
import { Center, type CSSVariablesResolver, createTheme, Loader, MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { lazy, Suspense, useCallback, useEffect, useState } from "react";
import { BrowserRouter, Navigate, Route, Routes } from "react-router";
import { ExpiredSessionModal } from "../features/auth/components/expired-session-modal.tsx";
import { SignIn } from "../features/auth/components/sign-in.tsx";
// The first screen after sign-in comes with the first load (it is in the budget anyway): one
// round trip less before the dashboard can ask for its data.
import Dashboard from "../features/claims/components/dashboard.tsx";
import { initialLanguage, type Lang, LanguageProvider } from "../i18n/index.tsx";
import { patch } from "../lib/api-client.ts";
import { type Session, SessionProvider, useSession } from "../lib/session.tsx";
import { Layout } from "./layout/layout.tsx";

const ClaimPage = lazy(() => import("../features/claims/components/claim-page.tsx"));
const NewClaim = lazy(() => import("../features/claims/components/new-claim.tsx"));
const ReviewQueue = lazy(() => import("../features/review/components/review-queue.tsx"));
const NotificationsPage = lazy(() => import("../features/notifications/components/notifications-page.tsx"));
const Admin = lazy(() => import("../features/admin/components/admin.tsx"));
const Payouts = lazy(() => import("../features/payouts/components/payouts.tsx"));

// Shade 8 and auto contrast: Mantine's default blue and red on white fall short of WCAG AA (4.5:1).
const theme = createTheme({
  primaryColor: "blue",
  primaryShade: 8,
  autoContrast: true,
  defaultRadius: "md",
  fontFamily: "system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif",
});

// Dimmed text in gray 7, which keeps 4.5:1 on white.
const resolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { "--mantine-color-dimmed": "var(--mantine-color-gray-7)" },
  dark: {},
});

const fallback = (
  <Center h="50vh">
    <Loader aria-label="Loading" />
  </Center>
);

function Routed() {
  const { session, loading, update } = useSession();
  const [lang, setLangState] = useState<Lang>(initialLanguage);
  useEffect(() => {
    const l = session?.user.locale;
    if (l === "en" || l === "es") setLangState(l);
  }, [session?.user.locale]);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback(
    (l: Lang) => {
      setLangState(l);
      localStorage.setItem("claimdesk.lang", l);
      // Remembered per user on the server, so that it follows them to another browser.
      if (session)
        void patch<Session>("/api/v1/session", { locale: l })
          .then(update)
          .catch(() => undefined);
    },
    [session, update],
  );
  return (
    <LanguageProvider value={{ lang, setLang, timeZone: session?.timeZone ?? undefined }}>
      {loading ? (
        fallback
      ) : !session ? (
        <SignIn />
      ) : (
        <>
          <ExpiredSessionModal />
          <Layout>
            <Suspense fallback={fallback}>
              <Routes>
                <Route path="/" element={<Dashboard />} />
                <Route path="/claims/new" element={<NewClaim />} />
                <Route path="/claims/:id" element={<ClaimPage />} />
                <Route path="/review" element={<ReviewQueue />} />
                <Route path="/notifications" element={<NotificationsPage />} />
                <Route path="/payouts/*" element={<Payouts />} />
                <Route path="/admin/*" element={<Admin />} />
                <Route path="*" element={<Navigate to="/" replace />} />
              </Routes>
            </Suspense>
          </Layout>
        </>
      )}
    </LanguageProvider>
  );
}

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={resolver}>
      <Notifications position="top-right" />
      <BrowserRouter>
        <SessionProvider>
          <Routed />
        </SessionProvider>
      </BrowserRouter>
    </MantineProvider>
  );
}
