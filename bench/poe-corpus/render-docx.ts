// Lays a document's blocks out as a minimal DOCX (WordprocessingML in a ZIP built with JSZip):
// paragraphs, tables, a footer part, two text columns for "columns", and for "scanned" the body
// in table cells with odd indents, the way OCR-to-Word conversions come out.
import JSZip from "jszip";
import type { Block } from "./content.ts";
import type { Rng } from "./rng.ts";
import type { Layout } from "./spec.ts";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const ZIP_DATE = new Date("2026-01-01T00:00:00Z");

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function para(text: string, opts: { bold?: boolean; size?: number; indent?: number } = {}): string {
  const ppr = opts.indent ? `<w:pPr><w:ind w:left="${opts.indent}"/></w:pPr>` : "";
  const rpr =
    opts.bold || opts.size
      ? `<w:rPr>${opts.bold ? "<w:b/>" : ""}${opts.size ? `<w:sz w:val="${opts.size}"/>` : ""}</w:rPr>`
      : "";
  return `<w:p>${ppr}<w:r>${rpr}<w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p>`;
}

function table(rows: string[][]): string {
  const tr = rows.map((row) => `<w:tr>${row.map((c) => `<w:tc>${para(c)}</w:tc>`).join("")}</w:tr>`);
  return `<w:tbl><w:tblPr><w:tblBorders><w:top w:val="single"/><w:bottom w:val="single"/><w:insideH w:val="single"/></w:tblBorders></w:tblPr>${tr.join("")}</w:tbl>${para("")}`;
}

function body(blocks: Block[], layout: Layout, r: Rng): { xml: string; footer: string } {
  let footer = "";
  const parts: string[] = [];
  for (const b of blocks) {
    const indent = layout === "scanned" ? r.int(0, 1400) : 0;
    if (b.kind === "title") parts.push(para(b.text, { bold: true, size: 32, indent }));
    else if (b.kind === "kv")
      parts.push(
        layout === "form"
          ? table(b.rows.map(([k, v]) => [`${k}:`, v]))
          : b.rows.map(([k, v]) => para(`${k}: ${v}`, { indent })).join(""),
      );
    else if (b.kind === "para")
      parts.push(layout === "scanned" && r.chance(0.5) ? table([[b.text]]) : para(b.text, { indent }));
    else if (b.kind === "table") parts.push(table([b.header, ...b.rows]));
    else if (b.kind === "signature") parts.push(para(""), ...b.lines.map((l) => para(l, { indent })));
    else footer = b.text;
  }
  return { xml: parts.join(""), footer };
}

export async function renderDocx(blocks: Block[], layout: Layout, r: Rng): Promise<Uint8Array> {
  const { xml, footer } = body(blocks, layout, r);
  const cols = layout === "columns" ? '<w:cols w:num="2" w:space="720"/>' : "";
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W} ${R}><w:body>${xml}<w:sectPr><w:footerReference w:type="default" r:id="rId2"/>${cols}</w:sectPr></w:body></w:document>`;
  const zip = new JSZip();
  const add = (name: string, text: string) => zip.file(name, text, { date: ZIP_DATE });
  add(
    "[Content_Types].xml",
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/></Types>',
  );
  add(
    "_rels/.rels",
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  add(
    "word/_rels/document.xml.rels",
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>',
  );
  add("word/document.xml", document);
  add("word/footer1.xml", `<?xml version="1.0" encoding="UTF-8"?><w:ftr ${W}>${para(footer)}</w:ftr>`);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
