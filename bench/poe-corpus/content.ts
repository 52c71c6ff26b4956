// The words of one document: blocks (title, key/value lines, paragraphs, tables, signature,
// footer) that a renderer lays out as PDF or DOCX. Only the spec's one defect is missing; the
// rest is realistic noise (other dates, invoice numbers, phone numbers, "assigned"/"confirma",
// which contain "signed"/"firma" without being a signature).
import { datesFor, dayBefore, formatDate } from "./dates.ts";
import type { Rng } from "./rng.ts";
import type { DocSpec } from "./spec.ts";
import { PARTNER_PEOPLE, PARTNERS } from "./vocabulary.ts";

export type Block =
  | { kind: "title"; text: string }
  | { kind: "kv"; rows: [string, string][] }
  | { kind: "para"; text: string }
  | { kind: "table"; header: string[]; rows: string[][] }
  /** `field`: the signer's name, filled into a PDF form field beside an (unsigned) signature field. */
  | { kind: "signature"; lines: string[]; field: string | null }
  | { kind: "footer"; text: string };

const T = {
  en: {
    titles: [
      "Proof of Execution",
      "Project Completion Certificate",
      "Customer Acknowledgment Letter",
      "Statement of Work - Acceptance",
    ],
    customer: "Customer",
    partner: "Partner",
    ref: "Project reference",
    date: "Date",
    tenant: "Tenant ID",
    domain: "Customer domain",
    unnamed: "the end customer named in the order",
    intro: (p: string, c: string) =>
      `This document confirms that ${p} delivered professional services to ${c} under the agreed engagement.`,
    scope: "Products in scope",
    scopeNone: "Products in scope: as listed in the master agreement.",
    tableHead: ["Product", "Seats", "Status"],
    live: "In production",
    work: [
      (x: string, _n: string) =>
        `Our assigned consultants planned and deployed ${x} for the customer's users, including tenant configuration and security baselines.`,
      (x: string, n: string) =>
        `We migrated ${n} mailboxes and documents, configured conditional access and rolled out ${x} to all business units.`,
      (_x: string, _n: string) =>
        "The team ran discovery workshops, designed the target architecture and documented every configuration decision.",
      (_x: string, _n: string) =>
        "End-user training sessions were delivered to key users and administrators, followed by two weeks of hypercare support.",
      (x: string, _n: string) =>
        `We integrated ${x} with the existing line-of-business systems and automated the onboarding of new employees.`,
    ],
    noWork: "Services: as agreed.",
    started: (a: string, b: string) => `Work started on ${a} and was completed on ${b}.`,
    future: (d: string) => `A follow-up governance review is scheduled for ${d}.`,
    invoice: ["Invoice No.", "Invoice date", "Amount"],
    sigLabel: "Customer signature: ______________________",
    name: "Name",
    title: "Title",
    signedBy: (n: string, t: string, d: string) => `Signed by ${n}, ${t}${d ? ` on ${d}` : ""}.`,
    digital: (n: string) => `Digitally signed by ${n}`,
    slash: (n: string) => `/s/ ${n}`,
    acceptedBy: (n: string, t: string) => `Accepted by ${n}, ${t}.`,
    signedShort: (n: string) => `Signed: ${n}`,
    accepted: "Acknowledged and accepted by the customer:",
    prepared: (n: string, p: string) => `Prepared by ${n}, ${p}. Questions: +1 425 555 0100.`,
    footer: (d: string) =>
      `Page 1 of 1${d ? ` - Printed ${d}` : ""} - Confidential - Ref. INV-2025-0042 v3.12`,
  },
  es: {
    titles: [
      "Prueba de Ejecución",
      "Certificado de Finalización del Proyecto",
      "Carta de Reconocimiento del Cliente",
      "Acta de Aceptación de Servicios",
    ],
    customer: "Cliente",
    partner: "Socio",
    ref: "Referencia del proyecto",
    date: "Fecha",
    tenant: "Id. de inquilino",
    domain: "Dominio del cliente",
    unnamed: "el cliente final indicado en el pedido",
    intro: (p: string, c: string) =>
      `Este documento confirma que ${p} prestó servicios profesionales a ${c} según el acuerdo vigente.`,
    scope: "Productos incluidos",
    scopeNone: "Productos incluidos: según el contrato marco.",
    tableHead: ["Producto", "Licencias", "Estado"],
    live: "En producción",
    work: [
      (x: string, _n: string) =>
        `Los consultores asignados planificaron e implementaron ${x} para los usuarios del cliente, incluida la configuración del inquilino y las líneas base de seguridad.`,
      (x: string, n: string) =>
        `Migramos ${n} buzones y documentos, configuramos el acceso condicional y desplegamos ${x} en todas las unidades de negocio.`,
      (_x: string, _n: string) =>
        "El equipo realizó talleres de descubrimiento, diseñó la arquitectura objetivo y documentó cada decisión de configuración.",
      (_x: string, _n: string) =>
        "Se impartieron sesiones de formación a usuarios clave y administradores, seguidas de dos semanas de soporte posterior a la puesta en marcha.",
      (x: string, _n: string) =>
        `Integramos ${x} con los sistemas existentes y automatizamos la incorporación de nuevos empleados.`,
    ],
    noWork: "Servicios: según lo acordado.",
    started: (a: string, b: string) => `Los trabajos comenzaron el ${a} y finalizaron el ${b}.`,
    future: (d: string) => `Se ha programado una revisión de gobierno para el ${d}.`,
    invoice: ["Factura n.º", "Fecha de factura", "Importe"],
    sigLabel: "Firma del cliente: ______________________",
    name: "Nombre",
    title: "Cargo",
    signedBy: (n: string, t: string, d: string) => `Firmado por ${n}, ${t}${d ? `, el ${d}` : ""}.`,
    digital: (n: string) => `Firmado digitalmente por ${n}`,
    slash: (n: string) => `Fdo.: ${n}`,
    acceptedBy: (n: string, t: string) => `Aceptado por ${n}, ${t}.`,
    signedShort: (n: string) => `Firmado: ${n}`,
    accepted: "Conforme, el cliente:",
    prepared: (n: string, p: string) => `Elaborado por ${n}, ${p}. Consultas: +34 910 555 010.`,
    footer: (d: string) =>
      `Página 1 de 1${d ? ` - Impreso el ${d}` : ""} - Confidencial - Ref. INV-2025-0042 v3.12`,
  },
};

export function contentOf(r: Rng, s: DocSpec, now: number): Block[] {
  const t = T[s.lang];
  const regime = s.defect === "no_dates" ? "none" : s.defect === "old_dates" ? "old" : "recent";
  const [d1, d2, d3] = datesFor(r, regime, now, 3).map((d) => formatDate(r, s.lang, d));
  const partner = r.pick(PARTNERS);
  const who = s.subject;
  const customerText =
    s.defect === "no_customer"
      ? t.unnamed
      : s.mention === "variant"
        ? r.pick(who.variants)
        : s.mention === "name"
          ? who.name
          : s.mention === "domain"
            ? who.domain
            : who.tenantId;
  const header: [string, string][] = [[t.customer, customerText]];
  if (s.defect !== "no_customer" && s.mention === "domain") header.push([t.domain, who.domain]);
  if (s.defect !== "no_customer" && s.mention === "tenant") header.push([t.tenant, who.tenantId]);
  header.push([t.partner, partner], [t.ref, `PRJ-${r.int(1000, 9999)}`]);
  if (d3) header.push([t.date, d3]);
  const names = s.named.map((n) => n.alias);
  const list = names.length ? names.join(", ") : "";
  const blocks: Block[] = [
    { kind: "title", text: r.pick(t.titles) },
    { kind: "kv", rows: header },
  ];
  blocks.push({ kind: "para", text: t.intro(partner, customerText) });
  if (!names.length) blocks.push({ kind: "para", text: t.scopeNone });
  else if (s.withTable)
    blocks.push({
      kind: "table",
      header: t.tableHead,
      rows: names.map((n) => [n, String(r.int(25, 4000)), t.live]),
    });
  else blocks.push({ kind: "para", text: `${t.scope}: ${list}.` });
  if (s.defect === "no_work") blocks.push({ kind: "para", text: t.noWork });
  else {
    const x = list || (s.lang === "en" ? "the solution" : "la solución");
    const [a, b, ...rest] = r.shuffle(t.work);
    const sentences = [a, b, ...rest.slice(0, r.int(0, 2))].flatMap((f) =>
      f ? [f(x, String(r.int(120, 2400)))] : [],
    );
    blocks.push({ kind: "para", text: sentences.join(" ") });
  }
  if (d1 && d2) blocks.push({ kind: "para", text: t.started(d1, d2) });
  if (s.defect === "future_date")
    blocks.push({ kind: "para", text: t.future(formatDate(r, s.lang, dayBefore(r, now, -200, -15))) });
  if (s.withInvoice) {
    const inv = `INV-${r.int(2023, 2026)}-${String(r.int(1, 999)).padStart(4, "0")}`;
    const amount =
      s.lang === "en"
        ? `${r.int(1, 90)},${r.int(100, 999)}.00 USD`
        : `${r.int(1, 90)}.${r.int(100, 999)},00 EUR`;
    const invDate = regime === "none" ? "-" : formatDate(r, s.lang, datesFor(r, regime, now, 1)[0] as Date);
    blocks.push({ kind: "table", header: t.invoice, rows: [[inv, invDate, amount]] });
  }
  blocks.push(signatureOf(r, s, d2 ?? ""));
  blocks.push({ kind: "para", text: t.prepared(r.pick(PARTNER_PEOPLE), partner) });
  const printed = regime === "none" ? "" : formatDate(r, s.lang, datesFor(r, regime, now, 1)[0] as Date);
  blocks.push({ kind: "footer", text: t.footer(printed) });
  return blocks;
}

function signatureOf(r: Rng, s: DocSpec, date: string): Block {
  const t = T[s.lang];
  const { name, title } = s.subject.contact;
  if (s.ack === null) return { kind: "para", text: `${t.name}: ${name} - ${t.title}: ${title}` };
  if (s.ack === "field") return { kind: "signature", lines: [t.accepted], field: `${name}, ${title}` };
  const line = [
    t.sigLabel,
    `${t.name}: ${name}`,
    `${t.title}: ${title}`,
    ...(date ? [`${t.date}: ${date}`] : []),
  ];
  // Only a blank line to sign on: whether it was signed is ink on paper, not text.
  if (s.ack === "line") return { kind: "signature", lines: line, field: null };
  if (s.ack === "block")
    return { kind: "signature", lines: [...line, t.signedBy(name, title, date)], field: null };
  const marker = r.pick([
    t.signedBy(name, title, date),
    t.digital(name),
    t.slash(name),
    t.acceptedBy(name, title),
    t.signedShort(name),
  ]);
  return { kind: "signature", lines: [marker], field: null };
}
