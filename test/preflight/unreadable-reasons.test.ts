// Every reason the server writes reads back as its code, and words it did not write as none: the
// web app says the code in the reader's language, so a reason that lost its code would show English.
import { describe, expect, it } from "vitest";
import {
  unreadableReason as r,
  UNREADABLE_CODES,
  type UnreadableCode,
  unreadableCodeOf,
} from "../../src/server/preflight/unreadable-reasons.ts";

const MADE: [string, UnreadableCode][] = [
  [r.image(), "image"],
  [r.unsupportedType("text/plain"), "unsupported_type"],
  [r.damaged("Invalid PDF structure"), "damaged"],
  [r.tooSlow(15), "too_slow"],
  [r.tooMuchMemory(), "too_much_memory"],
  [r.readerSentNothing(), "reader_failed"],
  [r.readerFailed("spawn ENOMEM"), "reader_failed"],
  [r.readerStopped(), "reader_failed"],
  [r.readerShutDown(), "reader_failed"],
  // A load failure's detail may itself say "could not be read": the code is still the reader's.
  [r.loadFailed("the file could not be read: EIO"), "reader_failed"],
  [r.gone(), "gone"],
];

describe("unreadable reasons", () => {
  it.each(MADE)("%s reads back as %s", (words, code) => {
    expect(unreadableCodeOf(words)).toBe(code);
  });
  it("names every code at least once", () => {
    expect(new Set(MADE.map(([, code]) => code))).toEqual(new Set(UNREADABLE_CODES));
  });
  it("gives no code to words it did not make", () => {
    expect(unreadableCodeOf("the cat sat on the file")).toBeUndefined();
    expect(unreadableCodeOf("")).toBeUndefined();
  });
});
