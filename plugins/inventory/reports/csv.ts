// CSV for the report downloads (RFC 4180: comma-separated, CRLF line ends, a cell quoted when it holds
// a comma, a quote, a line break or edge whitespace, quotes doubled inside).
//
// Formula injection: a spreadsheet runs a text cell that starts with = + - @ (or tab / CR, which some
// of them skip before looking) as a formula, so an item named `=HYPERLINK(...)` would become a live link
// in the admin's Excel. Such text cells get a leading apostrophe, which spreadsheets show as plain text.
// Numbers are written as they are: `-5` is a number, not a formula, and prefixing it would turn the
// column into text. Only values we produced as numbers may skip the check (see `csvNumber`).

/** A numeric cell whose text we produced ourselves (a decimal from PostgreSQL, a count). */
export type CsvNumber = { readonly csvNumber: string };
export type CsvCell = string | number | bigint | CsvNumber | null | undefined;

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** A decimal string ("-12.50") as a number cell. Anything else is refused: it would skip the escaping. */
export function csvNumber(decimal: string): CsvNumber {
  if (!DECIMAL.test(decimal)) throw new Error(`Not a decimal number: ${JSON.stringify(decimal)}`);
  return { csvNumber: decimal };
}

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`Not a finite number: ${value}`);
    return String(value);
  }
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "object") return value.csvNumber;
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly CsvCell[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

/**
 * A UTF-8 byte-order mark goes first: without it Excel reads the file as the system code page and
 * "Chloé" arrives as "ChloÃ©". Other tools (and PostgreSQL's COPY, pandas, LibreOffice) ignore it.
 */
export const CSV_BOM = "\uFEFF";

export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  let out = CSV_BOM + csvLine(header);
  for (const row of rows) out += csvLine(row);
  return out;
}
