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

/** The first string (or key) in a parsed JSON value, query or params that cannot be stored. */
export function findUnstorableText(value: unknown, path = ""): TextFault | null {
  if (typeof value === "string") {
    const message = faultOf(value);
    return message ? { instancePath: path, message } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const f = findUnstorableText(value[i], `${path}/${i}`);
      if (f) return f;
    }
    return null;
  }
  if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const keyFault = faultOf(k);
      if (keyFault) return { instancePath: path, message: `has a key that ${keyFault}` };
      const f = findUnstorableText(v, `${path}/${k.replaceAll("~", "~0").replaceAll("/", "~1")}`);
      if (f) return f;
    }
  }
  return null;
}
