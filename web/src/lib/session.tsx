// Who is signed in: loaded once from GET /api/v1/session, kept in context, cleared on sign-out.
// The session carries the caller's abilities; screens show what those allow and never compare
// roles. A 401 from any call marks the session expired: the app then asks for the password again
// in place, so that a half-filled form is not lost. Signing in or out empties the query cache, so
// that one user's data is never shown to the next.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from "react";
import { client, data, onSessionExpired, setCsrfToken } from "./api-client.ts";
import type { Session as SessionAnswer } from "./api-types.ts";
import { queryClient } from "./query-client.ts";

export type Session = SessionAnswer;
export type SessionAbilities = Session["abilities"];

interface SessionState {
  session: Session | null;
  loading: boolean;
  expired: boolean;
  signIn(email: string, password: string): Promise<Session>;
  signOut(): Promise<void>;
  setLocale(locale: "en" | "es"): Promise<void>;
}

const Ctx = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(null);
  const [loading, setLoading] = useState(true);
  const [expired, setExpired] = useState(false);

  const update = useCallback((s: Session | null) => {
    setCsrfToken(s?.csrfToken ?? null);
    setSession(s);
  }, []);

  useEffect(() => {
    data(client.GET("/api/v1/session"))
      .then(update)
      .catch(() => update(null))
      .finally(() => setLoading(false));
    return onSessionExpired(() => setExpired(true));
  }, [update]);

  const signIn = useCallback(
    async (email: string, password: string) => {
      const s = await data(client.POST("/api/v1/session", { body: { email, password } }));
      // The same user signing in again after expiry keeps the page's data; anyone else starts clean.
      if (s.user.id !== session?.user.id) queryClient.clear();
      update(s);
      setExpired(false);
      return s;
    },
    [update, session?.user.id],
  );
  const signOut = useCallback(async () => {
    const answer = await client.DELETE("/api/v1/session").catch(() => undefined);
    queryClient.clear();
    // A session an identity provider opened ends there too (RP-initiated logout): the browser goes
    // to the IdP's logout page, which comes back to Claimdesk's sign-in page.
    const logoutUrl = answer?.data?.logoutUrl;
    if (logoutUrl && /^https?:\/\//.test(logoutUrl)) {
      window.location.assign(logoutUrl);
      return;
    }
    update(null);
  }, [update]);
  const setLocale = useCallback(
    async (locale: "en" | "es") => {
      update(await data(client.PATCH("/api/v1/session", { body: { locale } })));
    },
    [update],
  );

  return (
    <Ctx.Provider value={{ session, loading, expired, signIn, signOut, setLocale }}>{children}</Ctx.Provider>
  );
}

export function useSession(): SessionState {
  const s = useContext(Ctx);
  if (!s) throw new Error("useSession outside SessionProvider");
  return s;
}

/** The signed-in user; only inside the signed-in part of the app. */
export function useUser(): Session {
  const { session } = useSession();
  if (!session) throw new Error("useUser without a session");
  return session;
}

/** The caller's global abilities (what the navigation and sections follow). */
export function useAbilities(): SessionAbilities {
  return useUser().abilities;
}
