// Text the stores cannot keep faithfully is refused at the edge, once for every route: PostgreSQL
// refuses U+0000 in text (a 500 there, kept as is on SQLite), and a lone UTF-16 surrogate has no
// UTF-8 form (PostgreSQL stores U+FFFD, SQLite the replacement too, while the 201 echoed the
// original). Refusing both with 422 validation_failed is the same answer on both engines and keeps
// a stored string equal to the one the client sent; normalising would change it silently.

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding NUL is the point.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export interface TextFault {
  /** JSON pointer of the offending string (or of the object key that holds it). */
  instancePath: string;
  message: string;
}

function faultOf(s: string): string | null {
  const m = UNSTORABLE.exec(s);
  if (!m) return null;
  return m[0] === "\u0000"
    ? "must not contain a NUL character (U+0000)"
    : "must not contain a lone surrogate";
}

const pointer = (path: string, key: string | number) =>
  `${path}/${String(key).replaceAll("~", "~0").replaceAll("/", "~1")}`;

/**
 * The first string (or key) in a parsed JSON value, query or params that cannot be stored. Walked
 * with an explicit stack: a deeply nested body must not overflow the call stack (a 500).
 */
export function findUnstorableText(value: unknown): TextFault | null {
  const stack: [unknown, string][] = [[value, ""]];
  while (stack.length > 0) {
    const next = stack.pop();
    if (!next) break;
    const [v, path] = next;
    if (typeof v === "string") {
      const message = faultOf(v);
      if (message) return { instancePath: path, message };
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], pointer(path, i)]);
    } else if (v !== null && typeof v === "object") {
      const entries = Object.entries(v);
      for (const [k] of entries) {
        const keyFault = faultOf(k);
        if (keyFault) return { instancePath: path, message: `has a key that ${keyFault}` };
      }
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, child] = entries[i] ?? ["", undefined];
        stack.push([child, pointer(path, k)]);
      }
    }
  }
  return null;
}
