// GET /api/v1/session/providers?email=: the "Sign in with …" buttons for an address, and whether
// its organisation still takes a password. Asked once the address has settled (debounced), and
// cached per domain, since the answer depends on nothing else.
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { client, data } from "../../../lib/api-client.ts";
import { ROOTS } from "../../../lib/query-keys.ts";

const domainOf = (email: string) => {
  const m = /^[^@\s]+@([^@\s]+\.[^@\s]{2,})$/.exec(email.trim().toLowerCase());
  return m?.[1] ?? null;
};

/** `settled`: the field was left, so ask now rather than after the pause. */
export function useSignInOptions(email: string, settled: boolean) {
  const [debounced] = useDebouncedValue(email, 400);
  const current = settled ? email : debounced;
  const domain = domainOf(current);
  return useQuery({
    queryKey: [ROOTS.session, "providers", domain],
    queryFn: () =>
      data(client.GET("/api/v1/session/providers", { params: { query: { email: current.trim() } } })),
    enabled: domain !== null,
    staleTime: 60_000,
    retry: false,
  });
}
