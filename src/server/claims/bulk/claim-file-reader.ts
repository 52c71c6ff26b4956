// A claims file (CSV or XLSX) read into the same rows: the line a person sees in the file (the CSV
// line, the sheet's row number) and the trimmed cells by column name. XLSX is recognised by its ZIP
// signature, whatever the name says; its archive is inflated under limits first (zip bombs).
import { checkZipInflates, ZipRefusal } from "./bounded-zip.ts";

export interface FileRow {
  line: number;
  cells: Record<string, string>;
}

export interface ReadClaimFile {
  header: string[];
  rows: FileRow[];
}

/** The file cannot be read as a table at all. */
export class UnreadableFile extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

const XLSX_LIMITS = { maxEntries: 1000, maxEntryBytes: 64 * 1024 * 1024, maxTotalBytes: 128 * 1024 * 1024 };

const isZip = (b: Buffer) => b.length >= 4 && b.readUInt32LE(0) === 0x04034b50;

export async function readClaimFile(bytes: Buffer, maxRows: number): Promise<ReadClaimFile> {
  const file = isZip(bytes) ? await readXlsx(bytes) : await readCsv(bytes);
  if (file.rows.length > maxRows)
    throw new UnreadableFile(1, `the file has ${file.rows.length} rows; at most ${maxRows} per file`);
  return file;
}

// The parsers are loaded with the first file, not at start (exceljs alone is a second of start-up).
async function readCsv(bytes: Buffer): Promise<ReadClaimFile> {
  const { parse } = await import("csv-parse/sync");
  let header: string[] = [];
  // With `info`, csv-parse hands each record with where it ended (its documented shape).
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse<{ record: Record<string, string>; info: { lines: number } }>(bytes, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
      columns: (first: string[]) => {
        header = first;
        // Blank or repeated header cells still get a column of their own, to be reported.
        return first.map((h, i) => (h && first.indexOf(h) === i ? h : `#${i + 1}`));
      },
    });
  } catch (err) {
    const e = err as { lines?: number; message?: string };
    throw new UnreadableFile(e.lines ?? 1, `not valid CSV: ${e.message ?? String(err)}`);
  }
  return { header, rows: records.map(({ record, info }) => ({ line: info.lines, cells: record })) };
}

function cellsOf(header: string[], values: string[]): Record<string, string> {
  const cells: Record<string, string> = {};
  header.forEach((h, i) => {
    cells[h] = values[i] ?? "";
  });
  // Cells past the header are kept under their position, so that the check can name them.
  for (let i = header.length; i < values.length; i++) if (values[i]) cells[`#${i + 1}`] = values[i] ?? "";
  return cells;
}

async function readXlsx(bytes: Buffer): Promise<ReadClaimFile> {
  try {
    await checkZipInflates(bytes, XLSX_LIMITS);
  } catch (err) {
    throw new UnreadableFile(1, err instanceof ZipRefusal ? err.message : "not a readable XLSX file");
  }
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs's own types want its Buffer alias; a Node Buffer is what it reads.
    await wb.xlsx.load(new Uint8Array(bytes).buffer);
  } catch (err) {
    throw new UnreadableFile(
      1,
      `not a readable XLSX file: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const sheet = wb.worksheets[0];
  if (!sheet) return { header: [], rows: [] };
  let header: string[] | null = null;
  const rows: FileRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    const values: string[] = [];
    for (let i = 1; i <= Math.max(row.cellCount, header?.length ?? 0); i++)
      values.push(row.getCell(i).text.trim());
    if (values.every((v) => v === "")) return;
    if (!header) header = values;
    else rows.push({ line: n, cells: cellsOf(header, values) });
  });
  return { header: header ?? [], rows };
}
