// Who is signed in: loaded once from GET /api/v1/session, kept in context, cleared on sign-out.
// A 401 from any call marks the session expired: the app then asks for the password again in
// place, so that a half-filled form is not lost.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from "react";
import { api, onSessionExpired, setCsrfToken } from "./api-client.ts";
import type { User } from "./api-types.ts";

export interface Session {
  user: User;
  csrfToken: string;
  organization?: { id: string; name: string; partnerIds: string[] } | null;
  timeZone?: string | null;
}

interface SessionState {
  session: Session | null;
  loading: boolean;
  expired: boolean;
  signIn(email: string, password: string): Promise<Session>;
  signOut(): Promise<void>;
  update(session: Session): void;
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
    api<Session>("GET", "/api/v1/session")
      .then(update)
      .catch(() => update(null))
      .finally(() => setLoading(false));
    return onSessionExpired(() => setExpired(true));
  }, [update]);

  const signIn = useCallback(
    async (email: string, password: string) => {
      const s = await api<Session>("POST", "/api/v1/session", { email, password });
      update(s);
      setExpired(false);
      return s;
    },
    [update],
  );
  const signOut = useCallback(async () => {
    await api("DELETE", "/api/v1/session").catch(() => undefined);
    update(null);
  }, [update]);

  return (
    <Ctx.Provider value={{ session, loading, expired, signIn, signOut, update }}>{children}</Ctx.Provider>
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

export const isPartner = (role: string) =>
  ["global_admin", "incentives_admin", "billing_admin"].includes(role);
export const canFile = (role: string) => role === "global_admin" || role === "incentives_admin";
