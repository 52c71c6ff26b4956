import { Alert, Button, Center, Paper, PasswordInput, Stack, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { LanguageSwitch } from "../../../components/language-switch.tsx";
import { useT } from "../../../i18n/index.tsx";
import "../../../i18n/problem-texts.ts";
import { ApiError } from "../../../lib/api-client.ts";
import { humanError } from "../../../lib/human-error.ts";
import { useSession } from "../../../lib/session.tsx";

export function SignInForm({ onDone }: { onDone?: () => void }) {
  const { t } = useT();
  const { signIn } = useSession();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
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
          onChange={(e) => setEmail(e.currentTarget.value)}
        />
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
      </Stack>
    </form>
  );
}

export default function SignIn() {
  const { t } = useT();
  return (
    <main>
      <Center mih="100vh" p="md">
        <Paper withBorder shadow="sm" p="xl" w={400}>
          <Stack>
            <Title order={1} size="h2">
              {t("web.signIn.title")}
            </Title>
            <SignInForm />
            <LanguageSwitch />
          </Stack>
        </Paper>
      </Center>
    </main>
  );
}
