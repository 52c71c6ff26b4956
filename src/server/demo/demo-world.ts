// `claimdesk demo`: three partner organisations with users of every role, the operator's reviewers
// and program admin, a customer registry, claims in every status and sub-state, programme
// enrolments, and a month of revenue with its payout statements.
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { days } from "../../domain/calendar.ts";
import { monthOf } from "../../domain/incentives.ts";
import type { Role } from "../../domain/vocabulary.ts";
import { createOrganization, createUser, upsertCustomer } from "../admin/directory.ts";
import { actOnClaim } from "../claims/use-cases/act-on-claim.ts";
import { addComment } from "../claims/use-cases/add-comment.ts";
import { attachDocument } from "../claims/use-cases/attach-document.ts";
import { createClaim } from "../claims/use-cases/create-claim.ts";
import { customerDecision } from "../claims/use-cases/customer-decision.ts";
import { type AppContext, ManualClock } from "../context.ts";
import { calculatePayouts } from "../incentives/payouts.ts";
import { enroll, listPrograms } from "../incentives/programs.ts";
import { importRevenue } from "../incentives/revenue-import.ts";
import { sweep } from "../jobs/sweeper.ts";
import type { Principal } from "../principal.ts";
import { demoPdf } from "./demo-pdf.ts";
import { demoName } from "./demo-people.ts";
import { COMPETING_APPROVAL, SCENARIOS, type Scenario, type Step } from "./demo-scenarios.ts";

export const DEMO_PASSWORD = "claimdesk-demo";
const ORGS = [
  { name: "Contoso Consulting", slug: "contoso", partnerIds: ["1234567", "1234568"], locale: "en" },
  { name: "Fabrikam Soluciones", slug: "fabrikam", partnerIds: ["2345678"], locale: "es" },
  { name: "Northwind Partners", slug: "northwind", partnerIds: ["3456789"], locale: "en" },
] as const;
/** Customers left free of claims, so that a newcomer has someone to file a claim for. */
const FREE_CUSTOMERS = [
  { name: "Adventure Works", product: "m365_copilot", locale: "en" },
  { name: "Tailspin Toys", product: "power_bi_pro", locale: "en" },
  { name: "Bodega Mundial", product: "teams_phone", locale: "es" },
] as const;
const PARTNER_ROLES: Role[] = ["global_admin", "incentives_admin", "billing_admin"];

export interface SignIn {
  email: string;
  role: Role;
  organization: string | null;
  locale: string;
}

export interface DemoResult {
  signIns: SignIn[];
  password: string;
  claims: { number: string; label: string; status: string }[];
  /** Registry customers with no claim at all: a newcomer can file one for any of them. */
  freeCustomers: { tenantId: string; domain: string; name: string }[];
  /** The month's revenue file the demo imported (CSV), to look at or import again. */
  revenue: { month: string; csv: string; rows: number; statements: number };
}

/** Organisations 0 and 1 are enrolled in every programme; Northwind (2) is not, to show why. */
const ENROLLED = [0, 1];

interface OrgUsers {
  id: string;
  partnerId: string;
  incentives: Principal;
}

async function person(
  ctx: AppContext,
  email: string,
  role: Role,
  organizationId: string | null,
  locale: string,
): Promise<Principal> {
  const name = demoName(email);
  const u = await createUser(ctx, { email, name, password: DEMO_PASSWORD, role, organizationId, locale });
  return { kind: "user", id: u.id, name, role, organizationId, locale };
}

export async function loadDemo(
  base: AppContext,
  onProgress: (line: string) => void = () => {},
): Promise<DemoResult> {
  const already = await base.db.kysely
    .selectFrom("settings")
    .select("value")
    .where("key", "=", "demo_loaded")
    .executeTakeFirst();
  if (already)
    throw new Error(
      "the demo world is already loaded in this database (claimdesk demo runs once per database)",
    );
  const signIns: SignIn[] = [];
  const orgs: OrgUsers[] = [];
  for (const o of ORGS) {
    const org = await createOrganization(base, { name: o.name, partnerIds: [...o.partnerIds] });
    const people = new Map<Role, Principal>();
    for (const role of PARTNER_ROLES) {
      const email = `${role.replace("_admin", "")}@${o.slug}.example`;
      people.set(role, await person(base, email, role, org.id, o.locale));
      signIns.push({ email, role, organization: o.name, locale: o.locale });
    }
    // The demo's claims are filed by each organisation's incentives admin.
    const incentives = people.get("incentives_admin");
    if (!incentives) throw new Error("unreachable: every organisation gets an incentives admin");
    orgs.push({ id: org.id, partnerId: o.partnerIds[0], incentives });
    onProgress(`organisation ${o.name} with its users`);
  }
  for (const program of await listPrograms(base.db.kysely))
    for (const i of ENROLLED) {
      const org = orgs[i];
      if (org) await enroll(base.db.kysely, program.code, org.id, base.clock.now());
    }
  const reviewer = await person(base, "reviewer@operator.example", "reviewer", null, "en");
  await person(base, "revisora@operator.example", "reviewer", null, "es");
  await person(base, "program-admin@operator.example", "program_admin", null, "en");
  signIns.push(
    { email: "reviewer@operator.example", role: "reviewer", organization: null, locale: "en" },
    { email: "revisora@operator.example", role: "reviewer", organization: null, locale: "es" },
    { email: "program-admin@operator.example", role: "program_admin", organization: null, locale: "en" },
  );

  const realNow = base.clock.now();
  const customers = new Map<
    string,
    { tenantId: string; domain: string; name: string; subscriptionId: string }
  >();
  const claimIds = new Map<string, string>();
  const byLabel = new Map(SCENARIOS.map((s) => [s.label, s]));
  for (const s of SCENARIOS) {
    const customer = s.sameCustomerAs ? customers.get(s.sameCustomerAs) : undefined;
    const c = customer ?? (await newCustomer(base, s));
    customers.set(s.label, c);
    const clock = new ManualClock(realNow - days(s.createdDaysAgo));
    const ctx: AppContext = { ...base, clock };
    const org = orgs[s.org];
    if (!org) throw new Error(`scenario ${s.label}: no organisation ${s.org}`);
    const subscriptionBased = !!(await base.db.kysely
      .selectFrom("products")
      .select("basis")
      .where("code", "=", s.products[0] ?? "")
      .where("basis", "=", "subscription")
      .executeTakeFirst());
    const claim = await createClaim(ctx, org.incentives, {
      partnerId: org.partnerId,
      customer: {
        tenantId: c.tenantId,
        domain: c.domain,
        name: c.name,
        ...(subscriptionBased ? { subscriptionId: c.subscriptionId } : {}),
      },
      activity: s.products.length % 2 ? "deployment" : "usage",
      products: s.products,
      customerContact: {
        name: "Casey Customer",
        title: "IT director",
        email: `it@${c.domain}`,
        locale: s.org === 1 ? "es" : "en",
      },
      partnerContact: { name: "Paula Partner", email: `paula@${ORGS[s.org].slug}.example` },
    });
    claimIds.set(s.label, claim.id);
    for (const step of s.steps) {
      clock.set(realNow - days(step.at));
      await runStep(ctx, step, claim.id, org.incentives, reviewer);
    }
    onProgress(`claim ${claim.number}: ${s.label}`);
  }
  const winner = claimIds.get(COMPETING_APPROVAL.winner);
  if (winner && byLabel.has(COMPETING_APPROVAL.winner)) {
    await actOnClaim(
      { ...base, clock: new ManualClock(realNow - days(COMPETING_APPROVAL.atDaysAgo)) },
      reviewer,
      winner,
      { type: "approve" },
    );
  }
  for (const f of FREE_CUSTOMERS) {
    const tenantId = randomUUID();
    const slug = f.name.toLowerCase().replace(/[^a-z]+/g, "-");
    await upsertCustomer(base, {
      tenantId,
      domain: `${slug}-${tenantId.slice(0, 4)}.example.com`,
      name: f.name,
      locale: f.locale,
      subscriptions: [{ id: randomUUID(), product: f.product, status: "active" }],
    });
  }
  onProgress(`customers with no claim yet: ${FREE_CUSTOMERS.length}`);
  const swept = await sweep(base);
  onProgress(`deadlines due by now fired: ${swept.fired}`);
  const revenue = await demoRevenue(base, customers, realNow);
  onProgress(
    `revenue of ${revenue.month} imported: ${revenue.rows} rows, ${revenue.statements} payout statements`,
  );
  await base.db.kysely
    .insertInto("settings")
    .values({ key: "demo_loaded", value: new Date(realNow).toISOString() })
    .execute();

  const rows = await base.db.kysely
    .selectFrom("claims")
    .select(["id", "number", "status"])
    .where("id", "in", [...claimIds.values()])
    .execute();
  const claims = [...claimIds.entries()].map(([label, id]) => {
    const r = rows.find((x) => x.id === id);
    return { number: r?.number ?? "?", label, status: r?.status ?? "?" };
  });
  const freeCustomers = await base.db.kysely
    .selectFrom("customers")
    .select(["tenant_id as tenantId", "domain", "name"])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("claims")
            .select("claims.id")
            .whereRef("claims.tenant_id", "=", "customers.tenant_id"),
        ),
      ),
    )
    .orderBy("name")
    .execute();
  return { signIns, password: DEMO_PASSWORD, claims, freeCustomers, revenue };
}

/**
 * A month of revenue for every demo customer (this month, so that claims assessed in it earn),
 * imported through the real importer, and the month's payout statements calculated.
 */
async function demoRevenue(
  ctx: AppContext,
  customers: Map<string, { tenantId: string; subscriptionId: string }>,
  now: number,
) {
  const month = monthOf(now);
  const lines = ["tenantId,subscriptionId,product,month,amount,currency"];
  let i = 0;
  const seen = new Set<string>();
  for (const [label, c] of customers) {
    const product = SCENARIOS.find((x) => x.label === label)?.products[0] ?? "teams";
    // Competing scenarios share a customer: one row per subscription and product.
    const key = `${c.tenantId} ${c.subscriptionId} ${product}`;
    if (seen.has(key)) continue;
    seen.add(key);
    i += 1;
    lines.push(`${c.tenantId},${c.subscriptionId},${product},${month},${(1000 + i * 137.25).toFixed(2)},USD`);
  }
  const csv = `${lines.join("\n")}\n`;
  const r = await importRevenue(ctx, Readable.from([csv]), {
    dryRun: false,
    filename: "demo-revenue.csv",
    userId: "demo",
  });
  if (!r.imported) throw new Error(`demo revenue refused: ${JSON.stringify(r.errors.slice(0, 3))}`);
  const p = await calculatePayouts(ctx.db, month, now);
  return { month, csv, rows: r.rows, statements: p.statements };
}

async function newCustomer(ctx: AppContext, s: Scenario) {
  const tenantId = randomUUID();
  const subscriptionId = randomUUID();
  const slug = s.label
    .replace(/[^a-z]+/gi, "-")
    .slice(0, 20)
    .replace(/-$/, "")
    .toLowerCase();
  const domain = `${slug}-${tenantId.slice(0, 4)}.example.com`;
  const name = `${slug.replace(/-/g, " ")} Ltd`;
  await upsertCustomer(ctx, {
    tenantId,
    domain,
    name,
    locale: s.org === 1 ? "es" : "en",
    subscriptions: [{ id: subscriptionId, product: s.products[0] ?? "d365_sales", status: "active" }],
  });
  return { tenantId, domain, name, subscriptionId };
}

async function runStep(
  ctx: AppContext,
  step: Step,
  claimId: string,
  partner: Principal,
  reviewer: Principal,
): Promise<void> {
  switch (step.do) {
    case "upload":
      await attachDocument(ctx, partner, claimId, {
        filename: "proof-of-execution.pdf",
        source: Readable.from([demoPdf()]),
      });
      return;
    case "comment":
      await addComment(ctx, step.by === "partner" ? partner : reviewer, claimId, step.body);
      return;
    case "act":
      await actOnClaim(ctx, step.by === "partner" ? partner : reviewer, claimId, step.command);
      return;
    case "customer":
      await customerDecision(ctx, claimId, step.decision, { name: "Casey Customer" });
      return;
  }
}
