// Textos de las pantallas de administración y pagos, en español.
import type { Messages } from "../../../src/i18n/messages.ts";
import type { adminEn } from "./admin-en.ts";

export const adminEs: Messages<typeof adminEn> = {
  placeholder: "Administración",
};
