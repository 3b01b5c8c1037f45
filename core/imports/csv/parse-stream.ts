// Streaming CSV parsing: bytes in (an upload, a stored file read in chunks), records out, one at a
// time. Memory is bounded by one decoded chunk (at most 1 MiB of bytes) plus one record (see
// tokenize.ts for the per-record limits): the file is never held whole, whatever its size.
import { createDecoder, fixedUnitBytes, DECODE_SLICE_BYTES, type CsvEncoding } from "./decode";
import type { CsvDelimiter } from "./detect";
import { CsvTokenizer, isBlankRecord, type RawRecord } from "./tokenize";

export type CsvRecord = {
  /** 1-based data row: the header and blank lines are not counted. */
  row: number;
  /** Physical line where the record starts (line breaks inside quoted cells count). */
  line: number;
  /** The cells exactly as in the file (nothing trimmed; quotes removed, "" -> "). */
  cells: string[];
  /**
   * Byte offset in the original file where the record starts, for resuming with `resumeAt`. Absent
   * when it cannot be known exactly (UTF-8 text with invalid bytes: see tokenize.ts).
   */
  byteOffset?: number;
  /** Why the record cannot be used (cell too long, unterminated quote...). Its cells may be cut. */
  error?: string;
};

export type CsvParseOptions = {
  encoding: CsvEncoding;
  /** Informative: a BOM at the very start of the file is always removed (and counted in byteOffset). */
  bom?: boolean;
  delimiter: CsvDelimiter;
  /** The first non-blank record (after skipRecords) is the header: it is not yielded (see onHeader). */
  hasHeader: boolean;
  /** Non-blank records before the header that are not part of the table (title lines): not yielded, not counted. */
  skipRecords?: number;
  /** Records before this row are parsed (to count lines) but not yielded. */
  startRow?: number;
  /**
   * The source starts at a record boundary inside the file (a previous record's byteOffset): numbering
   * continues from there and no header/BOM is expected. Cheaper than startRow for big files.
   */
  resumeAt?: { byteOffset: number; row: number; line: number };
  /** Receives the header's cells (when hasHeader and not resuming). */
  onHeader?: (cells: string[]) => void;
};

/** Records one at a time. */
export async function* parseCsv(source: AsyncIterable<Uint8Array>, opts: CsvParseOptions): AsyncGenerator<CsvRecord> {
  for await (const batch of parseCsvBatches(source, opts)) yield* batch;
}

/**
 * The same records in arrays (one per decoded chunk, up to ~1 MiB of text each; never empty): for
 * hot loops such as the commit of a million rows, where a promise per record would cost more than
 * the parsing itself.
 */
export async function* parseCsvBatches(source: AsyncIterable<Uint8Array>, opts: CsvParseOptions): AsyncGenerator<CsvRecord[]> {
  const resume = opts.resumeAt;
  const tokenizer = new CsvTokenizer(opts.delimiter, {
    line: resume?.line ?? 1,
    byteOffset: resume?.byteOffset ?? 0,
    unitBytes: fixedUnitBytes(opts.encoding),
  });
  const decoder = createDecoder(opts.encoding);
  let atFileStart = !resume;
  let headerPending = opts.hasHeader && !resume;
  // Excel's "sep=;" first line (it names the delimiter, detect.ts honours it) is neither header nor row.
  let sepLinePossible = !resume;
  let titleLines = resume ? 0 : (opts.skipRecords ?? 0);
  let row = resume ? resume.row - 1 : 0;
  const startRow = opts.startRow ?? 0;

  // Turns raw records into rows: skips blank ones and the header, numbers the rest.
  function rows(records: RawRecord[]): CsvRecord[] {
    const out: CsvRecord[] = [];
    for (const r of records) {
      if (isBlankRecord(r)) continue;
      if (sepLinePossible) {
        sepLinePossible = false;
        if (isSepLine(r.cells.join(opts.delimiter))) continue;
      }
      if (titleLines > 0) {
        titleLines--;
        continue;
      }
      if (headerPending) {
        headerPending = false;
        opts.onHeader?.(r.cells);
        continue;
      }
      row++;
      if (row < startRow) continue;
      const rec: CsvRecord = { row, line: r.line, cells: r.cells };
      if (r.byteOffset !== undefined) rec.byteOffset = r.byteOffset;
      if (r.error !== undefined) rec.error = r.error;
      out.push(rec);
    }
    return out;
  }

  function text(t: string): CsvRecord[] {
    if (!t) return [];
    if (atFileStart) {
      atFileStart = false;
      if (t.charCodeAt(0) === 0xfeff) {
        // UTF-8 BOM = 3 bytes, UTF-16 BOM = 2 bytes (one code unit); windows-1252 never decodes to U+FEFF.
        tokenizer.skipBytes(opts.encoding === "utf-8" ? 3 : 2);
        t = t.slice(1);
        if (!t) return [];
      }
    }
    return rows(tokenizer.feed(t));
  }

  for await (const chunk of source) {
    for (let o = 0; o < chunk.length; o += DECODE_SLICE_BYTES) {
      const batch = text(decoder.decode(chunk.subarray(o, Math.min(chunk.length, o + DECODE_SLICE_BYTES)), { stream: true }));
      if (batch.length) yield batch;
    }
  }
  const last = [...text(decoder.decode()), ...rows(tokenizer.end())];
  if (last.length) yield last;
}

/** Excel's delimiter hint: the first line "sep=;" (any one character). */
export function isSepLine(line: string): boolean {
  return /^sep=.$/i.test(line);
}

/** Convenience for tests and small inputs: one Uint8Array as a source, optionally in chunks. */
export async function* bytesSource(bytes: Uint8Array, chunkSize = 65_536): AsyncGenerator<Uint8Array> {
  for (let o = 0; o < bytes.length; o += chunkSize) yield bytes.subarray(o, Math.min(bytes.length, o + chunkSize));
}
