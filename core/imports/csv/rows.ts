// One record -> the resource's row: the mapped cells as { fieldKey: text }, validated by the
// resource's zod schema. Problems become RowErrors naming the row, its line, the field and the file's
// header of that field's column, with the schema's own message.
import type { ZodType } from "zod";
import type { RowError } from "@/core/imports/types";
import type { ColumnMapping } from "./mapping";
import type { CsvRecord } from "./parse-stream";
import { unescapeFormulaCell } from "./write";

/**
 * { fieldKey: cell } for the mapped columns. Nothing is trimmed here: the schema decides
 * (z.string().trim()). A leading apostrophe that our own export added against formula injection
 * ("'=1+2", see write.ts) is removed, so an exported file imports back unchanged.
 *
 * A blank cell (empty or only spaces, or missing) of an OPTIONAL field is left out, exactly like a
 * column that is not mapped: on an update the stored value stays as it is, a new record gets the
 * field's default. A blank cell never means 0 or "clear it" — a spreadsheet's empty cell is far more
 * often a value nobody filled in than a wish to erase one. A blank REQUIRED field is kept as "", so
 * its schema refuses the row with its own message ("Enter a name").
 */
export function rowInput(cells: string[], mapping: ColumnMapping, required: ReadonlySet<string> = new Set()): Record<string, string> {
  const input: Record<string, string> = {};
  for (const [col, key] of Object.entries(mapping)) {
    const cell = cells[Number(col)] ?? "";
    if (cell.trim() === "" && !required.has(key)) continue;
    input[key] = unescapeFormulaCell(cell);
  }
  return input;
}

/** The keys of a resource's required fields, for rowInput. */
export const requiredKeys = (fields: ReadonlyArray<{ key: string; required?: boolean }>): ReadonlySet<string> => new Set(fields.filter((f) => f.required).map((f) => f.key));

/**
 * Validates a record against the schema (or `quick`, the resource's fast path, when it is sure).
 * Checked first, in this order (each alone, because after it the cells no longer mean what the header
 * says):
 *   - the record's own error (too long cell, unterminated quote...);
 *   - ragged rows: a row with a different number of cells than the header ("row has 3 cells, the
 *     header has 4"); extra cells that are all empty are tolerated (spreadsheets add trailing
 *     delimiters).
 * Then each zod issue -> a RowError on its field (path[0]) and that field's column; the first issue
 * per field only (one clear reason per cell). Issues without a field (object-level refinements) have
 * no field/column.
 */
export function validateRow<Row>(
  schema: ZodType<Row>,
  input: Record<string, string>,
  record: CsvRecord,
  headers: string[],
  mapping: ColumnMapping,
  quick?: (input: Record<string, string>) => Row | undefined,
): { ok: true; data: Row } | { ok: false; errors: RowError[] } {
  const at = { row: record.row, line: record.line };
  if (record.error !== undefined) return { ok: false, errors: [{ ...at, reason: record.error }] };
  const n = record.cells.length;
  const m = headers.length;
  if (m > 0 && n !== m && (n < m || record.cells.slice(m).some((c) => c.trim() !== ""))) {
    return { ok: false, errors: [{ ...at, reason: `row has ${n} cell${n === 1 ? "" : "s"}, the header has ${m}` }] };
  }
  // The resource's fast path for plainly valid rows (ImportResource.quickRow); anything else goes to the schema.
  const fast = quick?.(input);
  if (fast !== undefined) return { ok: true, data: fast };
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const columnOf = new Map<string, string>();
  for (const [col, key] of Object.entries(mapping)) if (!columnOf.has(key)) columnOf.set(key, headers[Number(col)] ?? `Column ${Number(col) + 1}`);
  const errors: RowError[] = [];
  const seen = new Set<string>();
  for (const issue of result.error.issues) {
    const head = issue.path[0];
    const field = typeof head === "string" ? head : typeof head === "number" ? String(head) : undefined;
    const dedupe = field ?? `\u0000${issue.message}`;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    const err: RowError = { ...at, reason: issue.message };
    if (field !== undefined) {
      err.field = field;
      const column = columnOf.get(field);
      if (column !== undefined) err.column = column;
    }
    errors.push(err);
  }
  return { ok: false, errors };
}
