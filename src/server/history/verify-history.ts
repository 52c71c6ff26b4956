// Recomputes every claim's hash chain. A break is any entry whose hash, link or sequence number
// does not follow, or a claim whose recorded head does not match its last entry (truncation).

import { entryHash, GENESIS_HASH } from "../claims/history-chain.ts";
import type { Db } from "../db/engine.ts";
import { rowLimit } from "../db/row-limit.ts";

export interface HistoryBreak {
  claimId: string;
  claimNumber: string;
  seq: number | null;
  problem: string;
}

export interface VerifyResult {
  claims: number;
  entries: number;
  breaks: HistoryBreak[];
}

const PAGE = 500;

export async function verifyHistory(db: Db, onProgress?: (claims: number) => void): Promise<VerifyResult> {
  const result: VerifyResult = { claims: 0, entries: 0, breaks: [] };
  let after = "";
  for (;;) {
    const claims = await db.kysely
      .selectFrom("claims")
      .select(["id", "number", "history_seq", "history_hash"])
      .where("id", ">", after)
      .orderBy("id")
      .limit(rowLimit(PAGE))
      .execute();
    if (claims.length === 0) return result;
    const ids = claims.map((c) => c.id);
    const rows = await db.kysely
      .selectFrom("history")
      .selectAll()
      .where("claim_id", "in", ids)
      .orderBy("claim_id")
      .orderBy("seq")
      .execute();
    const byClaim = new Map<string, typeof rows>();
    for (const r of rows) {
      const list = byClaim.get(r.claim_id) ?? [];
      list.push(r);
      byClaim.set(r.claim_id, list);
    }
    for (const c of claims) {
      const entries = byClaim.get(c.id) ?? [];
      const broken = (seq: number | null, problem: string) =>
        result.breaks.push({ claimId: c.id, claimNumber: c.number, seq, problem });
      let prev = GENESIS_HASH;
      let expectedSeq = 1;
      for (const e of entries) {
        if (e.seq !== expectedSeq) broken(e.seq, `sequence jumps from ${expectedSeq - 1} to ${e.seq}`);
        if (e.prev_hash !== prev) broken(e.seq, "does not link to the previous entry");
        const { hash, ...content } = e;
        if (entryHash(content) !== hash) broken(e.seq, "content does not match its hash (edited)");
        prev = hash;
        expectedSeq = e.seq + 1;
      }
      const last = entries.at(-1);
      if ((last?.seq ?? 0) !== c.history_seq || (last?.hash ?? GENESIS_HASH) !== c.history_hash) {
        broken(
          last?.seq ?? null,
          `the claim records ${c.history_seq} entries but ${entries.length} remain (deleted or truncated)`,
        );
      }
      result.entries += entries.length;
    }
    result.claims += claims.length;
    onProgress?.(result.claims);
    after = claims.at(-1)?.id ?? after;
  }
}
