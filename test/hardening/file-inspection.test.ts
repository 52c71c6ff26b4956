// Uploads judged by parsing (issue 12.4), as a unit: each hostile file built in code is refused (or
// flagged, for active content in a PDF, as before) by the same function the upload route uses.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { demoPdf } from "../../src/server/demo/demo-pdf.ts";
import {
  checkFilename,
  FileRejectedError,
  inspectFile,
  storedFilename,
} from "../../src/server/documents/file-inspection.ts";
import {
  docx,
  pdfOpeningAtPage,
  pdfWithEmbeddedFileAndLaunch,
  pdfWithEscapedJavaScript,
  pdfWithJavaScriptInObjectStream,
  realJpeg,
  realPng,
  xlsx,
  zipArchive,
} from "../support/hostile-files.ts";

const latin1 = (s: string) => Buffer.from(s, "latin1");
const zipWithTrailerComment = (trailer: string) =>
  zipArchive([{ name: "payload.js", data: "alert(1)" }], trailer);

async function refusal(buf: Buffer): Promise<string> {
  try {
    await inspectFile(buf);
  } catch (err) {
    if (err instanceof FileRejectedError) return err.message;
    throw err;
  }
  throw new Error("accepted");
}

describe("file inspection by parsing", () => {
  it("accepts real files of every allowed kind, unflagged", async () => {
    expect(await inspectFile(demoPdf())).toMatchObject({ kind: "pdf", flags: [] });
    expect(await inspectFile(pdfOpeningAtPage())).toMatchObject({ kind: "pdf", flags: [] });
    expect(await inspectFile(realPng([1, 2]))).toMatchObject({ kind: "png" });
    expect(await inspectFile(realJpeg())).toMatchObject({ kind: "jpeg" });
    expect(await inspectFile(Buffer.concat([realJpeg(), realJpeg()]))).toMatchObject({ kind: "jpeg" });
    expect(await inspectFile(docx())).toMatchObject({ kind: "docx" });
    expect(await inspectFile(xlsx())).toMatchObject({ kind: "xlsx" });
  });

  it("accepts PDFs from other producers (the machine's own manuals, when present)", async () => {
    for (const path of [
      "/usr/share/doc/libtasn1-doc/libtasn1.pdf",
      "/usr/share/doc/shared-mime-info/shared-mime-info-spec.pdf",
    ]) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(path);
      } catch {
        continue;
      }
      expect((await inspectFile(bytes)).kind, path).toBe("pdf");
    }
  });

  it("refuses a PDF, PNG or JPEG with a ZIP appended whose comment ends in the format's trailer", async () => {
    expect(await refusal(Buffer.concat([demoPdf(), zipWithTrailerComment("\n%%EOF\n")]))).toMatch(
      /ZIP|polyglot/,
    );
    const iend = latin1("\0\0\0\0IEND\xaeB`\x82").toString("latin1");
    expect(await refusal(Buffer.concat([realPng(), zipWithTrailerComment(iend)]))).toMatch(/follows the PNG/);
    expect(await refusal(Buffer.concat([realJpeg(), zipWithTrailerComment("\xff\xd9")]))).toMatch(
      /follows the JPEG/,
    );
  });

  it("refuses trailing data after the format's end", async () => {
    expect(await refusal(Buffer.concat([demoPdf(), latin1("<html><script>alert(1)</script>")]))).toMatch(
      /follows the PDF/,
    );
    expect(await refusal(Buffer.concat([realPng(), latin1("<html>")]))).toMatch(/follows the PNG/);
    expect(await refusal(Buffer.concat([realJpeg(), latin1("<html>")]))).toMatch(/follows the JPEG/);
    expect(await refusal(Buffer.concat([docx(), latin1("<html>")]))).toMatch(/damaged or has data after/);
  });

  it("refuses a ZIP that only names word/document.xml in its comment, and one without OOXML parts", async () => {
    const fake = zipArchive(
      [{ name: "payload.js", data: "alert(1)" }],
      "word/document.xml [Content_Types].xml",
    );
    expect(await refusal(fake)).toMatch(/not an Office document/);
    const noMain = zipArchive([{ name: "[Content_Types].xml", data: "<Types/>" }]);
    expect(await refusal(noMain)).toMatch(/neither a DOCX nor an XLSX/);
    const undeclared = zipArchive([
      { name: "[Content_Types].xml", data: "<Types/>" },
      { name: "word/document.xml", data: "<w:document/>" },
    ]);
    expect(await refusal(undeclared)).toMatch(/not declared as a DOCX part/);
  });

  it("refuses macros: vbaProject.bin, or a macro-enabled (.docm) main part", async () => {
    expect(await refusal(docx({ macros: true }))).toMatch(/contains macros \(word\/vbaProject\.bin\)/);
    expect(await refusal(docx({ macroType: true }))).toMatch(/macro-enabled/);
  });

  it("flags PDF active content written with name escapes, in object streams, and embedded files", async () => {
    expect((await inspectFile(pdfWithEscapedJavaScript())).flags).toEqual(
      expect.arrayContaining([
        "pdf_active_content:JavaScript",
        "pdf_active_content:JS",
        "pdf_active_content:OpenAction",
      ]),
    );
    expect((await inspectFile(pdfWithJavaScriptInObjectStream())).flags).toEqual(
      expect.arrayContaining(["pdf_active_content:JavaScript", "pdf_active_content:OpenAction"]),
    );
    expect((await inspectFile(pdfWithEmbeddedFileAndLaunch())).flags).toEqual(
      expect.arrayContaining([
        "pdf_active_content:EmbeddedFile",
        "pdf_active_content:Launch",
        "pdf_active_content:AA",
      ]),
    );
  });

  it("refuses a PDF that does not parse into a document", async () => {
    expect(await refusal(latin1("%PDF-1.4\nnot really a pdf at all\n%%EOF\n"))).toMatch(
      /no document catalog/,
    );
    expect(await refusal(demoPdf().subarray(0, 200))).toMatch(/%%EOF/);
  });

  it("refuses damaged images", async () => {
    const png = realPng();
    png[30] = (png[30] ?? 0) ^ 0xff;
    expect(await refusal(png)).toMatch(/checksum|damaged/);
    expect(await refusal(realJpeg().subarray(0, 40))).toMatch(/truncated|damaged/);
  });

  it("stores the name with the detected type's extension, without control or bidi characters", () => {
    expect(storedFilename(checkFilename("report.html"), "pdf")).toBe("report.pdf");
    expect(storedFilename(checkFilename("setup.exe"), "pdf")).toBe("setup.pdf");
    expect(storedFilename(checkFilename("Statement of work (signed).pdf"), "pdf")).toBe(
      "Statement of work (signed).pdf",
    );
    expect(storedFilename(checkFilename("scan.JPEG"), "jpeg")).toBe("scan.JPEG");
    expect(storedFilename(checkFilename("photo"), "png")).toBe("photo.png");
    expect(storedFilename(checkFilename("invoice\u202Efdp.exe"), "pdf")).toBe("invoicefdp.pdf");
    expect(storedFilename(checkFilename("a\u200Eb\u200Fc\u0007d\u0085e.docx"), "docx")).toBe("abcde.docx");
    expect(storedFilename(checkFilename("\u2066.pdf\u2069"), "pdf")).toBe(".pdf");
    expect(storedFilename(checkFilename(".exe"), "pdf")).toBe("document.pdf");
  });
});
