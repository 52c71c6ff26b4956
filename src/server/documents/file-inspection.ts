// Recognising PoE files by their bytes, never by name or declared type. Allowed: PDF, PNG, JPEG,
// DOCX, XLSX, each judged by parsing its structure (pdf-inspection, image-inspection,
// ooxml-inspection). The inspector sits in the upload stream: it refuses a file whose first bytes
// are none of these at once, and keeps the bytes (bounded by the upload limit, which the blob store
// enforces behind it) to parse them once the file has arrived.
import { Transform } from "node:stream";
import { CONTENT_TYPES, FileRejectedError, type Inspection } from "./file-kinds.ts";
import { checkJpeg, checkPng } from "./image-inspection.ts";
import { inspectOoxml } from "./ooxml-inspection.ts";

export { CONTENT_TYPES, type FileKind, FileRejectedError, type Inspection } from "./file-kinds.ts";
export { checkFilename, storedFilename } from "./file-names.ts";

const NOT_ALLOWED = "not a PDF, PNG, JPEG, DOCX or XLSX file (its first bytes say otherwise)";

function startKind(head: Buffer): "pdf" | "png" | "jpeg" | "zip" | null {
  if (head.subarray(0, 5).toString("latin1") === "%PDF-") return "pdf";
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "png";
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return "jpeg";
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return "zip";
  return null;
}

// pdf-lib is loaded with the first PDF, not at start: it is a tenth of the server's start-up time.
let pdfModule: Promise<typeof import("./pdf-inspection.ts")> | undefined;
const pdfInspection = () => {
  pdfModule ??= import("./pdf-inspection.ts");
  return pdfModule;
};

/** Judges a whole file: its kind, its content type and the reviewer flags, or a refusal. */
export async function inspectFile(buf: Buffer): Promise<Inspection> {
  switch (startKind(buf)) {
    case "pdf":
      return {
        kind: "pdf",
        contentType: CONTENT_TYPES.pdf,
        flags: await (await pdfInspection()).inspectPdf(buf),
      };
    case "png":
      checkPng(buf);
      return { kind: "png", contentType: CONTENT_TYPES.png, flags: [] };
    case "jpeg":
      checkJpeg(buf);
      return { kind: "jpeg", contentType: CONTENT_TYPES.jpeg, flags: [] };
    case "zip": {
      const kind = await inspectOoxml(buf);
      return { kind, contentType: CONTENT_TYPES[kind], flags: [] };
    }
    default:
      throw new FileRejectedError(NOT_ALLOWED);
  }
}

/** A pass-through stream that keeps what passes; `inspect()` judges it once the stream has ended. */
export class FileInspector extends Transform {
  #chunks: Buffer[] = [];
  #head = Buffer.alloc(0);

  override _transform(
    chunk: Buffer,
    _enc: BufferEncoding,
    done: (err?: Error | null, data?: Buffer) => void,
  ): void {
    if (this.#head.length < 16)
      this.#head = Buffer.concat([this.#head, chunk.subarray(0, 16 - this.#head.length)]);
    // Refuse early, before a hostile file is streamed to the end.
    if (this.#head.length >= 8 && startKind(this.#head) === null) {
      done(new FileRejectedError(NOT_ALLOWED));
      return;
    }
    this.#chunks.push(chunk);
    done(null, chunk);
  }

  inspect(): Promise<Inspection> {
    const buf = Buffer.concat(this.#chunks);
    this.#chunks = [buf];
    return inspectFile(buf);
  }
}
