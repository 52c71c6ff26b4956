// On an empty database, the first program admin: from CLAIMDESK_ADMIN_EMAIL/PASSWORD, or generated
// and printed once.
import { randomBytes } from "node:crypto";
import { createUser } from "./admin/directory.ts";
import type { AppContext } from "./context.ts";
import { rowLimit } from "./db/row-limit.ts";

export interface FirstAdmin {
  email: string;
  /** Set only when the password was generated here and must be shown once. */
  generatedPassword: string | null;
}

export async function ensureFirstAdmin(
  ctx: AppContext,
  opts: { email: string | null; password: string | null },
): Promise<FirstAdmin | null> {
  const any = await ctx.db.kysely.selectFrom("users").select("id").limit(rowLimit(1)).executeTakeFirst();
  if (any) return null;
  const email = opts.email ?? "admin@claimdesk.local";
  const password = opts.password ?? randomBytes(12).toString("base64url");
  try {
    await createUser(ctx, { email, name: "Program admin", password, role: "program_admin" });
  } catch (err) {
    // Another server process created it a moment ago.
    const again = await ctx.db.kysely.selectFrom("users").select("id").limit(rowLimit(1)).executeTakeFirst();
    if (again) return null;
    throw err;
  }
  return { email, generatedPassword: opts.password ? null : password };
}
