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
import { withHotTransaction } from "@/core/db/pg";
import type { TxClient } from "@/core/db/tx";
import type { ParsedRow } from "../types";
import { FINISHED, statusIn } from "../lifecycle";

type Db = TxClient | ReturnType<typeof rootDb>;

export type StagingRow = { row: number; line?: number; key: string; data: unknown; cells: string[] };

/** A range of data rows [fromRow, toRow] of one import: what a commit batch covers. */
export type StagedRange = { importId: string; fromRow: number; toRow: number };

export async function clearStaging(db: Db, importId: string): Promise<void> {
  await db.$executeRaw`DELETE FROM data_import_rows WHERE "importId" = ${importId}::uuid`;
}

/** The import is no longer this runner's (a newer preview claimed it): nothing was staged. */
export class NotOwner extends Error {
  constructor() {
    super("Another run took over this import");
    this.name = "NotOwner";
  }
}

/**
 * Stages rows (in row order), in one transaction of its own: when `owner` is given, only while the
 * import is still that runner's and in that status (checked under the import row's lock; NotOwner
 * otherwise, and nothing is staged). Returns the rows NOT staged because their key was staged before —
 * by an earlier row of this call or of an earlier batch — each with the first row that has the key.
 *
 * Sent as ONE JSON document through the hot pool (core/db/pg.ts), not as five arrays through Prisma:
 * measured for 100,000 rows on this machine kind (3 interleaved runs each), staging took 4.4–5.0 s
 * with Prisma and unnest(arrays), 3.9–4.4 s with pg and the same arrays, 3.3–3.7 s with pg and one
 * jsonb_to_recordset document (the arrays' escaping on both sides is the difference); the table has no
 * foreign key to data_imports (its per-row check was another 0.5–0.7 s): the sweeper removes the
 * staged rows of an import that no longer exists.
 */
export async function stageRows(importId: string, rows: StagingRow[], owner?: { runnerId: string; status: string }): Promise<Array<{ row: number; firstRow: number }>> {
  return withHotTransaction(async (client) => {
    if (owner) {
      const { rows: locked } = await client.query<{ runnerId: string | null; status: string }>(
        `SELECT "runnerId"::text AS "runnerId", status FROM data_imports WHERE id = $1::uuid FOR UPDATE`,
        [importId],
      );
      if (locked[0]?.runnerId !== owner.runnerId || locked[0]?.status !== owner.status) throw new NotOwner();
    }
    if (rows.length === 0) return [];
    // ON CONFLICT DO NOTHING keeps the first row of a key, also within this one statement (rows are
    // inserted in document order, WITH ORDINALITY makes it explicit).
    const { rows: staged } = await client.query<{ row: number }>(
      `INSERT INTO data_import_rows ("importId", row, line, key, data, cells)
       SELECT $1::uuid, (t.r->>'row')::int, (t.r->>'line')::int, t.r->>'key', t.r->'data', t.r->'cells'
       FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS t(r, n)
       ORDER BY t.n
       ON CONFLICT ("importId", key) DO NOTHING
       RETURNING row`,
      [importId, JSON.stringify(rows.map((r) => ({ row: r.row, line: r.line ?? null, key: r.key, data: r.data, cells: r.cells })))],
    );
    if (staged.length === rows.length) return [];
    const done = new Set(staged.map((x) => x.row));
    const dups = rows.filter((r) => !done.has(r.row));
    const { rows: firsts } = await client.query<{ key: string; row: number }>(
      `SELECT key, row FROM data_import_rows WHERE "importId" = $1::uuid AND key = ANY($2::text[])`,
      [importId, [...new Set(dups.map((d) => d.key))]],
    );
    const firstOf = new Map(firsts.map((f) => [f.key, f.row]));
    return dups.map((d) => ({ row: d.row, firstRow: firstOf.get(d.key)! }));
  });
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
      AND EXISTS (SELECT 1 FROM data_imports i WHERE i.id = ${importId}::uuid AND ${statusIn(FINISHED, "i")})`;
}

/** The ids of finished imports that still have staged rows (at most `limit`). */
export async function leftoverStaging(limit = 20): Promise<string[]> {
  const rows = await rootDb().$queryRaw<Array<{ id: string }>>`
    SELECT i.id::text AS id FROM data_imports i
    WHERE ${statusIn(FINISHED, "i")} AND EXISTS (SELECT 1 FROM data_import_rows r WHERE r."importId" = i.id)
    LIMIT ${limit}`;
  return rows.map((r) => r.id);
}

/**
 * Removes staged rows whose import no longer exists (deleted with its organization): the table has no
 * foreign key to data_imports (see stageRows). Returns how many imports' rows were removed.
 */
export async function dropOrphanStaging(): Promise<number> {
  const orphans = await rootDb().$queryRaw<Array<{ id: string }>>`
    SELECT s."importId"::text AS id FROM (SELECT DISTINCT "importId" FROM data_import_rows) s
    WHERE NOT EXISTS (SELECT 1 FROM data_imports i WHERE i.id = s."importId")`;
  for (const o of orphans) await rootDb().$executeRaw`DELETE FROM data_import_rows WHERE "importId" = ${o.id}::uuid`;
  return orphans.length;
}
