// The app: providers, the language, then either the sign-in screen or the routes, each page loaded
// on demand so that the first load carries only the shell and the page in view.
import { Center, Loader } from "@mantine/core";
import { lazy, Suspense, useCallback, useEffect, useState } from "react";
import { Route, Routes } from "react-router";
// The first screen after sign-in comes with the first load (it is in the budget anyway): one
// round trip less before the dashboard can ask for its data.
import Dashboard from "../features/claims/components/dashboard.tsx";
import { ensureLanguage, initialLanguage, type Lang, LanguageProvider } from "../i18n/index.tsx";
import { useAbilities, useSession } from "../lib/session.tsx";
import { Layout } from "./layout/layout.tsx";
// Tiny, and built of components the first load already has: a chunk of its own would cost more.
import NotFound from "./not-found.tsx";
import { AppProviders } from "./providers.tsx";

// Signing in (a first visit) and signing in again (after expiry) are screens of their own, loaded
// when they are needed: the first load after sign-in carries neither.
const SignIn = lazy(() => import("../features/auth/components/sign-in.tsx"));
const ExpiredSessionModal = lazy(() => import("../features/auth/components/expired-session-modal.tsx"));
const ClaimPage = lazy(() => import("../features/claims/components/claim-page.tsx"));
const NewClaim = lazy(() => import("../features/claims/components/new-claim.tsx"));
const BulkFiling = lazy(() => import("../features/bulk/components/bulk-filing.tsx"));
const ReviewQueue = lazy(() => import("../features/review/components/review-queue.tsx"));
const NotificationsPage = lazy(() => import("../features/notifications/components/notifications-page.tsx"));
const Admin = lazy(() => import("../features/admin/components/admin.tsx"));
const Payouts = lazy(() => import("../features/payouts/components/payouts.tsx"));
const AccessTokens = lazy(() => import("../features/tokens/components/access-tokens.tsx"));

const fallback = (
  <Center h="50vh">
    <Loader aria-label="Loading" />
  </Center>
);

/** The signed-in routes; a screen the caller's abilities do not include is not routed at all. */
function SignedInRoutes() {
  const can = useAbilities();
  return (
    <Routes>
      <Route path="/" element={<Dashboard />} />
      {can.createClaim && <Route path="/claims/new" element={<NewClaim />} />}
      {can.createClaim && <Route path="/claims/bulk" element={<BulkFiling />} />}
      <Route path="/claims/:id" element={<ClaimPage />} />
      {can.workReviewQueue && <Route path="/review" element={<ReviewQueue />} />}
      <Route path="/notifications" element={<NotificationsPage />} />
      {(can.viewPayouts || can.viewEarnings) && <Route path="/payouts/*" element={<Payouts />} />}
      <Route path="/admin/*" element={<Admin />} />
      {can.manageAccessTokens && <Route path="/settings/tokens" element={<AccessTokens />} />}
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

function Routed() {
  const { session, loading, expired, setLocale } = useSession();
  const [lang, setLangState] = useState<Lang>(initialLanguage);
  // The language shown: the chosen one once its texts are in (null until the first is).
  const [shown, setShown] = useState<Lang | null>(null);
  useEffect(() => {
    const l = session?.user.locale;
    if (l === "en" || l === "es") setLangState(l);
  }, [session?.user.locale]);
  useEffect(() => {
    let current = true;
    void ensureLanguage(lang)
      .then(() => current && setShown(lang))
      // Texts that cannot be fetched leave the page in the language it had (English at first).
      .catch(() => current && setShown((s) => s ?? "en"));
    return () => {
      current = false;
    };
  }, [lang]);
  useEffect(() => {
    if (shown) document.documentElement.lang = shown;
  }, [shown]);
  const signedIn = session !== null;
  const setLang = useCallback(
    (l: Lang) => {
      setLangState(l);
      localStorage.setItem("claimdesk.lang", l);
      // Remembered per user on the server, so that it follows them to another browser.
      if (signedIn) void setLocale(l).catch(() => undefined);
    },
    [signedIn, setLocale],
  );
  return (
    <LanguageProvider value={{ lang: shown ?? "en", setLang, timeZone: session?.timeZone ?? undefined }}>
      {loading || !shown ? (
        fallback
      ) : !session ? (
        <Suspense fallback={fallback}>
          <SignIn />
        </Suspense>
      ) : (
        <>
          {expired && (
            <Suspense fallback={null}>
              <ExpiredSessionModal />
            </Suspense>
          )}
          <Layout>
            <Suspense fallback={fallback}>
              <SignedInRoutes />
            </Suspense>
          </Layout>
        </>
      )}
    </LanguageProvider>
  );
}

export function App() {
  return (
    <AppProviders>
      <Routed />
    </AppProviders>
  );
}
