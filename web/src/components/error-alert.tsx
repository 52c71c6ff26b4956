// A failed load or action, said in one alert in the reader's words. The refusal texts are not in
// the first load: the first error fetches them, and the alert says a generic sentence meanwhile.
import { Alert } from "@mantine/core";
import { useEffect, useState } from "react";
import { useT } from "../i18n/index.tsx";

type Human = typeof import("./human-error-loaded.ts").humanError;
let human: Human | null = null;
let loading: Promise<void> | null = null;
/** Resolves once the refusal texts and their mapping are in (fetched once). */
function loadHuman(): Promise<void> {
  loading ??= import("./human-error-loaded.ts").then(
    (m) => {
      human = m.humanError;
    },
    () => {
      loading = null;
    },
  );
  return loading;
}

/** The sentence for an error: a generic one until the refusal texts have arrived, then its own. */
export function useErrorText(error: unknown): string | null {
  const { t } = useT();
  const [, setReady] = useState(0);
  useEffect(() => {
    if (error && !human) void loadHuman().then(() => setReady((n) => n + 1));
  }, [error]);
  if (!error) return null;
  return human ? human(error, t) : t("web.error");
}

export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useT();
  const text = useErrorText(error);
  if (!text) return null;
  return (
    <Alert color="red" role="alert" title={title ?? t("web.error")}>
      {text}
    </Alert>
  );
}
