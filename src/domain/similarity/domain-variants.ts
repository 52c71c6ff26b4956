// Look-alike customer domains (issue 14): `eu.contoso.com`, `con-toso.com`, `contoso.co.uk` and
// `Contoso.com` all reduce to the key `contoso` — the registrable domain (tldts, which knows the
// public-suffix list) without its suffix, folded to lowercase ASCII letters and digits. Claims
// sharing a key for the same product, without sharing an association key, are "similar".
import { parse } from "tldts";

/** Shorter keys match too many unrelated companies (`ab.com`, `a-b.de`) to be a useful flag. */
export const MIN_DOMAIN_KEY_LENGTH = 4;

export function domainKey(domain: string): string | null {
  const host = domain
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, "")
    .replace(/[/?#].*$/, "");
  const parsed = parse(host);
  const label = parsed.domainWithoutSuffix ?? parsed.hostname?.split(".")[0] ?? "";
  const key = label
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[^a-z0-9]/g, "");
  return key.length >= MIN_DOMAIN_KEY_LENGTH ? key : null;
}

/** The keys of a claim: its own domain's and, when the registry knows the tenant, the registry's. */
export function domainKeys(domains: (string | null | undefined)[]): string[] {
  const keys = new Set<string>();
  for (const d of domains) {
    const k = d ? domainKey(d) : null;
    if (k) keys.add(k);
  }
  return [...keys];
}
