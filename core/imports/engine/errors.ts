// Rejected rows in data_import_errors: one row per error (a data row may have several), the original
// cells stored once per data row (on its first error) for the error CSV. One multi-row INSERT per
// batch. At most MAX_STORED_ERRORS rows are stored per import and phase — a file with a million bad
// rows must not write a million error rows; the import's counters stay exact regardless.
import { rootDb } from "@/core/db/client";
import type { TxClient } from "@/core/db/tx";
import type { EventTx } from "@/core/events/emit";
import type { RowError } from "../types";
import { MAX_STORED_ERRORS } from "./context";
import type { RejectedRow } from "./rows";

export type Phase = "preview" | "commit";

export async function storedErrorCount(importId: string, phase: Phase, db: TxClient | ReturnType<typeof rootDb> = rootDb()): Promise<number> {
  const [r] = await db.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM data_import_errors WHERE "importId" = ${importId}::uuid AND phase = ${phase}`;
  return r?.n ?? 0;
}

/** Inserts the errors of `rows` while under the cap; returns how many error rows were stored. */
export async function insertErrors(tx: EventTx, importId: string, phase: Phase, rows: RejectedRow[], alreadyStored: number): Promise<number> {
  const room = MAX_STORED_ERRORS - alreadyStored;
  if (room <= 0 || rows.length === 0) return 0;
  const flat: { e: RowError; cells: string[] | null }[] = [];
  for (const r of rows) {
    r.errors.forEach((e, i) => flat.push({ e, cells: i === 0 ? r.cells : null }));
    if (flat.length >= room) break;
  }
  const take = flat.slice(0, room);
  await (tx as TxClient).$executeRaw`
    INSERT INTO data_import_errors ("importId", phase, "rowNumber", line, "column", field, reason, cells)
    SELECT ${importId}::uuid, ${phase}, t.row_number, t.line, t.col, t.field, t.reason, t.cells::jsonb
    FROM unnest(${take.map((x) => x.e.row)}::int[], ${take.map((x) => x.e.line ?? null)}::int[], ${take.map((x) => x.e.column ?? null)}::text[],
                ${take.map((x) => x.e.field ?? null)}::text[], ${take.map((x) => x.e.reason)}::text[],
                ${take.map((x) => (x.cells ? JSON.stringify(x.cells) : null))}::text[])
         AS t(row_number, line, col, field, reason, cells)`;
  return take.length;
}

export async function clearErrors(db: TxClient | ReturnType<typeof rootDb>, importId: string, phase: Phase): Promise<void> {
  await db.$executeRaw`DELETE FROM data_import_errors WHERE "importId" = ${importId}::uuid AND phase = ${phase}`;
}
