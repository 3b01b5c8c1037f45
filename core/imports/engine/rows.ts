// The row pipeline of the preview: the stored file streamed chunk by chunk -> parseCsv -> mapped
// cells -> the resource's zod row schema -> batches of BATCH_SIZE records, each valid row with its key
// text (the resource's key values). Duplicate keys are found by staging the rows (staging.ts), not here.
//
// Memory: one file chunk and one batch of rows, whatever the file's size (the parser reads the stored
// file with backpressure: the next chunk only when the batch has been consumed).
import { parseCsv } from "../csv/parse-stream";
import { requiredKeys, rowInput, validateRow } from "../csv/rows";
import { readFile } from "../storage";
import type { ImportResource, ParsedRow, RowError } from "../types";
import { BATCH_SIZE, type ImportRow } from "./context";
import type { CsvEncoding } from "../csv/decode";
import type { CsvDelimiter } from "../csv/detect";

export type RejectedRow = { row: number; line?: number; cells: string[]; errors: RowError[] };

export type RowBatch<Row> = {
  valid: ParsedRow<Row>[];
  /** The key text of each valid row (same order): the resource's key values joined. */
  keys: string[];
  invalid: RejectedRow[];
  /** The original cells of the valid rows, by row: for the error CSV when the database refuses one. */
  cellsOf: Map<number, string[]>;
  /** Records in the batch (valid + invalid). */
  count: number;
  /** The last data row of the batch: the commit resumes after it. */
  lastRow: number;
};

/** Batches of the file's rows, in file order. */
export async function* readBatches<Row extends Record<string, unknown>>(
  imp: ImportRow,
  resource: ImportResource<Row>,
  opts: { batchSize?: number } = {},
): AsyncGenerator<RowBatch<Row>> {
  if (!imp.fileId) throw new Error("The import has no file");
  const size = opts.batchSize ?? BATCH_SIZE;
  const headers = imp.headers;
  const mapping = imp.mapping;
  const required = requiredKeys(resource.fields);

  const empty = (): RowBatch<Row> => ({ valid: [], keys: [], invalid: [], cellsOf: new Map(), count: 0, lastRow: 0 });
  let batch = empty();
  const source = await readFile(imp.organizationId, imp.fileId);
  const records = parseCsv(source, { encoding: (imp.encoding ?? "utf-8") as CsvEncoding, delimiter: (imp.delimiter ?? ",") as CsvDelimiter, hasHeader: imp.hasHeader, skipRecords: imp.hasHeader ? imp.headerRow - 1 : 0 });
  for await (const rec of records) {
    if (rec.error) {
      batch.invalid.push({ row: rec.row, line: rec.line, cells: rec.cells, errors: [{ row: rec.row, line: rec.line, reason: rec.error }] });
    } else {
      const result = validateRow(resource.rowSchema, rowInput(rec.cells, mapping, required), rec, headers, mapping, resource.quickRow);
      if (!result.ok) {
        batch.invalid.push({ row: rec.row, line: rec.line, cells: rec.cells, errors: result.errors });
      } else {
        batch.valid.push({ row: rec.row, line: rec.line, data: result.data });
        batch.keys.push(keyText(resource, result.data));
        batch.cellsOf.set(rec.row, rec.cells);
      }
    }
    batch.count++;
    batch.lastRow = rec.row;
    if (batch.count >= size) {
      yield batch;
      batch = empty();
    }
  }
  if (batch.count > 0) yield batch;
}

/** The key of a row as one text: the key fields' values joined by NUL. */
export function keyText<Row extends Record<string, unknown>>(resource: ImportResource<Row>, data: Row): string {
  return resource.key.map((k) => String(data[k] ?? "")).join("\u0000");
}

/** "Duplicate SKU 'A-1': first on row 12", on the key's first field and its column. */
export function duplicateError<Row extends Record<string, unknown>>(imp: Pick<ImportRow, "headers" | "mapping">, resource: ImportResource<Row>, r: ParsedRow<Row>, firstRow: number): RowError {
  const keyFields = resource.key.map((k) => resource.fields.find((f) => f.key === k) ?? { key: k, label: k });
  const index = Object.entries(imp.mapping).find(([, f]) => f === keyFields[0]!.key)?.[0];
  const column = index === undefined ? undefined : imp.headers[Number(index)];
  const label = keyFields.map((f) => f.label).join(" + ");
  const value = resource.key.map((k) => String(r.data[k] ?? "")).join(" / ");
  return { row: r.row, line: r.line, field: keyFields[0]!.key, column, reason: `Duplicate ${label} '${value}': first on row ${firstRow}` };
}
