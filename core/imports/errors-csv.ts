// The error file of an import: the rows it rejected, as CSV, with the file's original header plus an
// "error" column — each rejected row once, its original cells unchanged and all its errors joined
// with "; " — so the member can fix the cells in a spreadsheet and upload the file again (the
// "error" column is simply left unmapped). Streamed in pages of rows (keyset on the row number):
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

async function* errorRows(imp: Pick<ImportRow, "id" | "headers">, phase: "preview" | "commit"): AsyncGenerator<string[]> {
  let after = 0;
  const width = imp.headers.length;
  for (;;) {
    const rows = await rootDb().$queryRaw<Array<{ rowNumber: number; reasons: string; cells: string[] | null }>>`
      SELECT "rowNumber",
             string_agg(CASE WHEN "column" IS NOT NULL THEN "column" || ': ' || reason ELSE reason END, '; ' ORDER BY id) AS reasons,
             (array_agg(cells ORDER BY id) FILTER (WHERE cells IS NOT NULL))[1] AS cells
      FROM data_import_errors
      WHERE "importId" = ${imp.id}::uuid AND phase = ${phase} AND "rowNumber" > ${after}
      GROUP BY "rowNumber" ORDER BY "rowNumber" LIMIT ${PAGE}`;
    for (const r of rows) {
      const cells = Array.from({ length: Math.max(width, r.cells?.length ?? 0) }, (_, i) => r.cells?.[i] ?? "");
      yield [...cells.slice(0, width), r.reasons];
    }
    if (rows.length < PAGE) return;
    after = rows.at(-1)!.rowNumber;
  }
}

/** The CSV text of the error file, in ~64 KiB strings. */
export async function* errorsCsv(imp: Pick<ImportRow, "id" | "status" | "headers">): AsyncGenerator<string> {
  const phase = await errorPhase(imp);
  yield* csvStream([...imp.headers, "error"], errorRows(imp, phase));
}
