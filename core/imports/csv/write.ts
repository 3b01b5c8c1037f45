// Writing CSV (exports, the failed-rows file): RFC 4180 quoting plus protection against formula
// injection (OWASP "CSV injection"): a spreadsheet runs a cell starting with = + - @ TAB or CR as a
// formula, so such cells get a leading apostrophe, which spreadsheets treat as "this is text".

/** A plain decimal number: left alone although it may start with "-" (see escapeCsvCell). */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One cell as CSV text. null/undefined -> empty; numbers and booleans -> their text.
 *
 * Formula injection: strings starting with = + - @ TAB or CR are prefixed with "'". Deliberate
 * exception: a string that is a plain number ("-5", "-12.50") is NOT prefixed. A spreadsheet reads
 * it as the number it is (no formula can hide in /^-?\d+(\.\d+)?$/), and prefixing would turn a
 * negative quantity or amount into the text "'-5", which would not import back as -5.
 */
export function escapeCsvCell(value: string | number | boolean | null | undefined, delimiter = ","): string {
  if (value === null || value === undefined) return "";
  let s = typeof value === "string" ? value : String(value);
  if (typeof value === "string" && FORMULA_START.test(s) && !PLAIN_NUMBER.test(s)) s = `'${s}`;
  if (NEEDS_QUOTES.test(s) || s.includes(delimiter)) return `"${s.replace(/"/g, '""')}"`;
  return s;
}

/**
 * Reverses escapeCsvCell's formula prefix on import: "'=1+2" -> "=1+2". Only an apostrophe followed
 * by one of = + - @ TAB CR is removed, so an export imports back unchanged; the price is that a value
 * really starting with "'=" loses its apostrophe (such values are vanishingly rare).
 */
export function unescapeFormulaCell(cell: string): string {
  return cell.length > 1 && cell.charCodeAt(0) === 39 && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/** One CSV line, CRLF-terminated (RFC 4180; what Excel writes). */
export function csvLine(cells: readonly (string | number | boolean | null | undefined)[], delimiter = ","): string {
  let line = "";
  for (let i = 0; i < cells.length; i++) line += (i ? delimiter : "") + escapeCsvCell(cells[i], delimiter);
  return line + "\r\n";
}

export type CsvStreamOptions = {
  /** Start with a UTF-8 BOM (U+FEFF) so Excel opens non-ASCII text correctly. Default false. */
  bom?: boolean;
  delimiter?: string;
  /** Lines are joined into strings of about this many characters before being yielded. */
  chunkChars?: number;
};

/** A whole CSV document: the header line, then one line per row, yielded in ~64 KiB strings. */
export async function* csvStream(
  header: string[],
  rows: AsyncIterable<readonly (string | number | boolean | null | undefined)[]>,
  opts: CsvStreamOptions = {},
): AsyncGenerator<string> {
  const limit = opts.chunkChars ?? 65_536;
  yield (opts.bom ? "\uFEFF" : "") + csvLine(header, opts.delimiter);
  let buf = "";
  for await (const row of rows) {
    buf += csvLine(row, opts.delimiter);
    if (buf.length >= limit) {
      yield buf;
      buf = "";
    }
  }
  if (buf) yield buf;
}
