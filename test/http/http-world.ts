// A world built through the administration API: two organisations with users, a reviewer, and
// fresh customers on demand.
import { randomUUID } from "node:crypto";
import { demoPdf } from "../../src/server/demo/demo-pdf.ts";
import type { TestServer, UserClient } from "./http-support.ts";

/**
 * `n` customers straight into the registry, one statement (files of hundreds of rows, each on a
 * customer of its own): the API's one-by-one `customer()` would make such a test slow.
 */
export async function registerCustomers(
  t: TestServer,
  n: number,
): Promise<{ tenantId: string; domain: string }[]> {
  const customers = Array.from({ length: n }, (_, i) => {
    const tenantId = randomUUID();
    return { tenantId, domain: `r${i}-${tenantId.slice(0, 8)}.example.com` };
  });
  await t.server.ctx.db.kysely
    .insertInto("customers")
    .values(
      customers.map((c) => ({
        tenant_id: c.tenantId,
        domain: c.domain,
        name: "C",
        locale: null,
        created_at: 0,
      })),
    )
    .execute();
  return customers;
}

export interface HttpOrg {
  id: string;
  partnerId: string;
  incentives: UserClient;
  global: UserClient;
  billing: UserClient;
}

export interface HttpWorld {
  a: HttpOrg;
  b: HttpOrg;
  reviewer: UserClient;
  customer(): Promise<{ tenantId: string; domain: string }>;
  claimBody(
    org: HttpOrg,
    customer: { tenantId: string; domain: string },
    products?: string[],
  ): Record<string, unknown>;
}

let nextPartnerId = 4_000_000 + Math.floor(Math.random() * 1_000_000);

export const pdfBytes = (): Uint8Array<ArrayBuffer> => new Uint8Array(demoPdf());

async function org(t: TestServer, name: string): Promise<HttpOrg> {
  const partnerId = String(nextPartnerId++);
  const created = await t.admin.post<{ id: string }>("/api/v1/admin/organizations", {
    name,
    partnerIds: [partnerId],
  });
  if (created.status !== 201) throw new Error(JSON.stringify(created.body));
  const id = created.body.id;
  return {
    id,
    partnerId,
    incentives: await t.userClient("incentives_admin", id),
    global: await t.userClient("global_admin", id),
    billing: await t.userClient("billing_admin", id),
  };
}

export async function httpWorld(t: TestServer): Promise<HttpWorld> {
  const a = await org(t, "Contoso");
  const b = await org(t, "Fabrikam");
  return {
    a,
    b,
    reviewer: await t.userClient("reviewer"),
    customer: async () => {
      const tenantId = randomUUID();
      const domain = `c${tenantId.slice(0, 8)}.example.com`;
      const r = await t.admin.post("/api/v1/admin/customers", {
        tenantId,
        domain,
        name: "Customer Ltd",
        subscriptions: [{ id: randomUUID(), product: "d365_sales", status: "active" }],
      });
      if (r.status !== 201) throw new Error(JSON.stringify(r.body));
      return { tenantId, domain };
    },
    claimBody: (o, c, products = ["teams"]) => ({
      partnerId: o.partnerId,
      customer: { tenantId: c.tenantId, domain: c.domain, name: "Customer Ltd" },
      activity: "deployment",
      products,
      customerContact: { name: "Casey", email: "casey@customer.example", locale: "en" },
      partnerContact: { name: "Paula", email: "paula@partner.example" },
    }),
  };
}
