// What a CSV upload is, from its first bytes (≤ 64 KiB): encoding, BOM, delimiter, header row and a
// few sample rows for the mapping screen. Files that are not usable CSV are refused here with a
// CsvFileError whose message tells the user what to do (binary, empty, no header).
import { BOMS, createDecoder, isCsvEncoding, startsWithBom, type CsvEncoding } from "./decode";
import { CsvFileError } from "./errors";
import { normalizeHeader } from "./mapping";
import { CsvTokenizer, isBlankRecord } from "./tokenize";

export type { CsvEncoding } from "./decode";
export const CSV_DELIMITERS = [",", ";", "\t", "|"] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

export type CsvDetection = {
  encoding: CsvEncoding;
  bom: boolean;
  delimiter: CsvDelimiter;
  hasHeader: boolean;
  /** Which non-blank line is the header (1 = the first; more when title lines stand above it). */
  headerRow: number;
  /** The header row's cells, or "Column 1", "Column 2"... when the file has no header. */
  headers: string[];
  /** The first data rows (up to SAMPLE_ROWS), blank lines skipped; [] when the file is only a header. */
  sampleRows: string[][];
};

export type DetectOptions = {
  /** Forced by the user (the mapping screen's "encoding" choice): skips encoding detection. */
  encoding?: CsvEncoding;
  delimiter?: CsvDelimiter;
  /** true/false forced; undefined = detect. */
  hasHeader?: boolean;
  /** The header is the n-th non-blank line (title lines above it are skipped); default 1. */
  headerRow?: number;
  /** Throw CsvFileError "no_header" when hasHeader is not forced and the first row is not a header. */
  requireHeader?: boolean;
  /**
   * `head` is the whole file. Default: it is whole when shorter than CSV_HEAD_BYTES; otherwise its
   * last record may be cut and is left out of the sample.
   */
  complete?: boolean;
};

/** How many bytes of the file detection looks at. */
export const CSV_HEAD_BYTES = 64 * 1024;
export const SAMPLE_ROWS = 20;
/** Records used to choose the delimiter. */
const DELIMITER_SAMPLE = 50;

export function isCsvDelimiter(v: unknown): v is CsvDelimiter {
  return typeof v === "string" && (CSV_DELIMITERS as readonly string[]).includes(v);
}

const startsWith = (b: Uint8Array, sig: number[]) => b.length >= sig.length && sig.every((x, i) => b[i] === x);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const SAVE_AS_CSV = "save it as CSV (UTF-8) and upload again";
/** Known binary formats people upload instead of CSV, by their first bytes. */
const MAGIC: { sig: number[]; what: string }[] = [
  { sig: [0x50, 0x4b, 0x03, 0x04], what: `This looks like an Excel/ZIP file (.xlsx, .zip, .ods), not CSV: ${SAVE_AS_CSV}` },
  { sig: [0x50, 0x4b, 0x05, 0x06], what: `This looks like an empty ZIP file, not CSV: ${SAVE_AS_CSV}` },
  { sig: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: `This looks like an old Excel file (.xls), not CSV: ${SAVE_AS_CSV}` },
  { sig: ascii("%PDF"), what: "This looks like a PDF file, not CSV: export the data as CSV (UTF-8) and upload that" },
  { sig: [0x89, 0x50, 0x4e, 0x47], what: "This looks like a PNG image, not CSV: upload the CSV file itself" },
  { sig: ascii("GIF8"), what: "This looks like a GIF image, not CSV: upload the CSV file itself" },
  { sig: [0xff, 0xd8, 0xff], what: "This looks like a JPEG image, not CSV: upload the CSV file itself" },
  { sig: [0x1f, 0x8b], what: "This looks like a compressed (gzip) file, not CSV: uncompress it and upload the CSV file" },
  { sig: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: "This looks like a 7-Zip archive, not CSV: extract it and upload the CSV file" },
  { sig: ascii("Rar!"), what: "This looks like a RAR archive, not CSV: extract it and upload the CSV file" },
];

function binaryMagic(head: Uint8Array): string | null {
  for (const m of MAGIC) if (startsWith(head, m.sig)) return m.what;
  return null;
}

/** UTF-16 without BOM: ASCII-range text has a NUL in every other byte (odd bytes LE, even bytes BE). */
function utf16ByNulPattern(head: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(head.length, 4096) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenNul++;
    if (head[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul / pairs > 0.3 && evenNul / pairs < 0.05) return "utf-16le";
  if (evenNul / pairs > 0.3 && oddNul / pairs < 0.05) return "utf-16be";
  return null;
}

function isValidUtf8(head: Uint8Array): boolean {
  try {
    // stream: true — a character cut by the 64 KiB limit at the very end is not an error.
    new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

function detectEncoding(head: Uint8Array): { encoding: CsvEncoding; bom: boolean } {
  if (startsWith(head, [0xff, 0xfe, 0, 0]) || startsWith(head, [0, 0, 0xfe, 0xff])) {
    throw new CsvFileError("unreadable", "This file is UTF-32 text, which is not supported: save it as CSV (UTF-8) and upload again");
  }
  for (const enc of ["utf-8", "utf-16le", "utf-16be"] as const) if (startsWithBom(head, enc)) return { encoding: enc, bom: true };
  const utf16 = utf16ByNulPattern(head);
  if (utf16) return { encoding: utf16, bom: false };
  const nul = head.indexOf(0);
  if (nul !== -1) {
    throw new CsvFileError(
      "binary",
      `This is not a text file: it contains a NUL byte (at byte ${nul + 1}), which CSV text never has. It may be damaged or in another format: ${SAVE_AS_CSV}`,
    );
  }
  return { encoding: isValidUtf8(head) ? "utf-8" : "windows-1252", bom: false };
}

/** Control characters other than tab, line breaks and form feed: many of them = binary data. */
function controlRatio(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 127) n++;
  }
  return text.length ? n / text.length : 0;
}

function tokenize(text: string, delimiter: string, complete: boolean): string[][] {
  const t = new CsvTokenizer(delimiter, { unitBytes: 1 });
  const records = t.feed(text);
  if (complete) records.push(...t.end());
  return records.filter((r) => !isBlankRecord(r)).map((r) => r.cells);
}

/**
 * The delimiter that splits the sample most consistently: the one whose most common field count
 * (> 1) covers the most records; ties go to the larger field count, then to the order , ; TAB |.
 * A file where no candidate splits anything is one column: ",".
 */
function detectDelimiter(text: string, complete: boolean): CsvDelimiter {
  let best: { d: CsvDelimiter; hits: number; width: number } | null = null;
  for (const d of CSV_DELIMITERS) {
    const counts = new Map<number, number>();
    for (const cells of tokenize(text, d, complete).slice(0, DELIMITER_SAMPLE)) counts.set(cells.length, (counts.get(cells.length) ?? 0) + 1);
    let width = 1;
    let hits = 0;
    for (const [w, c] of counts) if (w > 1 && (c > hits || (c === hits && w > width))) [width, hits] = [w, c];
    if (hits === 0) continue;
    if (!best || hits > best.hits || (hits === best.hits && width > best.width)) best = { d, hits, width };
  }
  return best?.d ?? ",";
}

const NUMBER_LIKE = /^[-+]?[$€£]?\s*\d[\d\s.,]*%?$/;
const DATE_LIKE = /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}([ T].*)?$/;

/**
 * The header row without its trailing empty cells: Excel writes a delimiter after the last column on
 * every line when a sheet once had more columns (and some exports always do). Those empty columns are
 * ignored — their cells are empty on every row, which validateRow tolerates beyond the header's width.
 */
export function withoutTrailingEmpty(cells: string[]): string[] {
  let n = cells.length;
  while (n > 1 && cells[n - 1]!.trim() === "") n--;
  return n === cells.length ? cells : cells.slice(0, n);
}

/** Why the first row is not a header, or null when it plausibly is one. */
export function headerProblem(row: string[]): string | null {
  const first = withoutTrailingEmpty(row);
  const seen = new Map<string, string>();
  for (const [i, raw] of first.entries()) {
    const cell = raw.trim();
    if (!cell) return `column ${i + 1} of the first row is empty`;
    if (NUMBER_LIKE.test(cell) || DATE_LIKE.test(cell)) return `the first row contains data ("${cell.slice(0, 40)}"), not column names`;
    if (cell.length > 200) return `column ${i + 1} of the first row is too long for a column name`;
    const key = normalizeHeader(cell) || cell;
    const dup = seen.get(key);
    if (dup !== undefined) return `the first row repeats the column name "${cell}" (also "${dup}")`;
    seen.set(key, cell);
  }
  return null;
}

export function detectCsv(head: Uint8Array, opts: DetectOptions = {}): CsvDetection {
  if (head.length === 0) throw new CsvFileError("empty", "The file is empty (0 bytes)");
  const magic = binaryMagic(head);
  if (magic) throw new CsvFileError("binary", magic);

  let encoding: CsvEncoding;
  let bom: boolean;
  if (opts.encoding !== undefined) {
    if (!isCsvEncoding(opts.encoding)) throw new CsvFileError("unreadable", `Unsupported text encoding "${String(opts.encoding)}"`);
    encoding = opts.encoding;
    bom = startsWithBom(head, encoding);
  } else {
    ({ encoding, bom } = detectEncoding(head));
  }

  const complete = opts.complete ?? head.length < CSV_HEAD_BYTES;
  const decoder = createDecoder(encoding);
  // stream: true always; the final flush only when the head is the whole file (a character cut by
  // the head limit is then left out instead of becoming U+FFFD).
  let text = decoder.decode(head.subarray(bom ? BOMS[encoding].length : 0), { stream: true }) + (complete ? decoder.decode() : "");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  if (text.includes("\0") || controlRatio(text) > 0.05) {
    throw new CsvFileError("binary", `This is not a text file (it contains binary data): ${SAVE_AS_CSV}`);
  }
  if (text.trim() === "") throw new CsvFileError("empty", "The file has no content: it contains only blank space or empty lines");

  // Excel's "sep=;" first line names the delimiter: honoured, and not taken for the header (the
  // parser skips it too, parse-stream.ts).
  const sep = /^sep=(.)\r?\n/i.exec(text);
  if (sep) {
    text = text.slice(sep[0].length);
    if (opts.delimiter === undefined && !(CSV_DELIMITERS as readonly string[]).includes(sep[1]!)) {
      throw new CsvFileError("unreadable", `The file's first line "sep=${sep[1]}" names a delimiter Ritiko does not read: save the file with commas, semicolons, tabs or | between the columns`);
    }
  }
  const delimiter = opts.delimiter ?? (sep ? (sep[1] as CsvDelimiter) : detectDelimiter(text, complete));
  const headerRow = Math.max(1, Math.floor(opts.headerRow ?? 1));
  // Title lines above the header ("Stock list, 1 March") are not part of the table.
  const records = tokenize(text, delimiter, complete).slice(headerRow - 1);
  const first = records[0] ?? [];
  let hasHeader: boolean;
  if (opts.hasHeader !== undefined) {
    hasHeader = opts.hasHeader;
  } else {
    const problem = headerProblem(first);
    hasHeader = problem === null;
    const duplicate = problem && /^the first row repeats the column name "(.*)" \(also "(.*)"\)$/.exec(problem);
    if (duplicate && opts.requireHeader) {
      throw new CsvFileError(
        "duplicate_header",
        `Two columns of the header are both called "${duplicate[1]}"${duplicate[2] !== duplicate[1] ? ` ("${duplicate[2]}" and "${duplicate[1]}")` : ""}: rename one of them so that each column has its own name, and upload again`,
      );
    }
    if (problem && opts.requireHeader) {
      throw new CsvFileError(
        "no_header",
        `The file has no header row: ${problem}. Add a first line with the column names (for example "sku,name,quantity") and upload again`,
      );
    }
  }
  const data = hasHeader ? records.slice(1) : records;
  const width = Math.max(first.length, ...data.slice(0, SAMPLE_ROWS).map((r) => r.length));
  const headers = hasHeader ? withoutTrailingEmpty(first) : Array.from({ length: width }, (_, i) => `Column ${i + 1}`);
  return { encoding, bom, delimiter, hasHeader, headerRow, headers, sampleRows: data.slice(0, SAMPLE_ROWS) };
}
