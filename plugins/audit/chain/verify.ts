// Verifying an organization's chain: every entry in seq order, read in keyset batches (bounded
// memory for any chain length), each entry's hash recomputed by the database with audit_entry_hash —
// the same SQL function the writer used (see the plugin's migration) — and checked:
//
//   missing_seq       the seq is not previous + 1 (entries were removed), or the head names a later seq
//   broken_link       prevHash is not the previous entry's hash (entries reordered, or a row rewritten
//                     with a recomputed hash — the NEXT entry then no longer links to it)
//   content_mismatch  the stored hash is not the hash of the entry's own columns (a column was changed)
//
// The first problem found is named (seq, time, id, what is wrong); verification stops there, because
// every later entry is only as trustworthy as the first broken one.
import { rootDb } from "@/core/db/client";

export const VERIFY_BATCH = 5_000;
export const GENESIS_HASH = "";

export type ChainProblem = "missing_seq" | "broken_link" | "content_mismatch";
export type VerifyResult =
  | { ok: true; entries: number; headSeq: number }
  | { ok: false; entries: number; problem: ChainProblem; seq: number; at: string | null; entryId: string | null; message: string };

type Row = { id: string; seq: string; at: Date; prevHash: string; hash: string; computed: string };

export async function verifyChain(organizationId: string, opts: { batchSize?: number } = {}): Promise<VerifyResult> {
  const batchSize = opts.batchSize ?? VERIFY_BATCH;
  const db = rootDb();
  const [head] = await db.$queryRaw<Array<{ seq: string; hash: string }>>`
    SELECT seq::text AS seq, hash FROM audit_chain_heads WHERE "organizationId" = ${organizationId}::uuid`;
  let expected = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  for (;;) {
    // ORDER BY e.seq, qualified: the bare name would be the text alias of the select list.
    const rows = await db.$queryRaw<Row[]>`
      SELECT e.id::text AS id, e.seq::text AS seq, e.at, e."prevHash", e.hash, audit_entry_hash(e."prevHash", e) AS computed
      FROM audit_entries e WHERE e."organizationId" = ${organizationId}::uuid AND e.seq >= ${expected}
      ORDER BY e.seq LIMIT ${batchSize}`;
    for (const r of rows) {
      const seq = Number(r.seq);
      const at = r.at.toISOString();
      if (seq !== expected) {
        const gap = seq - 1 === expected ? `entry ${expected} is missing` : `entries ${expected} to ${seq - 1} are missing`;
        return { ok: false, entries: checked, problem: "missing_seq", seq: expected, at: null, entryId: null, message: `Missing seq: ${gap} (the next entry present is ${seq}, ${at}).` };
      }
      if (r.prevHash !== prevHash) {
        return { ok: false, entries: checked, problem: "broken_link", seq, at, entryId: r.id, message: `Broken link at entry ${seq} (${at}): it does not point to the hash of entry ${seq - 1}, which was changed or replaced.` };
      }
      if (r.computed !== r.hash) {
        return { ok: false, entries: checked, problem: "content_mismatch", seq, at, entryId: r.id, message: `Content hash mismatch at entry ${seq} (${at}): its recorded data was changed after it was written.` };
      }
      prevHash = r.hash;
      expected = seq + 1;
      checked++;
    }
    if (rows.length < batchSize) break;
  }
  const headSeq = head ? Number(head.seq) : 0;
  if (headSeq > checked) {
    return { ok: false, entries: checked, problem: "missing_seq", seq: checked + 1, at: null, entryId: null, message: `Missing seq: the chain head says ${headSeq} entries, but entries ${checked + 1} to ${headSeq} are missing.` };
  }
  if (head && headSeq === checked && head.hash !== prevHash) {
    return { ok: false, entries: checked, problem: "broken_link", seq: checked, at: null, entryId: null, message: `Broken link at the chain head: it does not match the hash of entry ${checked}.` };
  }
  return { ok: true, entries: checked, headSeq };
}
