// The sign-in page: a password, and "Sign in with …" for the identity providers of the address's
// domain (asked as the address is typed). An organisation that switched passwords off sees only
// its providers. A sign-in the identity provider's callback refused comes back here with
// ?signInError=<reason>, worded in the reader's language.
import {
  Alert,
  Button,
  Center,
  Divider,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
import { useSearchParams } from "react-router";
import { isSignInFailure, type SignInFailure } from "../../../../../src/domain/sign-in-failures.ts";
import { LanguageSwitch } from "../../../components/language-switch.tsx";
import { useT } from "../../../i18n/index.tsx";
import "../../../i18n/problem-texts.ts";
import "../../../i18n/sign-in-texts.ts";
import { ApiError } from "../../../lib/api-client.ts";
import { humanError } from "../../../lib/human-error.ts";
import { useSession } from "../../../lib/session.tsx";
import { useSignInOptions } from "../api/sign-in-options.ts";

/** Where the browser returns after the identity provider: this page, without the old error. */
function returnTo(): string {
  const url = new URL(window.location.href);
  url.searchParams.delete("signInError");
  return `${url.pathname}${url.search}`;
}

export function SignInForm({ onDone }: { onDone?: () => void }) {
  const { t } = useT();
  const { signIn } = useSession();
  const [email, setEmail] = useState("");
  const [left, setLeft] = useState(false);
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const options = useSignInOptions(email, left);
  const providers = options.data?.providers ?? [];
  const passwordAllowed = options.data?.passwordAllowed ?? true;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // Enter in the address field of an organisation without passwords: its buttons are the way.
    if (!passwordAllowed) return;
    setBusy(true);
    setError(null);
    try {
      await signIn(email, password);
      onDone?.();
    } catch (err) {
      // A wrong password reads as such; a flood, a lost connection or a fault says its own reason.
      setError(err instanceof ApiError && err.status === 401 ? t("web.signIn.failed") : humanError(err, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} aria-label={t("web.signIn.title")}>
      <Stack>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <TextInput
          label={t("web.signIn.email")}
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => {
            setEmail(e.currentTarget.value);
            setLeft(false);
          }}
          onBlur={() => setLeft(true)}
        />
        {providers.map((p) => (
          <Button
            key={p.id}
            component="a"
            variant="light"
            href={`${p.startUrl}?returnTo=${encodeURIComponent(returnTo())}`}
          >
            {t("signInUi.with", { name: p.name })}
          </Button>
        ))}
        {passwordAllowed ? (
          <>
            {providers.length > 0 && <Divider label={t("signInUi.or")} labelPosition="center" />}
            <PasswordInput
              label={t("web.signIn.password")}
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <Button type="submit" loading={busy}>
              {t("web.signIn.submit")}
            </Button>
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {t("signInUi.providersOnly")}
          </Text>
        )}
      </Stack>
    </form>
  );
}

/** The reason the identity provider's sign-in was refused, read once and taken off the address. */
function useCallbackError(): SignInFailure | null {
  const [params, setParams] = useSearchParams();
  const [reason] = useState(() => {
    const raw = params.get("signInError");
    return raw === null ? null : isSignInFailure(raw) ? raw : "failed";
  });
  useEffect(() => {
    if (!params.has("signInError")) return;
    const next = new URLSearchParams(params);
    next.delete("signInError");
    setParams(next, { replace: true });
  }, [params, setParams]);
  return reason;
}

export default function SignIn() {
  const { t } = useT();
  const failure = useCallbackError();
  return (
    <main>
      <Center mih="100vh" p="md">
        <Paper withBorder shadow="sm" p="xl" w={400} maw="100%">
          <Stack>
            <Title order={1} size="h2">
              {t("web.signIn.title")}
            </Title>
            {failure && (
              <Alert color="red" role="alert" title={t("signInUi.errorTitle")}>
                {t(`signInUi.errors.${failure}`)}
              </Alert>
            )}
            <SignInForm />
            <LanguageSwitch />
          </Stack>
        </Paper>
      </Center>
    </main>
  );
}
