// DOCX and XLSX judged by their container, read with yauzl: the ZIP's central directory (not bytes
// that merely appear somewhere, such as a name written into the archive comment) must list the
// OOXML parts, `[Content_Types].xml` must declare the main part with its macro-free type, and the
// archive must end where its end record says. Macros (vbaProject.bin, .docm/.xlsm types) are
// refused: a reviewer opening PoE must not be asked to enable code.
import type { Readable } from "node:stream";
import yauzl, { type Entry, type ZipFile } from "yauzl";
import { FileRejectedError } from "./file-kinds.ts";

const MAIN_PARTS = {
  docx: {
    part: "word/document.xml",
    type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
  },
  xlsx: {
    part: "xl/workbook.xml",
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  },
} as const;
const MAX_ENTRIES = 10_000;
const MAX_CONTENT_TYPES_BYTES = 1024 * 1024;
const MACRO_PART = /(^|\/)vbaProject\.bin$|(^|\/)vbaData\.xml$/i;
const MACRO_TYPE = /macroEnabled|vbaProject|vnd\.ms-office\.vba/i;

function openZip(buf: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(
      buf,
      { lazyEntries: true, validateEntrySizes: true, strictFileNames: true, decodeStrings: true },
      (err, zip) => (err ? reject(err) : resolve(zip)),
    ),
  );
}

async function readSmall(stream: Readable, max: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > max) {
      stream.destroy();
      throw new FileRejectedError("the document's [Content_Types].xml is implausibly large");
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

interface Listing {
  names: Set<string>;
  contentTypes: string | null;
}

/** Every entry of the central directory, and the text of [Content_Types].xml. */
function list(zip: ZipFile): Promise<Listing> {
  return new Promise((resolve, reject) => {
    const names = new Set<string>();
    let contentTypes: string | null = null;
    const fail = (err: unknown) => {
      zip.close();
      reject(err);
    };
    zip.on("error", fail);
    zip.on("end", () => resolve({ names, contentTypes }));
    zip.on("entry", (entry: Entry) => {
      if (names.size >= MAX_ENTRIES) return fail(new FileRejectedError("the archive has too many entries"));
      if (entry.isEncrypted()) return fail(new FileRejectedError("the document is encrypted"));
      if (names.has(entry.fileName))
        return fail(new FileRejectedError(`the archive lists ${entry.fileName} twice`));
      names.add(entry.fileName);
      if (entry.fileName !== "[Content_Types].xml") return zip.readEntry();
      zip.openReadStream(entry, (err, stream) => {
        if (err) return fail(err);
        readSmall(stream, MAX_CONTENT_TYPES_BYTES).then((text) => {
          contentTypes = text;
          zip.readEntry();
        }, fail);
      });
    });
    zip.readEntry();
  });
}

/** The ContentType that [Content_Types].xml gives a part (OPC part names are case-insensitive). */
function declaredType(contentTypes: string, partName: string): string | null {
  for (const tag of contentTypes.match(/<Override\b[^>]*>/g) ?? []) {
    const attr = (name: string) => new RegExp(`\\b${name}\\s*=\\s*(["'])(.*?)\\1`).exec(tag)?.[2];
    if (attr("PartName")?.toLowerCase() === partName.toLowerCase()) return attr("ContentType") ?? null;
  }
  return null;
}

/** Is this buffer a readable ZIP archive (its end record and central directory agree)? */
export async function isZipArchive(buf: Buffer): Promise<boolean> {
  try {
    const zip = await openZip(buf);
    const entries = zip.entryCount;
    zip.close();
    return entries > 0;
  } catch {
    return false;
  }
}

/** The OOXML kind of a ZIP, or a refusal saying why it is not an acceptable DOCX or XLSX. */
export async function inspectOoxml(buf: Buffer): Promise<"docx" | "xlsx"> {
  let listing: Listing;
  try {
    listing = await list(await openZip(buf));
  } catch (err) {
    if (err instanceof FileRejectedError) throw err;
    throw new FileRejectedError(
      `the ZIP container is damaged or has data after its end (${err instanceof Error ? err.message : String(err)})`,
    );
  }
  const { names, contentTypes } = listing;
  const macro = [...names].find((n) => MACRO_PART.test(n));
  if (macro)
    throw new FileRejectedError(
      `the document contains macros (${macro}): save it without macros (.docx, .xlsx)`,
    );
  if (contentTypes === null)
    throw new FileRejectedError("a ZIP file that is not an Office document (no [Content_Types].xml part)");
  if (MACRO_TYPE.test(contentTypes))
    throw new FileRejectedError("the document is macro-enabled (.docm, .xlsm): save it as .docx or .xlsx");
  for (const kind of ["docx", "xlsx"] as const) {
    const { part, type } = MAIN_PARTS[kind];
    if (!names.has(part)) continue;
    if (declaredType(contentTypes, `/${part}`) !== type)
      throw new FileRejectedError(
        `the document's main part ${part} is not declared as a ${kind.toUpperCase()} part`,
      );
    return kind;
  }
  throw new FileRejectedError("a ZIP file that is neither a DOCX nor an XLSX document (no main part)");
}
