// Small helpers shared by tests.
import { RefusalError } from "../../src/domain/refusal.ts";

/** The refusal a use case answered with; fails the test if it succeeded or threw something else. */
export async function refusalOf(p: Promise<unknown>): Promise<RefusalError["refusal"]> {
  try {
    await p;
  } catch (e) {
    if (e instanceof RefusalError) return e.refusal;
    throw e;
  }
  throw new Error("expected a refusal, the use case succeeded");
}

/** mulberry32: small, seedable, good enough to pick actions and delays reproducibly. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
