// Reading a ZIP that a partner sends (a claims XLSX, a ZIP of PoE) without trusting it: yauzl
// checks every entry's real size against the size its header declares (validateEntrySizes), and
// we refuse before inflating when the declared sizes pass our limits, so a zip bomb costs at most
// the limits, never memory or disk beyond them.
import type { Readable } from "node:stream";
import yauzl, { type Entry, type ZipFile } from "yauzl";

export interface ZipLimits {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
}

export class ZipRefusal extends Error {}

function openZip(buf: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(
      buf,
      { lazyEntries: true, validateEntrySizes: true, strictFileNames: false, decodeStrings: true },
      (err, zip) =>
        err ? reject(new ZipRefusal(`not a readable ZIP archive: ${err.message}`)) : resolve(zip),
    ),
  );
}

export interface ZipEntry {
  name: string;
  size: number;
  directory: boolean;
  /** The inflated bytes, as a stream that fails if they are more than the header said. */
  open(): Promise<Readable>;
}

/**
 * Calls `visit` for each entry in order, one at a time. An archive over the limits is refused
 * before `visit` sees anything (the central directory is listed first).
 */
export async function eachZipEntry(
  buf: Buffer,
  limits: ZipLimits,
  visit: (entry: ZipEntry) => Promise<void>,
): Promise<void> {
  const zip = await openZip(buf);
  try {
    if (zip.entryCount > limits.maxEntries)
      throw new ZipRefusal(`the archive has ${zip.entryCount} entries; at most ${limits.maxEntries}`);
    const entries = await listEntries(zip);
    let total = 0;
    for (const e of entries) {
      if (e.isEncrypted()) throw new ZipRefusal(`${e.fileName} is encrypted`);
      if (e.uncompressedSize > limits.maxEntryBytes)
        throw new ZipRefusal(`${e.fileName} inflates to more than ${limits.maxEntryBytes} bytes`);
      total += e.uncompressedSize;
    }
    if (total > limits.maxTotalBytes)
      throw new ZipRefusal(`the archive inflates to more than ${limits.maxTotalBytes} bytes`);
    for (const e of entries) {
      await visit({
        name: e.fileName,
        size: e.uncompressedSize,
        directory: e.fileName.endsWith("/"),
        open: () =>
          new Promise<Readable>((resolve, reject) =>
            zip.openReadStream(e, (err, stream) => (err ? reject(err) : resolve(stream))),
          ),
      });
    }
  } finally {
    zip.close();
  }
}

function listEntries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const out: Entry[] = [];
    zip.on("error", (err: Error) => reject(new ZipRefusal(`the archive is damaged: ${err.message}`)));
    zip.on("end", () => resolve(out));
    zip.on("entry", (e: Entry) => {
      out.push(e);
      zip.readEntry();
    });
    zip.readEntry();
  });
}

/** Inflates every entry once, counting, so that a lying header is caught before a library trusts it. */
export async function checkZipInflates(buf: Buffer, limits: ZipLimits): Promise<void> {
  await eachZipEntry(buf, limits, async (entry) => {
    if (entry.directory) return;
    const stream = await entry.open();
    try {
      for await (const _ of stream) {
        // validateEntrySizes makes the stream fail past the declared size, which the limits bound.
      }
    } catch (err) {
      throw new ZipRefusal(`${entry.name} is damaged: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
}
