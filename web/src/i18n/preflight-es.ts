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
  unreadableCode: {
    image:
      "{{name}} es una imagen, que la revisión no puede leer. Adjunte el documento en PDF o DOCX para que se revise.",
    unsupported_type:
      "{{name}} es de un tipo que la revisión no puede leer. Adjunte un PDF o DOCX para que se revise.",
    damaged: "No se pudo leer {{name}}: el archivo parece dañado o no es lo que dice su nombre.",
    too_slow: "{{name}} tardó demasiado en leerse, así que no se revisó.",
    too_much_memory: "{{name}} es demasiado grande para leerlo, así que no se revisó.",
    reader_failed: "No se pudo leer {{name}} por un problema de nuestra parte.",
    gone: "{{name}} se eliminó antes de poder leerlo.",
  },
  note: {
    digital_signature: "El PDF lleva una firma digital.",
    unsigned_signature_field: "El PDF tiene un campo de firma, pero no está firmado.",
    signature_line: "Hay una línea de firma, pero una firma manuscrita no se puede leer como texto.",
    no_text: "El documento casi no tiene texto (¿un escaneo?), así que no se puede leer.",
  },
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
