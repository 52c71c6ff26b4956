// Textos de la revisión previa de la prueba de ejecución, en español.
import type { Messages } from "../../../src/i18n/messages.ts";
import type { preflightEn } from "./preflight-en.ts";

export const preflightEs: Messages<typeof preflightEn> = {
  title: "Revisión de la prueba de ejecución",
  reading: "Leyendo los documentos…",
  likely: "Es probable que se devuelva por: {{reasons}}",
  clear: "No se encontró nada por lo que un revisor suela devolverla.",
  hint: "Es una sugerencia a partir de los archivos; nunca impide enviar.",
  unreadable: "No se pudo leer {{name}}: {{reason}}",
  askInformation: "Pedir información sobre las comprobaciones fallidas",
  askComment: "La revisión de la prueba de ejecución encontró: {{reasons}}. Añada lo que falta, por favor.",
  result: { pass: "Encontrado", warn: "No encontrado", unknown: "No se puede saber" },
  check: {
    customer_named: "Cliente nombrado",
    products_named: "Productos reclamados nombrados",
    dates: "Fechas recientes, ninguna futura",
    customer_acknowledgment: "Conformidad del cliente (firma)",
    partner_work_described: "Trabajo del partner descrito",
  },
  page: "página {{page}}",
  missingProducts: "Sin nombrar: {{products}}",
};
