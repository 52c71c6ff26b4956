// The name a stored document carries: the uploaded name made safe to show and to put in
// Content-Disposition, with the extension of the type its bytes were judged to be (a PDF sent as
// `report.html` or `setup.exe` is stored as `report.pdf` / `setup.pdf`), so that no viewer or
// download dialog is steered by a name the bytes do not back.
import type { FileKind } from "./file-kinds.ts";
import { FileRejectedError } from "./file-kinds.ts";

/** The extension a stored name gets, and the others that a name may keep. */
const EXTENSIONS: Record<FileKind, { canonical: string; kept: readonly string[] }> = {
  pdf: { canonical: "pdf", kept: ["pdf"] },
  png: { canonical: "png", kept: ["png"] },
  jpeg: { canonical: "jpg", kept: ["jpg", "jpeg"] },
  docx: { canonical: "docx", kept: ["docx"] },
  xlsx: { canonical: "xlsx", kept: ["xlsx"] },
};

// C0 and C1 controls, DEL, and the invisible characters that reorder or hide text (bidi embeddings,
// overrides and isolates, LRM/RLM/ALM, zero-width characters, BOM): `invoice\u202Efdp.exe` shows as
// `invoiceexe.pdf`. They are removed, not refused: the rest of the name is still the partner's.
const INVISIBLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;

/** A name safe to show: no path, no NUL, no control or bidi characters, 1..255 characters. */
export function checkFilename(name: string): string {
  if (name.includes("\0")) throw new FileRejectedError("the file name contains a NUL character");
  if (/[/\\]/.test(name) || name.split(/[/\\]/).includes(".."))
    throw new FileRejectedError("the file name contains a path");
  const cleaned = name.normalize("NFC").replace(INVISIBLE, "").trim();
  if (cleaned === "" || cleaned.length > 255)
    throw new FileRejectedError("the file name must have 1 to 255 characters");
  return cleaned;
}

/** The checked name with the detected type's extension (kept when it already is one of them). */
export function storedFilename(checked: string, kind: FileKind): string {
  const { canonical, kept } = EXTENSIONS[kind];
  const m = /^(.*?)\.([A-Za-z0-9]{1,10})$/.exec(checked);
  if (m && kept.includes((m[2] ?? "").toLowerCase())) return checked;
  const stem = (m ? (m[1] ?? "") : checked).replace(/[.\s]+$/, "");
  const base = stem === "" ? "document" : stem;
  return `${base.slice(0, 255 - canonical.length - 1)}.${canonical}`;
}
