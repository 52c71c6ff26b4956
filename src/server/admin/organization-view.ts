// Organisations as the administration answers them: the row, its partner IDs, and what the caller
// may do with it. Read in a fixed number of queries, however many organisations there are.
import { organizationAbilities } from "../../domain/policies/admin.ts";
import type { Subject } from "../../domain/policies/subject.ts";
import type { Executor } from "../db/transact.ts";

export interface OrganizationView {
  id: string;
  name: string;
  partnerIds: string[];
  calendarId: string | null;
  abilities: ReturnType<typeof organizationAbilities>;
}

/** Organisations ordered by name: one of them when `only` is given, else all. Two queries. */
export async function readOrganizations(
  db: Executor,
  viewer: Subject,
  only: string | null,
): Promise<OrganizationView[]> {
  let orgs = db.selectFrom("organizations").select(["id", "name", "calendar_id"]).orderBy("name");
  let pids = db.selectFrom("partner_ids").select(["organization_id", "partner_id"]).orderBy("partner_id");
  if (only !== null) {
    orgs = orgs.where("id", "=", only);
    pids = pids.where("organization_id", "=", only);
  }
  const rows = await orgs.execute();
  const partnerIds = await pids.execute();
  const byOrganization = new Map<string, string[]>();
  for (const p of partnerIds) {
    const list = byOrganization.get(p.organization_id);
    if (list) list.push(p.partner_id);
    else byOrganization.set(p.organization_id, [p.partner_id]);
  }
  return rows.map((o) => ({
    id: o.id,
    name: o.name,
    partnerIds: byOrganization.get(o.id) ?? [],
    calendarId: o.calendar_id,
    abilities: organizationAbilities(viewer, o),
  }));
}
