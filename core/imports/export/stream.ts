// Exports as a stream: the resource's keyset pages (EXPORT_PAGE_SIZE rows per query) turned into CSV
// text by core/imports/csv/write.ts (quoting, and the formula-injection escape of every cell), then
// into UTF-8 bytes. Only one page is in memory at a time, however many rows the export has; a
// consumer that reads slowly (a slow download) simply makes the next query wait.
//
// Each page is its own query, not one long transaction: a download may take minutes and must not hold
// a snapshot (and vacuum) for that long. Rows changed while an export runs appear with their value at
// the time their page is read; keyset order by id means no row is skipped or repeated.
import { rootDb } from "@/core/db/client";
import type { TxClient } from "@/core/db/tx";
import { csvStream } from "@/core/imports/csv/write";
import type { ExportDefinition, ExportQuery } from "@/core/imports/types";

export const EXPORT_PAGE_SIZE = 5_000;

export type ExportSource = { definition: ExportDefinition; organizationId: string; query: ExportQuery };

/** Every row as cells in column order, page by page. `onPage` sees the running row count. */
export async function* exportRows(src: ExportSource, opts: { pageSize?: number; onPage?: (rowsSoFar: number) => Promise<void> | void } = {}): AsyncGenerator<string[]> {
  const limit = opts.pageSize ?? EXPORT_PAGE_SIZE;
  const ctx = { organizationId: src.organizationId, tx: rootDb() as unknown as TxClient };
  const keys = src.definition.columns.map((c) => c.key);
  let after: string | null = null;
  let done = 0;
  for (;;) {
    const page: { rows: Record<string, string>[]; cursor: string | null } = await src.definition.page(ctx, src.query, after, limit);
    for (const row of page.rows) yield keys.map((k) => row[k] ?? "");
    done += page.rows.length;
    await opts.onPage?.(done);
    if (page.rows.length < limit || !page.cursor) return;
    after = page.cursor;
  }
}

/** The CSV document (header = the columns' headers, UTF-8 BOM so spreadsheets read non-ASCII text). */
export function exportCsv(src: ExportSource, opts: Parameters<typeof exportRows>[1] = {}): AsyncGenerator<string> {
  return csvStream(src.definition.columns.map((c) => c.header), exportRows(src, opts), { bom: true });
}

export async function* utf8(chunks: AsyncIterable<string>): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  for await (const s of chunks) yield encoder.encode(s);
}

/** A web ReadableStream pulling from the iterator only when the consumer wants more (backpressure). */
export function toReadableStream(source: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const it = source[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await it.next();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (err) {
        controller.error(err);
      }
    },
    async cancel() {
      await it.return?.();
    },
  });
}
