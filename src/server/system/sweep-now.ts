// Fire every due deadline now (the program admin's button; the server also sweeps on its own).
import { mayOperateSystem } from "../../domain/policies/system.ts";
import { forbidden } from "../../domain/refusal.ts";
import type { AppContext } from "../context.ts";
import { sweep } from "../jobs/sweeper.ts";
import type { Principal } from "../principal.ts";

export async function sweepNow(ctx: AppContext, p: Principal): Promise<{ fired: number; claims: number }> {
  if (!mayOperateSystem(p)) throw forbidden("only a program admin may do this");
  const r = await sweep(ctx);
  return { fired: r.fired, claims: r.claims };
}
