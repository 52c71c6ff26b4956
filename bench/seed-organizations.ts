// The benchmark database of `npm run bench` and `npm run bench:soak`: `total` claims spread over
// `orgs` partner organisations of one customer, the paths cycling through the lifecycle, every
// claim created within the last hours so that no deadline is due and no sweep competes with the
// load, each on a product of its own so that no two share an association key.
import { STATUSES } from "../src/domain/vocabulary.ts";
import { createOrganization, upsertCustomer } from "../src/server/admin/directory.ts";
import type { AppContext } from "../src/server/context.ts";
import { seedClaims } from "../src/server/seed/bulk-seed.ts";

/** Every status of the lifecycle, in turn. */
export const BENCH_PATHS = STATUSES;
export const BENCH_TENANT = "00000000-0000-4000-8000-000000000001";

export interface SeededOrganization {
  index: number;
  id: string;
  /** The claim ids in seeding order, with the path each was taken along. */
  claims: { id: string; path: (typeof BENCH_PATHS)[number] }[];
}

export async function seedOrganizations(
  ctx: AppContext,
  o: {
    total: number;
    orgs: number;
    /** The first organisation's partner id; the others count up from it. */
    partnerBase: number;
    /** Names "<name> 0", "<name> 1"…; claim numbers "<prefix>0-…". */
    name: string;
    prefix: string;
    domain: string;
    /** Told after each organisation, with the claims seeded so far. */
    onOrganization?: (org: SeededOrganization, seeded: number) => void;
  },
): Promise<void> {
  await upsertCustomer(ctx, {
    tenantId: BENCH_TENANT,
    domain: o.domain,
    name: "Bench customer",
    subscriptions: [],
  });
  const perOrg = Math.ceil(o.total / o.orgs);
  for (let i = 0; i < o.orgs && i * perOrg < o.total; i++) {
    const partnerId = String(o.partnerBase + i);
    const org = await createOrganization(ctx, { name: `${o.name} ${i}`, partnerIds: [partnerId] });
    const pathOf = (n: number) => BENCH_PATHS[n % BENCH_PATHS.length] ?? "editing";
    const ids = await seedClaims(ctx, {
      count: Math.min(perOrg, o.total - i * perOrg),
      organizationId: org.id,
      partnerId,
      numberPrefix: `${o.prefix}${i}`,
      pick: (n) => ({
        path: pathOf(n),
        at: Date.now() - (n % 180) * 60_000,
        product: `p${i}-${n}`,
        tenantId: BENCH_TENANT,
      }),
      batchSize: 500,
    });
    const claims = ids.map((id, n) => ({ id, path: pathOf(n) }));
    o.onOrganization?.({ index: i, id: org.id, claims }, Math.min(o.total, (i + 1) * perOrg));
  }
}
