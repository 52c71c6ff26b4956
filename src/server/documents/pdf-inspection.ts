// PDFs judged by parsing them with pdf-lib (which decodes name escapes such as `/J#61vaScript` and
// unpacks compressed object streams), not by searching their bytes. A PDF must parse and have a
// document catalog; nothing but whitespace may follow its last %%EOF, and no ZIP archive may hide
// behind it (a ZIP whose comment ends in "%%EOF" passes a tail check). Active content is accepted
// and flagged for reviewers, as before: `pdf_active_content:<Name>`.
import { PDFArray, PDFDict, PDFDocument, PDFName, type PDFObject, PDFRawStream, PDFRef } from "pdf-lib";
import { FileRejectedError } from "./file-kinds.ts";
import { isZipArchive } from "./ooxml-inspection.ts";

/** Names that run code or carry files, wherever they appear (as a key or as a value). */
const ACTIVE_NAMES: Record<string, string> = {
  JavaScript: "JavaScript",
  JS: "JS",
  AA: "AA",
  Launch: "Launch",
  EmbeddedFile: "EmbeddedFile",
  EmbeddedFiles: "EmbeddedFile",
  RichMedia: "RichMedia",
  RichMediaContent: "RichMedia",
};
/** An /OpenAction counts when it runs one of these (a plain destination only opens a page). */
const RUNNING_ACTIONS = new Set(["JavaScript", "Launch", "ImportData", "SubmitForm", "Rendition", "GoToE"]);
const MAX_OBJECTS = 500_000;

function trailingAfterEof(buf: Buffer): boolean {
  const eof = buf.lastIndexOf("%%EOF", undefined, "latin1");
  if (eof < 0)
    throw new FileRejectedError("the PDF does not end where a PDF ends (%%EOF): truncated or a polyglot");
  // PDF white-space: NUL, TAB, LF, FF, CR, SPACE.
  return !/^[\0\t\n\f\r ]*$/.test(buf.subarray(eof + 5).toString("latin1"));
}

function runsCode(doc: PDFDocument, value: PDFObject | undefined): boolean {
  const action = value instanceof PDFRef ? doc.context.lookup(value) : value;
  if (!(action instanceof PDFDict)) return false;
  const s = action.get(PDFName.of("S"));
  return action.has(PDFName.of("JS")) || (s instanceof PDFName && RUNNING_ACTIONS.has(s.decodeText()));
}

/** Every name used in the document, decoded, walked without recursion (hostile nesting). */
function namesOf(doc: PDFDocument): { names: Set<string>; openActionRuns: boolean } {
  const names = new Set<string>();
  let openActionRuns = false;
  const stack: PDFObject[] = doc.context.enumerateIndirectObjects().map(([, o]) => o);
  if (stack.length > MAX_OBJECTS) throw new FileRejectedError("the PDF has implausibly many objects");
  const seen = new Set<PDFObject>();
  while (stack.length > 0) {
    const o = stack.pop();
    if (o === undefined || seen.has(o)) continue;
    seen.add(o);
    if (o instanceof PDFName) names.add(o.decodeText());
    else if (o instanceof PDFDict) {
      for (const [k, v] of o.entries()) {
        const key = k.decodeText();
        names.add(key);
        if (key === "OpenAction" && runsCode(doc, v)) openActionRuns = true;
        stack.push(v);
      }
    } else if (o instanceof PDFArray) stack.push(...o.asArray());
    else if (o instanceof PDFRawStream) stack.push(o.dict);
  }
  return { names, openActionRuns };
}

/** Refuses a PDF that does not parse or hides data behind it; answers the reviewer flags. */
export async function inspectPdf(buf: Buffer): Promise<string[]> {
  if (trailingAfterEof(buf))
    throw new FileRejectedError("data follows the PDF's last %%EOF (a file hidden behind the document)");
  if (await isZipArchive(buf))
    throw new FileRejectedError("a ZIP archive is hidden in the PDF (a polyglot file)");
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(buf, { ignoreEncryption: true, updateMetadata: false });
  } catch (err) {
    throw new FileRejectedError(
      `the PDF cannot be parsed (${err instanceof Error ? err.message.slice(0, 200) : "unknown error"})`,
    );
  }
  const root = doc.context.trailerInfo.Root;
  if (!(root && doc.context.lookup(root) instanceof PDFDict))
    throw new FileRejectedError("the PDF has no document catalog (damaged, or not a PDF)");
  let found: ReturnType<typeof namesOf>;
  try {
    found = namesOf(doc);
  } catch (err) {
    if (err instanceof FileRejectedError) throw err;
    throw new FileRejectedError("the PDF's objects cannot be read");
  }
  const flags = new Set<string>();
  for (const name of found.names) {
    const flag = ACTIVE_NAMES[name];
    if (flag) flags.add(`pdf_active_content:${flag}`);
  }
  if (found.openActionRuns) flags.add("pdf_active_content:OpenAction");
  // Encrypted object streams cannot be unpacked without the password: say so to the reviewer.
  if (doc.isEncrypted) flags.add("pdf_encrypted");
  return [...flags].sort();
}
