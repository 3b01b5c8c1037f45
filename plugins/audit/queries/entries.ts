// Reading the log: a keyset page of the filtered entries (newest or oldest first, by seq — the
// (organizationId, seq) unique index, and the per-column indexes for filters), one entry, a record's
// history and a keyset stream for the export. Every query binds the organization from the caller's
// context: an id of another organization's entry is simply not found.
import { Prisma, rootDb } from "@/core/db/client";
import { countMatching } from "@/core/lists/count";
import { keysetPage, parseKeysetRequest, type KeysetRequest, type KeysetView } from "@/core/lists/keyset";
import type { RawSearchParams } from "@/core/lists/list-params";
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

/** Where the URL asks to be in the list (`after`, `before`, `last`); see core/lists/keyset.ts. */
export function entryPageRequest(raw: RawSearchParams, dir: "asc" | "desc"): KeysetRequest {
  return parseKeysetRequest(raw, dir === "asc" ? "at" : "-at", "bigint");
}

/**
 * One keyset page of the filtered entries in seq order (the (organizationId, seq) unique index: a seek
 * per page at any depth), with a count exact up to core's limit and estimated above it.
 */
export async function listEntries(
  organizationId: string,
  timeZone: string,
  filter: AuditFilter,
  opts: { request: KeysetRequest; pageSize: number; dir: "asc" | "desc" },
): Promise<{ rows: AuditEntryView[]; paging: KeysetView }> {
  const where = auditWhereSql(organizationId, filter, timeZone);
  const { rows, view: paging } = await keysetPage<Raw>(
    {
      ordering: opts.dir === "asc" ? "at" : "-at",
      rows: (direction, from, limit) => {
        // Backwards is the reverse order from the same cursor.
        const asc = (opts.dir === "asc") === (direction === "forward");
        const after = from ? Prisma.sql` AND e.seq ${Prisma.raw(asc ? ">" : "<")} ${from.v}::bigint` : Prisma.empty;
        return rootDb().$queryRaw<Raw[]>`
          SELECT ${COLUMNS} FROM audit_entries e WHERE ${where}${after}
          ORDER BY e.seq ${Prisma.raw(asc ? "ASC" : "DESC")} LIMIT ${limit}`;
      },
      key: (row) => ({ v: Number(row.seq), id: row.id }),
      count: () => countMatching({ table: "audit_entries", alias: "e", where }),
    },
    opts.request,
    opts.pageSize,
  );
  return { rows: rows.map(view), paging };
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
