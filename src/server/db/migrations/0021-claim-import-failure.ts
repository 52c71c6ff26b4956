// A failed bulk import kept only its reason in English words (`error`), which the web app could
// show but not translate. The refusal's code, the input's reason code (a field's, where the claim
// was invalid) and the file's line beside it let each reader see the reason in their language;
// `error` stays for the API's readers and older rows.
import type { Kysely } from "kysely";
import type { Engine } from "../engine.ts";

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving row types.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb, _engine: Engine): Promise<void> {
  await db.schema.alterTable("claim_imports").addColumn("error_code", "text").execute();
  await db.schema.alterTable("claim_imports").addColumn("error_line", "integer").execute();
  await db.schema.alterTable("claim_imports").addColumn("error_reason", "text").execute();
}
