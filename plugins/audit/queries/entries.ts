// Reading the log: a page of the filtered entries (newest or oldest first, by seq — the
// (organizationId, seq) unique index, and the per-column indexes for filters), one entry, a record's
// history and a keyset stream for the export. Every query binds the organization from the caller's
// context: an id of another organization's entry is simply not found.
import { Prisma, rootDb } from "@/core/db/client";
import type { FieldChange } from "../chain/types";
import { isUuid } from "@/core/db/ids";
import { auditWhereSql, type AuditFilter } from "./filters";

export type AuditEntryView = {
  id: string;
  seq: number;
  at: string;
  actorType: string;
  actorId: string | null;
  actorLabel: string;
  actorUserId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  targetLabel: string | null;
  changes: FieldChange[];
  source: string | null;
  requestId: string | null;
  ip: string | null;
  importId: string | null;
  eventId: string | null;
  hash: string;
  prevHash: string;
};

const COLUMNS = Prisma.raw(`e.id::text AS id, e.seq::text AS seq, e.at, e."actorType", e."actorId", e."actorLabel", e."actorUserId"::text AS "actorUserId", e.action,
  e."targetType", e."targetId", e."targetLabel", e.changes, e.source, e."requestId", e.ip, e."importId", e."eventId"::text AS "eventId", e.hash, e."prevHash"`);

type Raw = Omit<AuditEntryView, "seq" | "at"> & { seq: string; at: Date };
const view = (r: Raw): AuditEntryView => ({ ...r, seq: Number(r.seq), at: r.at.toISOString(), changes: Array.isArray(r.changes) ? r.changes : [] });

export const MAX_COUNT = 100_000;

export async function listEntries(
  organizationId: string,
  timeZone: string,
  filter: AuditFilter,
  opts: { page: number; pageSize: number; dir: "asc" | "desc" },
): Promise<{ rows: AuditEntryView[]; total: number; totalCapped: boolean; page: number }> {
  const where = auditWhereSql(organizationId, filter, timeZone);
  // Counting stops at MAX_COUNT: "more than 100,000" is enough for the pager, and cheap.
  const [{ n }] = (await rootDb().$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM (SELECT 1 FROM audit_entries e WHERE ${where} LIMIT ${MAX_COUNT + 1}) x`) as [{ n: number }];
  const total = Math.min(n, MAX_COUNT);
  const last = Math.max(1, Math.ceil(total / opts.pageSize));
  const page = Math.min(opts.page, last);
  const rows = await rootDb().$queryRaw<Raw[]>`
    SELECT ${COLUMNS} FROM audit_entries e WHERE ${where}
    ORDER BY e.seq ${Prisma.raw(opts.dir === "asc" ? "ASC" : "DESC")}
    LIMIT ${opts.pageSize} OFFSET ${(page - 1) * opts.pageSize}`;
  return { rows: rows.map(view), total, totalCapped: n > MAX_COUNT, page };
}

export async function getEntry(organizationId: string, id: string): Promise<AuditEntryView | null> {
  // Strict check: a loose one (36 chars of hex and hyphens) let "0000…" (36 hex digits) through to
  // the ::uuid cast, which throws — a 500 instead of "not found".
  if (!isUuid(id)) return null;
  const rows = await rootDb().$queryRaw<Raw[]>`SELECT ${COLUMNS} FROM audit_entries e WHERE e."organizationId" = ${organizationId}::uuid AND e.id = ${id}::uuid`;
  return rows[0] ? view(rows[0]) : null;
}

/** The latest entries of one record (newest first) and how many there are in all. */
export async function recordHistory(organizationId: string, targetType: string, targetId: string, limit = 20): Promise<{ rows: AuditEntryView[]; total: number }> {
  const [rows, [count]] = await Promise.all([
    rootDb().$queryRaw<Raw[]>`
      SELECT ${COLUMNS} FROM audit_entries e
      WHERE e."organizationId" = ${organizationId}::uuid AND e."targetType" = ${targetType} AND e."targetId" = ${targetId}
      ORDER BY e.seq DESC LIMIT ${limit}`,
    rootDb().$queryRaw<Array<{ n: number }>>`
      SELECT count(*)::int AS n FROM audit_entries e WHERE e."organizationId" = ${organizationId}::uuid AND e."targetType" = ${targetType} AND e."targetId" = ${targetId}`,
  ]);
  return { rows: rows.map(view), total: count?.n ?? 0 };
}

/** Every entry of the filter in seq order, fetched in keyset batches (bounded memory for any size). */
export async function* streamEntries(organizationId: string, timeZone: string, filter: AuditFilter, batch = 2_000): AsyncGenerator<AuditEntryView> {
  const where = auditWhereSql(organizationId, filter, timeZone);
  let after = 0;
  for (;;) {
    const rows = await rootDb().$queryRaw<Raw[]>`
      SELECT ${COLUMNS} FROM audit_entries e WHERE ${where} AND e.seq > ${after} ORDER BY e.seq LIMIT ${batch}`;
    for (const r of rows) yield view(r);
    if (rows.length < batch) return;
    after = Number(rows.at(-1)!.seq);
  }
}
