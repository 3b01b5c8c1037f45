// The staging table (data_import_rows): the file parsed and validated ONCE, by the preview.
//
//   preview  every valid row -> one row here: { row, line, key, data (the row schema's output, JSON),
//            cells (the original cells, for the error file) }. The unique (importId, key) index is the
//            duplicate-key check of the whole file: a row whose key is already staged is a duplicate of
//            the row that staged it — no map of a million keys in the app's memory.
//   commit   batches of staged rows by row range: a resource with a `staged` implementation merges a
//            range in set-based SQL (INSERT ... SELECT FROM data_import_rows); any other resource gets
//            the range's rows loaded back as ParsedRow[] for its commitBatch. A resumed commit continues
//            from its checkpoint row here, without reading the file again.
//
// Data rules: staging rows are written in the preview's batch transaction (with its runner check, so a
// superseded preview stages nothing), cleared when a preview starts again, and removed once the import
// is finished (sweeper.ts). Rows are JSON: a resource's row schema must output JSON values (strings,
// numbers, booleans, null), which every schema built from cells does.
import { rootDb } from "@/core/db/client";
import type { TxClient } from "@/core/db/tx";
import type { ParsedRow } from "../types";

type Db = TxClient | ReturnType<typeof rootDb>;

export type StagingRow = { row: number; line?: number; key: string; data: unknown; cells: string[] };

/** A range of data rows [fromRow, toRow] of one import: what a commit batch covers. */
export type StagedRange = { importId: string; fromRow: number; toRow: number };

export async function clearStaging(db: Db, importId: string): Promise<void> {
  await db.$executeRaw`DELETE FROM data_import_rows WHERE "importId" = ${importId}::uuid`;
}

/**
 * Stages rows (in row order); returns the rows NOT staged because their key was staged before — by an
 * earlier row of this call or of an earlier batch — each with the row that has the key.
 */
export async function stageRows(tx: TxClient, importId: string, rows: StagingRow[]): Promise<Array<{ row: number; firstRow: number }>> {
  if (rows.length === 0) return [];
  // ON CONFLICT DO NOTHING keeps the first row of a key, also within this one statement (rows are
  // inserted in array order, WITH ORDINALITY makes it explicit).
  const staged = await tx.$queryRaw<Array<{ row: number }>>`
    INSERT INTO data_import_rows ("importId", row, line, key, data, cells)
    SELECT ${importId}::uuid, t.row, t.line, t.key, t.data::jsonb, t.cells::jsonb
    FROM unnest(${rows.map((r) => r.row)}::int[], ${rows.map((r) => r.line ?? null)}::int[], ${rows.map((r) => r.key)}::text[],
                ${rows.map((r) => JSON.stringify(r.data))}::text[], ${rows.map((r) => JSON.stringify(r.cells))}::text[]) WITH ORDINALITY AS t(row, line, key, data, cells, n)
    ORDER BY t.n
    ON CONFLICT ("importId", key) DO NOTHING
    RETURNING row`;
  if (staged.length === rows.length) return [];
  const done = new Set(staged.map((s) => s.row));
  const dups = rows.filter((r) => !done.has(r.row));
  const firsts = await tx.$queryRaw<Array<{ key: string; row: number }>>`
    SELECT key, row FROM data_import_rows WHERE "importId" = ${importId}::uuid AND key = ANY(${[...new Set(dups.map((d) => d.key))]}::text[])`;
  const firstOf = new Map(firsts.map((f) => [f.key, f.row]));
  return dups.map((d) => ({ row: d.row, firstRow: firstOf.get(d.key)! }));
}

/**
 * The next commit batch from `fromRow`: up to `size` staged rows. toRow = the last of them, or the
 * file's last row when fewer remain (so rows rejected by the preview after the last staged row are
 * counted too). Null when nothing is left.
 */
export async function nextRange(db: Db, importId: string, fromRow: number, size: number, totalRows: number): Promise<StagedRange | null> {
  if (fromRow > totalRows) return null;
  const [r] = await db.$queryRaw<Array<{ row: number | null }>>`
    SELECT row FROM data_import_rows WHERE "importId" = ${importId}::uuid AND row >= ${fromRow}
    ORDER BY row OFFSET ${size - 1} LIMIT 1`;
  return { importId, fromRow, toRow: r?.row != null && r.row < totalRows ? r.row : totalRows };
}

/** How many rows of the range are staged (the others were rejected by the preview). */
export async function stagedCount(db: Db, range: StagedRange): Promise<number> {
  const [r] = await db.$queryRaw<Array<{ n: number }>>`
    SELECT count(*)::int AS n FROM data_import_rows WHERE "importId" = ${range.importId}::uuid AND row BETWEEN ${range.fromRow} AND ${range.toRow}`;
  return r?.n ?? 0;
}

/** The staged row numbers of a range, in order (for splitting a refused batch). */
export async function stagedRowNumbers(db: Db, range: StagedRange): Promise<number[]> {
  const rows = await db.$queryRaw<Array<{ row: number }>>`
    SELECT row FROM data_import_rows WHERE "importId" = ${range.importId}::uuid AND row BETWEEN ${range.fromRow} AND ${range.toRow} ORDER BY row`;
  return rows.map((r) => r.row);
}

/** The staged rows of a range as the resource's rows (for a resource without a staged implementation). */
export async function loadStaged<Row>(db: Db, range: StagedRange): Promise<ParsedRow<Row>[]> {
  const rows = await db.$queryRaw<Array<{ row: number; line: number | null; data: Row }>>`
    SELECT row, line, data FROM data_import_rows WHERE "importId" = ${range.importId}::uuid AND row BETWEEN ${range.fromRow} AND ${range.toRow} ORDER BY row`;
  return rows.map((r) => (r.line == null ? { row: r.row, data: r.data } : { row: r.row, line: r.line, data: r.data }));
}

/** The original cells of staged rows, by row (for the error file of rows the database refused). */
export async function stagedCells(db: Db, importId: string, rows: number[]): Promise<Map<number, string[]>> {
  if (rows.length === 0) return new Map();
  const found = await db.$queryRaw<Array<{ row: number; cells: string[] }>>`
    SELECT row, cells FROM data_import_rows WHERE "importId" = ${importId}::uuid AND row = ANY(${rows}::int[])`;
  return new Map(found.map((f) => [f.row, f.cells]));
}

/**
 * Removes the staged rows of a finished import: called right after the commit ends (the member sees
 * the import finished first), and by the sweeper for any left behind (a crash in between).
 */
export async function dropStaging(importId: string): Promise<void> {
  await rootDb().$executeRaw`
    DELETE FROM data_import_rows WHERE "importId" = ${importId}::uuid
      AND EXISTS (SELECT 1 FROM data_imports i WHERE i.id = ${importId}::uuid AND i.status IN ('completed', 'cancelled', 'failed', 'undone'))`;
}

/** The ids of finished imports that still have staged rows (at most `limit`). */
export async function leftoverStaging(limit = 20): Promise<string[]> {
  const rows = await rootDb().$queryRaw<Array<{ id: string }>>`
    SELECT i.id::text AS id FROM data_imports i
    WHERE i.status IN ('completed', 'cancelled', 'failed', 'undone') AND EXISTS (SELECT 1 FROM data_import_rows r WHERE r."importId" = i.id)
    LIMIT ${limit}`;
  return rows.map((r) => r.id);
}
