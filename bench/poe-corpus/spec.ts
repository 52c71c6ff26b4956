// What one labelled document is: the claim it is attached to, the one defect it carries (or none),
// the noise it is dressed in, and the label per check that a correct preflight should answer.
import type { Rng } from "./rng.ts";
import { type CorpusCustomer, type CorpusProduct, CUSTOMERS, PRODUCTS } from "./vocabulary.ts";

export const CHECKS = [
  "customer_named",
  "products_named",
  "dates",
  "customer_acknowledgment",
  "partner_work_described",
] as const;
export type CheckName = (typeof CHECKS)[number];
// "unknown": a correct preflight cannot tell (a blank signature line may carry ink on the paper).
export type Expected = "pass" | "warn" | "unknown";

export const DEFECTS = [
  "none",
  "no_customer",
  "other_customer",
  "no_products",
  "partial_products",
  "no_dates",
  "old_dates",
  "future_date",
  "no_ack",
  "no_work",
] as const;
export type Defect = (typeof DEFECTS)[number];

export type Layout = "plain" | "columns" | "scanned" | "form";
export type CustomerMention = "name" | "variant" | "domain" | "tenant";
// field: a filled AcroForm signer field; block: a signature line with a "Signed by" line under it;
// marker: a readable marker ("/s/", "Digitally signed by", "Aceptado por"); line: a blank signature
// line with the signer's name and title typed under it, and nothing readable that signs.
export type AckKind = "field" | "block" | "marker" | "line";

export interface CorpusClaim {
  customerName: string;
  customerDomain: string;
  tenantId: string;
  products: string[];
  customerContact: { name: string; title: string };
}

export interface DocSpec {
  id: string;
  lang: "en" | "es";
  format: "pdf" | "docx";
  defect: Defect;
  layout: Layout;
  claim: CorpusClaim;
  /** Whom the document is about (another customer for `other_customer`). */
  subject: CorpusCustomer;
  mention: CustomerMention;
  /** Products the document names (aliases chosen), and any it names that the claim does not. */
  named: { product: CorpusProduct; alias: string }[];
  ack: AckKind | null;
  withInvoice: boolean;
  withTable: boolean;
  labels: Record<CheckName, Expected>;
}

const WARN_BY_DEFECT: Record<Defect, CheckName | null> = {
  none: null,
  no_customer: "customer_named",
  other_customer: "customer_named",
  no_products: "products_named",
  partial_products: "products_named",
  no_dates: "dates",
  old_dates: "dates",
  future_date: "dates",
  no_ack: "customer_acknowledgment",
  no_work: "partner_work_described",
};

const words = (s: string) =>
  new Set(
    s
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 2),
  );
const overlaps = (a: CorpusProduct, b: CorpusProduct) => {
  const wa = new Set(a.aliases.en.concat(a.aliases.es).flatMap((s) => [...words(s)]));
  const generic = new Set(["microsoft", "dynamics", "365", "office", "for", "para"]);
  return b.aliases.en
    .concat(b.aliases.es)
    .some((s) => [...words(s)].some((w) => !generic.has(w) && wa.has(w)));
};

/** Draws the i-th document: defects cycle so every class is equally represented. */
export function drawSpec(r: Rng, i: number): DocSpec {
  const cycle: Defect[] = ["none", "none", ...DEFECTS.slice(1)];
  const defect = cycle[i % cycle.length] ?? "none";
  const lang = r.chance(0.5) ? "en" : "es";
  const format = r.chance(0.6) ? "pdf" : "docx";
  const customer = r.pick(CUSTOMERS);
  const claimed = r.shuffle(PRODUCTS).slice(0, r.int(1, 3));
  const subject =
    defect === "other_customer"
      ? r.pick(CUSTOMERS.filter((x) => x !== customer && !sharesWord(x.name, customer.name)))
      : customer;
  const unclaimed = PRODUCTS.filter((x) => !claimed.some((y) => y === x || overlaps(x, y)));
  let inDoc: CorpusProduct[] = claimed;
  if (defect === "no_products") inDoc = r.shuffle(unclaimed).slice(0, r.int(0, 2));
  if (defect === "partial_products") {
    if (claimed.length === 1) claimed.push(r.pick(unclaimed.filter((x) => !claimed.includes(x))));
    inDoc = claimed.slice(0, claimed.length - 1);
  }
  const named = inDoc.map((product) => ({ product, alias: r.pick(product.aliases[lang]) }));
  const ackKinds: AckKind[] =
    format === "pdf" ? ["field", "block", "marker", "line"] : ["block", "marker", "marker", "line"];
  const ack = defect === "no_ack" ? null : r.pick(ackKinds);
  const labels = Object.fromEntries(CHECKS.map((c) => [c, "pass"])) as Record<CheckName, Expected>;
  const warn = WARN_BY_DEFECT[defect];
  if (warn) labels[warn] = "warn";
  // A blank line is no acknowledgment text can read, nor its absence: the honest answer is unknown.
  if (ack === "line") labels.customer_acknowledgment = "unknown";
  return {
    id: `poe-${String(i).padStart(4, "0")}`,
    lang,
    format,
    defect,
    layout: r.pick(["plain", "plain", "columns", "scanned", "form"] as const),
    claim: {
      customerName: customer.name,
      customerDomain: customer.domain,
      tenantId: customer.tenantId,
      products: claimed.map((x) => x.code),
      customerContact: customer.contact,
    },
    subject,
    mention: r.pick(["name", "variant", "variant", "domain", "tenant"] as const),
    named,
    ack,
    withInvoice: r.chance(0.4),
    withTable: r.chance(0.6),
    labels,
  };
}

function sharesWord(a: string, b: string): boolean {
  const wb = words(b);
  return [...words(a)].some((w) => wb.has(w));
}
