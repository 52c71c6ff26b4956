// PNG and JPEG judged by walking their structure from the first byte, not by looking at the last
// ones: a file ends where its format says (PNG: the IEND chunk; JPEG: the end-of-image marker), and
// any byte after that is refused. A trailer copied into a ZIP comment behind the image (the old
// polyglot trick) therefore no longer passes.
import { crc32 } from "node:zlib";
import { FileRejectedError } from "./file-kinds.ts";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Walks every chunk (length, type, data, CRC) up to IEND; refuses bytes after it. */
export function checkPng(buf: Buffer): void {
  if (!buf.subarray(0, 8).equals(PNG_SIGNATURE)) throw new FileRejectedError("not a PNG image");
  let at = 8;
  let first = true;
  while (at + 12 <= buf.length) {
    const length = buf.readUInt32BE(at);
    const type = buf.subarray(at + 4, at + 8);
    const end = at + 12 + length;
    if (!/^[A-Za-z]{4}$/.test(type.toString("latin1")) || length > 0x7fffffff || end > buf.length)
      throw new FileRejectedError("the PNG's chunks are damaged (truncated or not a PNG)");
    if (first && type.toString("latin1") !== "IHDR")
      throw new FileRejectedError("the PNG does not start with its IHDR chunk");
    first = false;
    if (crc32(buf.subarray(at + 4, at + 8 + length)) !== buf.readUInt32BE(at + 8 + length))
      throw new FileRejectedError("a PNG chunk fails its checksum (damaged file)");
    if (type.toString("latin1") === "IEND") {
      if (end !== buf.length)
        throw new FileRejectedError("data follows the PNG's IEND chunk (a file hidden behind the image)");
      return;
    }
    at = end;
  }
  throw new FileRejectedError("the PNG does not end with its IEND chunk: truncated");
}

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const standalone = (m: number) => (m >= 0xd0 && m <= 0xd7) || m === 0x01;

/** The offset just past one JPEG image's end-of-image marker, walking its segments from `start`. */
function jpegEnd(buf: Buffer, start: number): number {
  if (buf[start] !== 0xff || buf[start + 1] !== SOI) throw new FileRejectedError("not a JPEG image");
  let at = start + 2;
  while (at < buf.length) {
    if (buf[at] !== 0xff) throw new FileRejectedError("the JPEG's segments are damaged");
    while (buf[at] === 0xff) at++; // fill bytes
    const marker = buf[at];
    if (marker === undefined) break;
    at++;
    if (marker === EOI) return at;
    if (standalone(marker)) continue;
    if (at + 2 > buf.length) break;
    const length = buf.readUInt16BE(at);
    if (length < 2 || at + length > buf.length) throw new FileRejectedError("a JPEG segment is truncated");
    at += length;
    if (marker !== SOS) continue;
    // Entropy-coded data: runs until a marker that is not a stuffed 0xFF00 or a restart marker.
    while (at < buf.length) {
      if (buf[at] !== 0xff) {
        at++;
        continue;
      }
      const next = buf[at + 1];
      if (next === 0x00 || (next !== undefined && next >= 0xd0 && next <= 0xd7)) at += 2;
      else if (next === 0xff) at++;
      else break;
    }
  }
  throw new FileRejectedError("the JPEG does not end with its end-of-image marker: truncated");
}

/**
 * Walks the image to its end-of-image marker. What may follow is only further whole JPEG images
 * (cameras append a second picture in the Multi-Picture Format); anything else is refused.
 */
export function checkJpeg(buf: Buffer): void {
  let at = jpegEnd(buf, 0);
  for (let images = 1; at < buf.length; images++) {
    if (images >= 8 || buf[at] !== 0xff || buf[at + 1] !== SOI)
      throw new FileRejectedError("data follows the JPEG's end-of-image marker (a file hidden behind it)");
    at = jpegEnd(buf, at);
  }
}
