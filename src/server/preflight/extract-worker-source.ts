// The text extraction that runs inside a bounded child process (extract-pool.ts). Plain JavaScript
// given as a string (node -e), like the SQLite checkpointer's, so that it runs the same under tsx,
// vitest and from the compiled dist/; the libraries' paths come resolved from the server, in the
// environment. One message in over IPC: {id, kind, bytes}; one out: {id, doc} or {id, unreadable}.
export const EXTRACT_CONFIG_ENV = "CLAIMDESK_EXTRACT_CONFIG";
export const EXTRACT_WORKER_SOURCE = `
const workerData = JSON.parse(process.env.${"CLAIMDESK_EXTRACT_CONFIG"});
const parentPort = { on: (e, f) => process.on(e, f), postMessage: (m) => process.send(m) };
// The server went away: nothing is left to answer.
process.on("disconnect", () => process.exit(0));
const { pathToFileURL } = require("node:url");
const MAX_PAGES = workerData.maxPages;
const MAX_CHARS = workerData.maxChars;
const MAX_CELLS = workerData.maxCells;
let pdfjs = null;

function capped(pages) {
  let left = MAX_CHARS;
  return pages.map((p) => {
    const text = p.text.slice(0, Math.max(0, left));
    left -= text.length;
    return { text };
  });
}

async function readPdf(bytes) {
  pdfjs = pdfjs || (await import(pathToFileURL(workerData.pdfjs).href));
  // A signed signature field's dictionary carries the byte range its signature covers; it
  // stands outside object streams (the signature must exclude itself), so the bytes show it.
  // Read before pdf.js takes the bytes over (it detaches the buffer).
  const latin = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  const hasDigitalSignature = /\\/ByteRange\\s*\\[/.test(latin) && /\\/Sig\\b/.test(latin);
  const loading = pdfjs.getDocument({
    data: bytes,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  const pdf = await loading.promise;
  try {
    const pages = [];
    let hasSignatureField = false;
    const n = Math.min(pdf.numPages, MAX_PAGES);
    for (let i = 1; i <= n; i++) {
      const page = await pdf.getPage(i);
      const content = await page.getTextContent();
      let text = "";
      for (const item of content.items) {
        if (typeof item.str !== "string") continue;
        text += item.str;
        if (item.hasEOL) text += "\\n";
        else if (item.str && !/\\s$/.test(item.str)) text += " ";
      }
      for (const a of await page.getAnnotations()) if (a.fieldType === "Sig") hasSignatureField = true;
      pages.push({ text });
      page.cleanup();
    }
    const formFields = [];
    const fields = (await pdf.getFieldObjects()) || {};
    for (const [name, widgets] of Object.entries(fields)) {
      for (const w of widgets) {
        if (w.type === "signature") hasSignatureField = true;
        if (typeof w.value === "string" && w.value.trim()) {
          formFields.push({ name, value: w.value.slice(0, 2000) });
          break;
        }
      }
    }
    return { pages: capped(pages), formFields, hasDigitalSignature, hasSignatureField, kind: "pdf" };
  } finally {
    await pdf.destroy();
  }
}

async function readDocx(bytes) {
  const mammoth = require(workerData.mammoth);
  const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  const latin = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  // A signed Word document keeps its XML signatures in this part of the package.
  const hasDigitalSignature = latin.includes("_xmlsignatures/");
  return { pages: capped([{ text: value }]), formFields: [], hasDigitalSignature, hasSignatureField: false, kind: "docx" };
}

async function readXlsx(bytes) {
  const ExcelJS = require(workerData.exceljs);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes));
  const pages = [];
  let cells = 0;
  wb.eachSheet((sheet) => {
    const lines = [sheet.name];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      if (cells > MAX_CELLS) return;
      const parts = [];
      row.eachCell({ includeEmpty: false }, (cell) => {
        cells++;
        // Dates as ISO days: the preflight reads them; exceljs would print Date.toString().
        const t = cell.value instanceof Date ? cell.value.toISOString().slice(0, 10) : cell.text;
        if (t) parts.push(String(t));
      });
      lines.push(parts.join(" "));
    });
    pages.push({ text: lines.join("\\n") });
  });
  return { pages: capped(pages), formFields: [], hasDigitalSignature: false, hasSignatureField: false, kind: "xlsx" };
}

const READERS = { pdf: readPdf, docx: readDocx, xlsx: readXlsx };

parentPort.on("message", async (m) => {
  try {
    const doc = await READERS[m.kind](new Uint8Array(m.bytes));
    parentPort.postMessage({ id: m.id, doc });
  } catch (err) {
    const detail = err && err.message ? String(err.message).slice(0, 200) : String(err);
    // The words of unreadableReason.damaged (unreadable-reasons.ts): this source cannot import it.
    parentPort.postMessage({ id: m.id, unreadable: "the file could not be read: " + detail });
  }
});
`;
