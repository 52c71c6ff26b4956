// GET /api/v1/programs: the programmes, their rates and enrolled organisations (shared configuration).
import { mayViewPrograms } from "../../../domain/policies/incentives.ts";
import { forbidden } from "../../../domain/refusal.ts";
import type { AppContext } from "../../context.ts";
import type { Principal } from "../../principal.ts";
import { listPrograms, type Program } from "../programs.ts";

export async function viewPrograms(ctx: AppContext, principal: Principal): Promise<{ items: Program[] }> {
  if (!mayViewPrograms(principal)) throw forbidden("sign in to see the programmes");
  return { items: await listPrograms(ctx.db.kysely) };
}
