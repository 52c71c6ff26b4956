// Schema migrations, run in order and recorded by Kysely's Migrator (safe with several processes).
import { type Migration, type MigrationProvider, Migrator } from "kysely";
import type { Db } from "./engine.ts";
import * as core from "./migrations/0001-core.ts";
import * as auth from "./migrations/0002-auth.ts";
import * as notifications from "./migrations/0003-notifications.ts";
import * as incentives from "./migrations/0004-incentives.ts";
import * as dashboardIndexes from "./migrations/0005-dashboard-indexes.ts";
import * as claimCounts from "./migrations/0006-claim-counts.ts";
import * as historyEvents from "./migrations/0007-history-events.ts";
import * as webhookBreaker from "./migrations/0008-webhook-breaker.ts";
import * as readIndexes from "./migrations/0009-read-indexes.ts";
import * as oidcIdentityProviders from "./migrations/0010-oidc-identity-providers.ts";
import * as idempotencyLease from "./migrations/0011-idempotency-lease.ts";
import * as blobTimes from "./migrations/0012-blob-times.ts";
import * as preflightDocuments from "./migrations/0013-preflight-documents.ts";
import * as poegenSimilarity from "./migrations/0014-poegen-similarity.ts";
import * as moneyLineResolutions from "./migrations/0015-money-line-resolutions.ts";
import * as oidcwebProviderEnabled from "./migrations/0016-oidcweb-provider-enabled.ts";
import * as bulkClaimImports from "./migrations/0017-bulk-claim-imports.ts";
import * as listsCustomerNameIndex from "./migrations/0018-lists-customer-name-index.ts";
import * as dropOutboxPending from "./migrations/0019-drop-outbox-pending.ts";
import * as operatorListsSkipDrafts from "./migrations/0020-operator-lists-skip-drafts.ts";
import * as claimImportFailure from "./migrations/0021-claim-import-failure.ts";
import * as claimCountSlots from "./migrations/0022-claim-count-slots.ts";

const ALL = {
  "0001-core": core,
  "0002-auth": auth,
  "0003-notifications": notifications,
  "0004-incentives": incentives,
  "0005-dashboard-indexes": dashboardIndexes,
  "0006-claim-counts": claimCounts,
  "0007-history-events": historyEvents,
  "0008-webhook-breaker": webhookBreaker,
  "0009-read-indexes": readIndexes,
  "0010-oidc-identity-providers": oidcIdentityProviders,
  "0011-idempotency-lease": idempotencyLease,
  "0012-blob-times": blobTimes,
  "0013-preflight-documents": preflightDocuments,
  "0014-poegen-similarity": poegenSimilarity,
  "0015-money-line-resolutions": moneyLineResolutions,
  "0016-oidcweb-provider-enabled": oidcwebProviderEnabled,
  "0017-bulk-claim-imports": bulkClaimImports,
  "0018-lists-customer-name-index": listsCustomerNameIndex,
  "0019-drop-outbox-pending": dropOutboxPending,
  "0020-operator-lists-skip-drafts": operatorListsSkipDrafts,
  "0021-claim-import-failure": claimImportFailure,
  "0022-claim-count-slots": claimCountSlots,
};

class InCodeProvider implements MigrationProvider {
  constructor(private readonly db: Db) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const [name, m] of Object.entries(ALL)) out[name] = { up: (k) => m.up(k, this.db.engine) };
    return out;
  }
}

export async function migrate(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db: db.kysely, provider: new InCodeProvider(db) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
