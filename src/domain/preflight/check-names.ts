// Is the customer named, and each claimed product? Names match as whole words of the folded text,
// the customer's without its legal suffix; the domain and tenant id match as written.
import { evidenceOf, type Hit, type TextPart } from "./document-text.ts";
import { conjunctionVariants, findWords, foldWithOrigin, normalizeName } from "./normalize-text.ts";
import type { PreflightClaim } from "./types.ts";

export function findPhrase(parts: TextPart[], folded: string): Hit | null {
  if (!folded) return null;
  for (const part of parts) {
    const index = findWords(part.words.text, folded);
    if (index >= 0) return { part, index, length: folded.length, folded: "words" };
  }
  return null;
}

/** Every place the customer is named, first the name, then its domain, then its tenant id. */
// German umlauts are also written out ("Müller" as "Mueller"); folding alone gives "muller".
const umlautsWrittenOut = (s: string) =>
  s.replace(/ä/giu, "ae").replace(/ö/giu, "oe").replace(/ü/giu, "ue").replace(/ß/gu, "ss");

export function customerNeedles(customer: PreflightClaim["customer"]): string[] {
  return [
    ...conjunctionVariants(normalizeName(customer.name)),
    ...conjunctionVariants(normalizeName(umlautsWrittenOut(customer.name))),
    foldWithOrigin(customer.domain).text,
    foldWithOrigin(customer.tenantId).text,
  ]
    .filter((n) => n.length >= 2)
    .filter((n, i, all) => all.indexOf(n) === i);
}

export function findCustomer(parts: TextPart[], customer: PreflightClaim["customer"]): Hit | null {
  for (const needle of customerNeedles(customer)) {
    const hit = findPhrase(parts, needle);
    if (hit) return hit;
  }
  return null;
}

export interface ProductFinding {
  code: string;
  hit: Hit | null;
}

export function findProducts(parts: TextPart[], products: PreflightClaim["products"]): ProductFinding[] {
  return products.map(({ code, names }) => {
    for (const name of names)
      for (const variant of conjunctionVariants(normalizeName(name))) {
        const hit = findPhrase(parts, variant);
        if (hit) return { code, hit };
      }
    return { code, hit: null };
  });
}

export { evidenceOf };
