// Parsed JSON columns, remembered by their text. A dashboard reads the same newest rows again and
// again; JSON.parse of each row's state and contacts was a sixth of a list page's CPU (issue 13).
// Keyed by the stored text itself, an entry can never be stale: a changed claim has changed text.
// Entries are frozen, deeply, because every caller shares them: a use case that tried to modify
// one in place would throw instead of corrupting another request's answer.
const LIMIT = 4_000;

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

export class ParsedJson<T> {
  readonly #entries = new Map<string, T>();

  parse(text: string): T {
    let value = this.#entries.get(text);
    if (value === undefined) {
      value = deepFreeze(JSON.parse(text) as T);
      // Cleared, not evicted one by one: a full map means the working set moved on.
      if (this.#entries.size >= LIMIT) this.#entries.clear();
      this.#entries.set(text, value);
    }
    return value;
  }
}
