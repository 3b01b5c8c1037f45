// The error file of an import: the rows it rejected, as CSV, with the file's original header plus
// "row", "line" and "error" columns — each rejected row once, every one of its original cells
// unchanged (cells beyond the header's width too, under "Column N"), its data row and physical line in
// the uploaded file, and all its errors joined with "; " — so the member can find the row, fix the
// cells in a spreadsheet and upload the file again (the added columns are simply left unmapped). Streamed in pages of rows (keyset on the row number):
// memory is one page, whatever the number of errors. Cells are written through csvStream, so a cell
// starting with = + - @ is escaped against formula injection (and unescaped again on import).
import { rootDb } from "@/core/db/client";
import { csvStream } from "./csv/write";
import type { ImportRow } from "./engine/context";

const PAGE = 1_000;

/** Which phase's errors describe the import now: the commit's once it ran, else the preview's. */
export async function errorPhase(imp: Pick<ImportRow, "id" | "status">): Promise<"preview" | "commit"> {
  if (["committing", "completed", "cancelled", "undone"].includes(imp.status)) return "commit";
  const [r] = await rootDb().$queryRaw<Array<{ any: boolean }>>`
    SELECT EXISTS (SELECT 1 FROM data_import_errors WHERE "importId" = ${imp.id}::uuid AND phase = 'commit') AS any`;
  return r?.any ? "commit" : "preview";
}

async function* errorRows(imp: Pick<ImportRow, "id" | "headers">, phase: "preview" | "commit", width: number): AsyncGenerator<string[]> {
  let after = 0;
  for (;;) {
    const rows = await rootDb().$queryRaw<Array<{ rowNumber: number; line: number | null; reasons: string; cells: string[] | null }>>`
      SELECT "rowNumber", min(line) AS line,
             string_agg(CASE WHEN "column" IS NOT NULL THEN "column" || ': ' || reason ELSE reason END, '; ' ORDER BY id) AS reasons,
             (array_agg(cells ORDER BY id) FILTER (WHERE cells IS NOT NULL))[1] AS cells
      FROM data_import_errors
      WHERE "importId" = ${imp.id}::uuid AND phase = ${phase} AND "rowNumber" > ${after}
      GROUP BY "rowNumber" ORDER BY "rowNumber" LIMIT ${PAGE}`;
    for (const r of rows) {
      const cells = Array.from({ length: width }, (_, i) => r.cells?.[i] ?? "");
      yield [...cells, String(r.rowNumber), r.line === null ? "" : String(r.line), r.reasons];
    }
    if (rows.length < PAGE) return;
    after = rows.at(-1)!.rowNumber;
  }
}

/** The CSV text of the error file, in ~64 KiB strings. */
export async function* errorsCsv(imp: Pick<ImportRow, "id" | "status" | "headers">): AsyncGenerator<string> {
  const phase = await errorPhase(imp);
  // The widest rejected row decides the columns: no cell of the file is dropped.
  const [w] = await rootDb().$queryRaw<Array<{ width: number | null }>>`
    SELECT max(jsonb_array_length(cells))::int AS width FROM data_import_errors
    WHERE "importId" = ${imp.id}::uuid AND phase = ${phase} AND cells IS NOT NULL`;
  const width = Math.max(imp.headers.length, w?.width ?? 0);
  const header = Array.from({ length: width }, (_, i) => imp.headers[i] ?? `Column ${i + 1}`);
  yield* csvStream([...header, "row", "line", "error"], errorRows(imp, phase, width));
}
