// Files built in code for the upload tests, well-formed and hostile: real PNG and JPEG structure,
// ZIP archives (stored, with a central directory written here, so that a test can lie in any part
// of it), OOXML packages, and PDFs with active content hidden in name escapes or object streams.
import { crc32, deflateSync } from "node:zlib";

const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
};

function pngChunk(type: string, data: Buffer): Buffer {
  const td = Buffer.concat([Buffer.from(type, "latin1"), data]);
  return Buffer.concat([u32(data.length), td, u32(crc32(td))]);
}

/** A real 1x1 PNG; `text` goes into a tEXt chunk, so that each call can give different bytes. */
export function realPng(text: number[] = []): Buffer {
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  const idat = deflateSync(Buffer.from([0, 0xff, 0, 0]));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", ihdr),
    pngChunk("tEXt", Buffer.concat([Buffer.from("Comment\0", "latin1"), Buffer.from(text)])),
    pngChunk("IDAT", idat),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A structurally complete baseline JPEG (markers and lengths right; the pixels do not matter). */
export function realJpeg(): Buffer {
  const seg = (marker: number, body: number[]) =>
    Buffer.from([0xff, marker, ((body.length + 2) >> 8) & 0xff, (body.length + 2) & 0xff, ...body]);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    seg(0xe0, [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    seg(0xdb, [0, ...new Array(64).fill(1)]),
    seg(0xc0, [8, 0, 1, 0, 1, 1, 1, 0x11, 0]),
    seg(0xc4, [0, ...new Array(16).fill(0).map((_, i) => (i === 0 ? 1 : 0)), 0]),
    seg(0xda, [1, 1, 0, 0, 0x3f, 0]),
    // Entropy-coded data with a stuffed 0xFF00 and a restart marker, then the end of image.
    Buffer.from([0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56, 0xff, 0xd9]),
  ]);
}

export interface ZipEntry {
  name: string;
  data: string | Buffer;
}

/** A stored (uncompressed) ZIP archive with a real central directory, and an optional comment. */
export function zipArchive(entries: ZipEntry[], comment = ""): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const data = Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data, "utf8");
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const commentBytes = Buffer.from(comment, "latin1");
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(commentBytes.length, 20);
  return Buffer.concat([...locals, cd, end, commentBytes]);
}

const WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
const WORD_MACRO_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml";
const SHEET_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

const contentTypes = (overrides: [string, string][]) =>
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>${overrides
    .map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`)
    .join("")}</Types>`;

/** A minimal real DOCX; `macros` adds word/vbaProject.bin, `macroType` declares it a .docm. */
export function docx(opts: { macros?: boolean; macroType?: boolean; text?: string } = {}): Buffer {
  const entries: ZipEntry[] = [
    {
      name: "[Content_Types].xml",
      data: contentTypes([["/word/document.xml", opts.macroType ? WORD_MACRO_MAIN : WORD_MAIN]]),
    },
    { name: "_rels/.rels", data: "<Relationships/>" },
    { name: "word/document.xml", data: `<w:document><w:body>${opts.text ?? "PoE"}</w:body></w:document>` },
  ];
  if (opts.macros) entries.push({ name: "word/vbaProject.bin", data: Buffer.from([0xd0, 0xcf, 0x11, 0xe0]) });
  return zipArchive(entries);
}

/** A minimal real XLSX. */
export function xlsx(): Buffer {
  return zipArchive([
    { name: "[Content_Types].xml", data: contentTypes([["/xl/workbook.xml", SHEET_MAIN]]) },
    { name: "_rels/.rels", data: "<Relationships/>" },
    { name: "xl/workbook.xml", data: "<workbook/>" },
  ]);
}

const latin1 = (s: string) => Buffer.from(s, "latin1");

/** A PDF from object bodies (numbered from 1), with a correct cross-reference table. */
export function pdfOf(objects: (string | Buffer)[], version = "1.7"): Buffer {
  const parts: Buffer[] = [latin1(`%PDF-${version}\n`)];
  const offsets: number[] = [];
  let length = parts[0]?.length ?? 0;
  objects.forEach((o, i) => {
    offsets.push(length);
    const obj = Buffer.concat([
      latin1(`${i + 1} 0 obj\n`),
      Buffer.isBuffer(o) ? o : latin1(o),
      latin1("\nendobj\n"),
    ]);
    parts.push(obj);
    length += obj.length;
  });
  let xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) xref += `${String(off).padStart(10, "0")} 00000 n \n`;
  xref += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`;
  return Buffer.concat([...parts, latin1(xref)]);
}

const PAGES = [
  "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
  "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
];

/** JavaScript run on open, every name written with #xx escapes. */
export function pdfWithEscapedJavaScript(): Buffer {
  return pdfOf([
    "<< /Type /Catalog /Pages 2 0 R /Op#65nAction 4 0 R >>",
    ...PAGES,
    "<< /S /J#61vaScript /J#53 (app.alert\\(1\\)) >>",
  ]);
}

/** The JavaScript action inside a compressed object stream (PDF 1.5), invisible to a byte search. */
export function pdfWithJavaScriptInObjectStream(): Buffer {
  const inner = "<< /S /JavaScript /JS (app.alert\\(1\\)) >>";
  const header = "4 0 ";
  const packed = deflateSync(latin1(header + inner));
  const objstm = Buffer.concat([
    latin1(
      `<< /Type /ObjStm /N 1 /First ${header.length} /Length ${packed.length} /Filter /FlateDecode >>\nstream\n`,
    ),
    packed,
    latin1("\nendstream"),
  ]);
  return pdfOf(["<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>", ...PAGES, objstm], "1.5");
}

/** An embedded file and a launch action, both behind escapes. */
export function pdfWithEmbeddedFileAndLaunch(): Buffer {
  return pdfOf([
    "<< /Type /Catalog /Pages 2 0 R /Names << /Emb#65ddedFiles << /Names [(a.exe) 4 0 R] >> >> /A#41 << /O << /S /L#61unch /F (cmd.exe) >> >> >>",
    ...PAGES,
    "<< /Type /Filespec /F (a.exe) /EF << /F 5 0 R >> >>",
    "<< /Type /EmbeddedFile /Length 2 >>\nstream\nMZ\nendstream",
  ]);
}

/** A clean PDF whose /OpenAction only opens page 1 (a destination, not an action: no flag). */
export function pdfOpeningAtPage(): Buffer {
  return pdfOf(["<< /Type /Catalog /Pages 2 0 R /OpenAction [3 0 R /Fit] >>", ...PAGES]);
}
