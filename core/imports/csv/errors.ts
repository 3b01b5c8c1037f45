// Errors about a whole file (as opposed to one row): the upload is refused with a message the user can
// act on. Row-level problems are RowErrors (core/imports/types.ts) and never throw.

export type CsvFileErrorCode =
  /** Zero bytes, or only blank space / blank lines. */
  | "empty"
  /** Not text: a known binary format (Excel, ZIP, PDF, image...), NUL bytes or mostly control bytes. */
  | "binary"
  /** The caller needs a header row and the first row does not look like one. */
  | "no_header"
  /** The header names one column twice: which field would each feed? */
  | "duplicate_header"
  /** A header but no data rows (raised by callers: detection itself succeeds with sampleRows []). */
  | "no_rows"
  /** Text we cannot decode: an unsupported encoding (UTF-32) or an encoding name we do not know. */
  | "unreadable"
  /** Bigger than the allowed upload size (raised by storage). */
  | "too_large";

export class CsvFileError extends Error {
  readonly code: CsvFileErrorCode;

  constructor(code: CsvFileErrorCode, message: string) {
    super(message);
    this.name = "CsvFileError";
    this.code = code;
  }
}

export function isCsvFileError(e: unknown): e is CsvFileError {
  return e instanceof CsvFileError;
}
