// Lays a document's blocks out as a PDF: plain, two columns, "scanned" (a typewriter font, lines
// jittered and slightly rotated, the footer stood up along the margin) or a form grid.
import { degrees, PDFDocument, type PDFFont, type PDFPage, StandardFonts } from "pdf-lib";
import { addSignatureField } from "../../src/server/templates/pdf-signature-field.ts";
import type { Block } from "./content.ts";
import type { Rng } from "./rng.ts";
import type { Layout } from "./spec.ts";

const W = 612;
const H = 792;

interface Cursor {
  doc: PDFDocument;
  page: PDFPage;
  font: PDFFont;
  bold: PDFFont;
  x: number;
  y: number;
  width: number;
  r: Rng;
  layout: Layout;
  column: 0 | 1;
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) > width && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

function newline(c: Cursor, h: number): void {
  c.y -= h;
  if (c.y > 70) return;
  if (c.layout === "columns" && c.column === 0) {
    c.column = 1;
    c.x = 326;
    c.y = 640;
    return;
  }
  c.page = c.doc.addPage([W, H]);
  c.column = 0;
  c.x = 60;
  c.y = H - 70;
}

function line(c: Cursor, text: string, size = 10, font = c.font, dx = 0): void {
  const scanned = c.layout === "scanned";
  c.page.drawText(text, {
    x: c.x + dx + (scanned ? c.r.int(-12, 18) : 0),
    y: c.y,
    size,
    font,
    ...(scanned ? { rotate: degrees((c.r.next() - 0.5) * 2.4) } : {}),
  });
  newline(c, size + 4);
}

function paragraph(c: Cursor, text: string, size = 10): void {
  for (const l of wrap(text, c.font, size, c.width)) line(c, l, size);
  newline(c, 6);
}

function table(c: Cursor, header: string[], rows: string[][]): void {
  const colW = c.width / header.length;
  for (const row of [header, ...rows]) {
    row.forEach((cell, i) => {
      c.page.drawText(cell.slice(0, 40), {
        x: c.x + i * colW + 3,
        y: c.y,
        size: 9,
        font: row === header ? c.bold : c.font,
      });
    });
    c.page.drawLine({ start: { x: c.x, y: c.y - 4 }, end: { x: c.x + c.width, y: c.y - 4 }, thickness: 0.5 });
    newline(c, 16);
  }
  newline(c, 6);
}

export async function renderPdf(blocks: Block[], layout: Layout, r: Rng): Promise<Uint8Array> {
  // No creation date: the same seed gives the same bytes.
  const doc = await PDFDocument.create({ updateMetadata: false });
  const scanned = layout === "scanned";
  const font = await doc.embedFont(scanned ? StandardFonts.Courier : StandardFonts.Helvetica);
  const bold = await doc.embedFont(scanned ? StandardFonts.CourierBold : StandardFonts.HelveticaBold);
  const page = doc.addPage([W, H]);
  const c: Cursor = { doc, page, font, bold, x: 60, y: H - 70, width: 490, r, layout, column: 0 };
  for (const b of blocks) {
    if (b.kind === "title") line(c, b.text, 18, bold, scanned ? r.int(40, 160) : 0);
    else if (b.kind === "kv") {
      for (const [k, v] of b.rows) {
        if (layout === "form") {
          c.page.drawRectangle({ x: c.x, y: c.y - 4, width: c.width, height: 16, borderWidth: 0.5 });
          c.page.drawText(`${k}:`, { x: c.x + 4, y: c.y, size: 9, font: bold });
          c.page.drawText(v, { x: c.x + 170, y: c.y, size: 9, font });
          newline(c, 18);
        } else line(c, `${k}: ${v}`, 10);
      }
      newline(c, 8);
      // Two columns start below the heading, which spans the page.
      if (layout === "columns") c.width = 235;
    } else if (b.kind === "para") paragraph(c, b.text);
    else if (b.kind === "table") table(c, b.header, b.rows);
    else if (b.kind === "signature") {
      newline(c, 10);
      for (const l of b.lines) line(c, l, 10);
      if (b.field !== null) {
        // The signer's name typed into the form (readable), beside the box a wet signature goes in.
        const signer = doc.getForm().createTextField("customer_signed_by");
        signer.setText(b.field);
        signer.addToPage(c.page, { x: c.x, y: c.y - 8, width: 220, height: 16, font: c.font });
        newline(c, 22);
        c.page.drawRectangle({ x: c.x, y: c.y - 30, width: 220, height: 40, borderWidth: 0.8 });
        addSignatureField(doc, c.page, "CustomerSignature", { x: c.x, y: c.y - 30, width: 220, height: 40 });
        newline(c, 50);
      }
    } else if (b.kind === "footer") {
      const first = doc.getPage(0);
      if (scanned) first.drawText(b.text, { x: W - 30, y: 120, size: 7, font, rotate: degrees(90) });
      else first.drawText(b.text, { x: 60, y: 30, size: 7, font });
    }
  }
  return doc.save({ useObjectStreams: false });
}
