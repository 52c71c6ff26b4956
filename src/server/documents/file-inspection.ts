// Recognising PoE files by their bytes, never by name or declared type, while they stream past.
// Allowed: PDF, PNG, JPEG, DOCX, XLSX. Trailing bytes after a file's own end are refused: that is
// where polyglots (a ZIP or HTML glued to an image or a PDF) hide.
import { Transform } from "node:stream";

export type FileKind = "pdf" | "png" | "jpeg" | "docx" | "xlsx";

export const CONTENT_TYPES: Record<FileKind, string> = {
  pdf: "application/pdf",
  png: "image/png",
  jpeg: "image/jpeg",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** PDF names that run code or carry files: accepted, but flagged for reviewers. */
const PDF_ACTIVE = ["/JavaScript", "/JS", "/OpenAction", "/AA", "/Launch", "/EmbeddedFile"];
const ZIP_MARKERS = { docx: "word/document.xml", xlsx: "xl/workbook.xml" } as const;
const OVERLAP = 32;
const TAIL = 2048;
const PNG_END = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

export interface Inspection {
  kind: FileKind;
  contentType: string;
  flags: string[];
}

export class FileRejectedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FileRejectedError";
  }
}

function startKind(head: Buffer): "pdf" | "png" | "jpeg" | "zip" | null {
  if (head.subarray(0, 5).toString("latin1") === "%PDF-") return "pdf";
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "png";
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return "jpeg";
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return "zip";
  return null;
}

/** A pass-through stream that inspects; `result()` answers once the stream has ended. */
export class FileInspector extends Transform {
  #head = Buffer.alloc(0);
  #tail = Buffer.alloc(0);
  #carry = "";
  #found = new Set<string>();
  #size = 0;

  override _transform(
    chunk: Buffer,
    _enc: BufferEncoding,
    done: (err?: Error | null, data?: Buffer) => void,
  ): void {
    if (this.#head.length < 16)
      this.#head = Buffer.concat([this.#head, chunk.subarray(0, 16 - this.#head.length)]);
    // Refuse early, before a hostile file is streamed to the end.
    if (this.#head.length >= 8 && startKind(this.#head) === null) {
      done(new FileRejectedError("not a PDF, PNG, JPEG, DOCX or XLSX file (its first bytes say otherwise)"));
      return;
    }
    this.#size += chunk.length;
    const text = this.#carry + chunk.toString("latin1");
    for (const marker of [...PDF_ACTIVE, ...Object.values(ZIP_MARKERS)])
      if (text.includes(marker)) this.#found.add(marker);
    this.#carry = text.slice(-OVERLAP);
    this.#tail = Buffer.concat([this.#tail, chunk]).subarray(-TAIL);
    done(null, chunk);
  }

  result(): Inspection {
    const start = startKind(this.#head);
    if (!start)
      throw new FileRejectedError("not a PDF, PNG, JPEG, DOCX or XLSX file (its first bytes say otherwise)");
    const tailText = this.#tail.toString("latin1");
    switch (start) {
      case "pdf": {
        if (!/%%EOF\s*$/.test(tailText))
          throw new FileRejectedError(
            "the PDF does not end where a PDF ends (%%EOF): truncated or a polyglot",
          );
        const flags = PDF_ACTIVE.filter((m) => this.#found.has(m)).map(
          (m) => `pdf_active_content:${m.slice(1)}`,
        );
        return { kind: "pdf", contentType: CONTENT_TYPES.pdf, flags };
      }
      case "png":
        if (!this.#tail.subarray(-PNG_END.length).equals(PNG_END)) {
          throw new FileRejectedError("the PNG does not end with its IEND chunk: truncated or a polyglot");
        }
        return { kind: "png", contentType: CONTENT_TYPES.png, flags: [] };
      case "jpeg":
        if (!(this.#tail.at(-2) === 0xff && this.#tail.at(-1) === 0xd9)) {
          throw new FileRejectedError(
            "the JPEG does not end with its end-of-image marker: truncated or a polyglot",
          );
        }
        return { kind: "jpeg", contentType: CONTENT_TYPES.jpeg, flags: [] };
      case "zip": {
        if (tailText.lastIndexOf("PK\x05\x06") < 0)
          throw new FileRejectedError("the ZIP container has no end record: truncated");
        const kind = this.#found.has(ZIP_MARKERS.docx)
          ? "docx"
          : this.#found.has(ZIP_MARKERS.xlsx)
            ? "xlsx"
            : null;
        if (!kind) throw new FileRejectedError("a ZIP file that is neither a DOCX nor an XLSX document");
        return { kind, contentType: CONTENT_TYPES[kind], flags: [] };
      }
    }
  }
}

/** A name safe to show and to put in Content-Disposition: no path, no control characters. */
export function checkFilename(name: string): string {
  if (name.includes("\0")) throw new FileRejectedError("the file name contains a NUL character");
  if (/[/\\]/.test(name) || name.split(/[/\\]/).includes(".."))
    throw new FileRejectedError("the file name contains a path");
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
  if (/[\u0000-\u001f\u007f]/.test(name))
    throw new FileRejectedError("the file name contains control characters");
  const trimmed = name.trim();
  if (trimmed === "" || trimmed.length > 255)
    throw new FileRejectedError("the file name must have 1 to 255 characters");
  return trimmed;
}
