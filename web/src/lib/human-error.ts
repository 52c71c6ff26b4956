// Any thrown value as a sentence for a person: an ApiError by its code, anything else (a bug, a
// lost connection) as the generic sentence; never the raw text.
import { ApiError } from "./api-client.ts";
import { problemMessage, type Translate } from "./problem-messages.ts";

export function humanError(error: unknown, t: Translate): string {
  const known = error instanceof ApiError ? problemMessage(error, t) : null;
  // Until the refusal texts are loaded, i18next answers with the key itself.
  if (known && !known.startsWith("problems.")) return known;
  return t("web.error");
}
