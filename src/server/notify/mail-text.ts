// What users typed, made safe to show in a mail (issue 12.5): a partner could put a link-looking
// line into the consent mail the customer gets ("Contoso — verify at https://evil.example"). Mail
// clients turn URL- and domain-looking text into links, in the plain-text part and often in HTML
// too, so typed text is defanged the way security advisories do it: `http://` becomes
// `http[:]//` and `evil.example` becomes `evil[.]example`. Names lose line breaks (a name cannot
// start a line of its own), and invisible or direction-changing characters go.

// Format characters (zero-width, bidi embedding/override/isolate marks, BOM) and controls other
// than newline and tab.
const INVISIBLE = /\p{Cf}|[^\P{Cc}\n\t]/gu;
// A dot (or a look-alike a client would take for one) between two name labels: domain-looking.
// The next label must be two or more characters with a letter (as a top-level domain is), so that
// "e.g." and "v1.2" stay as typed.
const LABEL_DOT = /([\p{L}\p{N}-])[.\uFF0E\u3002\uFF61](?=[\p{L}\p{N}-]{2})(?=[\p{L}\p{N}-]*\p{L})/gu;
const IPV4 = /\b(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\b/g;

/** Defangs URL- and domain-looking sequences in free text; keeps its line breaks. */
export function defang(text: string): string {
  return text
    .replace(INVISIBLE, "")
    .replace(/:\/\//g, "[:]//")
    .replace(/\b(www)\./gi, "$1[.]")
    .replace(LABEL_DOT, "$1[.]")
    .replace(IPV4, "$1[.]$2[.]$3[.]$4");
}

/** A name for one line of a mail: defanged, its line breaks and tabs folded into single spaces. */
export function defangName(name: string): string {
  return defang(name.replace(/[\r\n\t\u2028\u2029\u0085]+/g, " "))
    .replace(/ {2,}/g, " ")
    .trim();
}
