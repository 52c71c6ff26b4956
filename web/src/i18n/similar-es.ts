// Textos de la lista de reclamaciones similares del revisor, en español.
import type { Messages } from "../../../src/i18n/messages.ts";
import type { similarEn } from "./similar-en.ts";

export const similarEs: Messages<typeof similarEn> = {
  title: "Reclamaciones similares",
  hint: "Evidencia reutilizada o un cliente parecido en otras reclamaciones. Solo lo ven los revisores.",
  none: "No se ha encontrado evidencia reutilizada ni clientes parecidos.",
  reason: {
    same_file: "Mismo archivo",
    similar_text: "Texto casi idéntico ({{score}} %)",
    domain_variant: "Dominio de cliente parecido",
  },
  by: "de {{organization}}",
};
