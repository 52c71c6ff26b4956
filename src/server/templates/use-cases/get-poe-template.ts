// The fillable PoE template in the caller's language: any signed-in user may download it.
import { mayDownloadPoeTemplate } from "../../../domain/policies/evidence.ts";
import { forbidden } from "../../../domain/refusal.ts";
import type { Locale } from "../../../i18n/index.ts";
import type { AppContext } from "../../context.ts";
import type { Principal } from "../../principal.ts";

export async function getPoeTemplate(
  _ctx: AppContext,
  principal: Principal,
  input: { locale: Locale },
): Promise<{ filename: string; content: Uint8Array }> {
  if (!mayDownloadPoeTemplate(principal)) throw forbidden("sign in to download the PoE template");
  // Loaded on the first download: pdf-lib need not slow every start.
  const { poeTemplate } = await import("../poe-template.ts");
  const content = await poeTemplate(input.locale);
  return { filename: input.locale === "es" ? "prueba-de-ejecucion.pdf" : "proof-of-execution.pdf", content };
}
