// A text filter kept in the URL: the box shows what is typed at once, the URL (and with it the
// rows and the export link, which read only the URL) follows 300 ms after the last key, and a
// change of the URL from elsewhere (back, forward, a link, "clear filters") puts its value back in
// the box. The URL is the one truth; the box is at most one pause behind it.
import { useEffect, useRef, useState } from "react";
import { useSearchParams } from "react-router";

export const TYPING_PAUSE_MS = 300;

export function useUrlText(name: string, onCommit?: () => void) {
  const [params, setParams] = useSearchParams();
  const inUrl = params.get(name) ?? "";
  const [text, setText] = useState(inUrl);
  // The value this box last wrote to the URL: a URL that says something else was changed elsewhere.
  const written = useRef(inUrl);
  const commit = useRef(onCommit);
  commit.current = onCommit;
  useEffect(() => {
    if (inUrl !== written.current) {
      written.current = inUrl;
      setText(inUrl);
    }
  }, [inUrl]);
  useEffect(() => {
    const value = text.trim();
    if (value === written.current) return;
    const timer = setTimeout(() => {
      written.current = value;
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (value) next.set(name, value);
          else next.delete(name);
          return next;
        },
        // One history entry per pause in typing, so that Back steps through the searches made.
      );
      commit.current?.();
    }, TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text, name, setParams]);
  // `value` is the URL's: what the rows are for.
  return { text, setText, value: inUrl, pending: text.trim() !== inUrl };
}
