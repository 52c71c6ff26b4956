// The PoE template (issue 14): a fillable PDF with one field for each thing the preflight looks
// for, so a partner who fills it in gets a document that passes every check. Built with pdf-lib on
// first request per language and kept: the bytes never change while the process runs.
import { PDFDocument, type PDFFont, type PDFPage, StandardFonts } from "pdf-lib";
import type { Locale } from "../../i18n/index.ts";
import { addSignatureField } from "./pdf-signature-field.ts";

/** Field names, the same in both languages, so a filled template can be read by name. */
export const POE_TEMPLATE_FIELDS = [
  "customer_name",
  "customer_tenant",
  "products",
  "start_date",
  "completion_date",
  "partner_work",
  "signer_name",
  "signer_title",
  "signed_date",
] as const;
export type PoeTemplateField = (typeof POE_TEMPLATE_FIELDS)[number];
export const POE_SIGNATURE_FIELD = "customer_signature";

const TEXT: Record<
  Locale,
  {
    title: string;
    intro: string;
    labels: Record<PoeTemplateField, string>;
    signature: string;
    footer: string;
  }
> = {
  en: {
    title: "Proof of Execution",
    intro: "The customer confirms that the partner carried out the work described below.",
    labels: {
      customer_name: "Customer name",
      customer_tenant: "Customer tenant ID or domain",
      products: "Products and workloads",
      start_date: "Start date",
      completion_date: "Completion date",
      partner_work: "Description of the partner's work",
      signer_name: "Customer signer: name",
      signer_title: "Customer signer: title",
      signed_date: "Date signed",
    },
    signature: "Customer signature",
    footer: "Signed by the customer. Dates as YYYY-MM-DD.",
  },
  es: {
    title: "Prueba de ejecución",
    intro: "El cliente confirma que el socio realizó el trabajo que se describe a continuación.",
    labels: {
      customer_name: "Nombre del cliente",
      customer_tenant: "Id. de inquilino o dominio del cliente",
      products: "Productos y cargas de trabajo",
      start_date: "Fecha de inicio",
      completion_date: "Fecha de finalización",
      partner_work: "Descripción del trabajo del socio",
      signer_name: "Firmante del cliente: nombre",
      signer_title: "Firmante del cliente: cargo",
      signed_date: "Fecha de firma",
    },
    signature: "Firma del cliente",
    footer: "Firmado por el cliente. Fechas como AAAA-MM-DD.",
  },
};

const cache = new Map<Locale, Promise<Uint8Array>>();

export function poeTemplate(locale: Locale): Promise<Uint8Array> {
  let pdf = cache.get(locale);
  if (!pdf) {
    pdf = buildPoeTemplate(locale);
    cache.set(locale, pdf);
  }
  return pdf;
}

async function buildPoeTemplate(locale: Locale): Promise<Uint8Array> {
  const t = TEXT[locale];
  // No creation date: the template's bytes depend on the language alone.
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(t.title);
  doc.setLanguage(locale);
  const page = doc.addPage([612, 792]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  page.drawText(t.title, { x: 56, y: 730, size: 20, font: bold });
  page.drawText(t.intro, { x: 56, y: 706, size: 10, font });
  const form = doc.getForm();
  let y = 670;
  for (const name of POE_TEMPLATE_FIELDS) {
    const tall = name === "partner_work";
    const height = tall ? 130 : 20;
    label(page, bold, t.labels[name], y);
    const field = form.createTextField(name);
    if (tall) field.enableMultiline();
    field.addToPage(page, { x: 56, y: y - 6 - height, width: 500, height, font });
    y -= height + 30;
  }
  label(page, bold, t.signature, y);
  page.drawRectangle({ x: 56, y: y - 56, width: 260, height: 50, borderWidth: 0.8 });
  addSignatureField(doc, page, POE_SIGNATURE_FIELD, { x: 56, y: y - 56, width: 260, height: 50 });
  page.drawText(t.footer, { x: 56, y: 40, size: 8, font });
  return doc.save({ useObjectStreams: false });
}

function label(page: PDFPage, font: PDFFont, text: string, y: number): void {
  page.drawText(text, { x: 56, y, size: 10, font });
}
