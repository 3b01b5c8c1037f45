// The CSV state machine shared by detection (on the first 64 KiB) and the streaming parser. It is fed
// decoded text chunk by chunk and returns the records completed so far; a record split across chunks
// is carried over as its finished cells plus the current cell's text, so memory stays bounded by one
// chunk plus one record — and one record is itself bounded (MAX_CELL_CHARS per cell, MAX_RECORD_CHARS
// and MAX_COLUMNS per record): past a limit the text is counted but no longer stored and the record
// carries an `error` instead of failing the whole file.
//
// Dialect: RFC 4180 with the leniencies real files need — line breaks CRLF, LF or lone CR (old Mac
// exports), a quote in the middle of an unquoted cell is a literal character (12" monitor), quoted
// cells keep their content exactly (line breaks, delimiters, doubled quotes -> one quote). Text after
// a closing quote ("abc"def) is an error on that record: it almost always means an undoubled quote
// inside a quoted cell, and guessing would silently change the data.
//
// Positions: `line` is the physical line where the record starts (1-based; every CRLF, LF or CR
// counts, including those inside quoted cells). `byteOffset` is the record's first byte in the
// original file, computed from the decoded text: exact for windows-1252 (1 byte per character) and
// UTF-16 (2 bytes per code unit), exact for valid UTF-8; once the UTF-8 text contains a replacement
// character (U+FFFD: invalid bytes, whose original length is unknown) offsets are no longer reliable
// and are omitted from then on.

export const MAX_CELL_CHARS = 100_000;
export const MAX_RECORD_CHARS = 1_000_000;
export const MAX_COLUMNS = 2_000;

export type RawRecord = { line: number; byteOffset?: number; cells: string[]; error?: string };

const LF = 10;
const CR = 13;
const QUOTE = 34;

const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
/** A quote seen inside a quoted cell: the next character says whether it was "" or the closing one. */
const QUOTE_SEEN = 3;

export type TokenizerOptions = {
  /** Line number of the first character (1, or the record's line when resuming). */
  line?: number;
  /** Byte offset of the first character in the original file (after a BOM, or when resuming). */
  byteOffset?: number;
  /** Bytes per UTF-16 code unit of the text (1 windows-1252, 2 UTF-16), null = UTF-8 (counted). */
  unitBytes: number | null;
};

const fmt = (n: number) => n.toLocaleString("en-US");

export class CsvTokenizer {
  private readonly delim: number;
  private readonly unitBytes: number | null;
  private cells: string[] = [];
  private cell = "";
  private cellLen = 0;
  private recordChars = 0;
  private state = FIELD_START;
  private started = false;
  private error: string | undefined;
  /** The previous character ended a record with CR: an LF right after belongs to the same break. */
  private pendingCR = false;
  /** Inside quotes, the previous chunk's segment ended with CR (CRLF split across chunks). */
  private quotedCR = false;
  private nulSeen = false;
  private line: number;
  private recLine = 1;
  private quoteLine = 1;
  private recByte: number | undefined;
  /** Byte offset of the current chunk's start; undefined once offsets are unreliable. */
  private chunkByte: number | undefined;
  private curPos = 0;
  private curByte = 0;

  constructor(delimiter: string, opts: TokenizerOptions) {
    if (delimiter.length !== 1) throw new Error("The delimiter must be one character");
    this.delim = delimiter.charCodeAt(0);
    this.unitBytes = opts.unitBytes;
    this.line = opts.line ?? 1;
    this.chunkByte = opts.byteOffset ?? 0;
  }

  /** Moves the byte position without text (a BOM that was removed from the first chunk). */
  skipBytes(n: number) {
    if (this.chunkByte !== undefined) this.chunkByte += n;
  }

  private bytes(s: string, a: number, b: number): number {
    return this.unitBytes !== null ? (b - a) * this.unitBytes : Buffer.byteLength(s.slice(a, b), "utf8");
  }

  /** Feeds the next chunk of text; returns the records it completed. */
  feed(s: string): RawRecord[] {
    const out: RawRecord[] = [];
    const n = s.length;
    const D = this.delim;
    if (!this.nulSeen && s.indexOf("\0") !== -1) this.nulSeen = true;
    if (this.chunkByte !== undefined && this.unitBytes === null && s.indexOf("\uFFFD") !== -1) this.chunkByte = undefined;
    this.curPos = 0;
    this.curByte = this.chunkByte ?? 0;
    // Next delimiter / LF / CR at or after the scan position (n = none): unquoted cells are found with
    // native indexOf instead of a per-character loop; each is re-searched only once passed.
    const delimChar = String.fromCharCode(D);
    let nd = -1;
    let nl = -1;
    let nc = -1;
    let i = 0;
    while (i < n) {
      const st = this.state;
      if (st === QUOTED) {
        const q = s.indexOf('"', i);
        const end = q === -1 ? n : q;
        if (end > i) {
          this.countBreaks(s, i, end);
          this.append(s, i, end);
        }
        if (q === -1) break;
        this.quotedCR = false;
        this.state = QUOTE_SEEN;
        i = q + 1;
        continue;
      }
      let c = s.charCodeAt(i);
      if (this.pendingCR) {
        this.pendingCR = false;
        if (c === LF) {
          i++;
          continue;
        }
      }
      if (!this.started) this.startRecord(s, i);
      if (st === QUOTE_SEEN) {
        if (c === QUOTE) {
          this.appendText('"');
          this.state = QUOTED;
          i++;
          continue;
        }
        if (c === D) {
          this.endCell();
          this.state = FIELD_START;
          i++;
          continue;
        }
        if (c === LF || c === CR) {
          this.endCell();
          out.push(this.endRecord());
          this.lineBreak(c);
          i++;
          continue;
        }
        this.fail(
          `Column ${this.cells.length + 1} has text after its closing quote (line ${this.line}): a quote inside a quoted cell must be doubled ("")`,
        );
        this.state = UNQUOTED;
      } else if (st === FIELD_START && c === QUOTE) {
        this.state = QUOTED;
        this.quoteLine = this.line;
        i++;
        continue;
      }
      if (nd < i) nd = indexOrEnd(s, delimChar, i, n);
      if (nl < i) nl = indexOrEnd(s, "\n", i, n);
      if (nc < i) nc = indexOrEnd(s, "\r", i, n);
      const j = nd < nl ? (nd < nc ? nd : nc) : nl < nc ? nl : nc;
      if (j > i) this.append(s, i, j);
      if (j === n) {
        this.state = UNQUOTED;
        break;
      }
      c = s.charCodeAt(j);
      this.endCell();
      if (c === D) {
        this.state = FIELD_START;
      } else {
        out.push(this.endRecord());
        this.lineBreak(c);
      }
      i = j + 1;
    }
    if (this.chunkByte !== undefined) this.chunkByte = this.curByte + this.bytes(s, this.curPos, n);
    return out;
  }

  /** End of input: the last record if it has no final line break; an open quote is an error. */
  end(): RawRecord[] {
    if (this.state === QUOTED) {
      this.fail(
        `Unterminated quoted cell: the quote opening column ${this.cells.length + 1} on line ${this.quoteLine} is never closed`,
      );
    }
    if (!this.started) return [];
    this.endCell();
    return [this.endRecord()];
  }

  private startRecord(s: string, i: number) {
    this.started = true;
    this.recLine = this.line;
    if (this.chunkByte === undefined) {
      this.recByte = undefined;
      return;
    }
    this.curByte += this.bytes(s, this.curPos, i);
    this.curPos = i;
    this.recByte = this.curByte;
  }

  private lineBreak(c: number) {
    this.line++;
    if (c === CR) this.pendingCR = true;
  }

  private countBreaks(s: string, a: number, b: number) {
    let prevCR = this.quotedCR;
    for (let k = a; k < b; k++) {
      const c = s.charCodeAt(k);
      if (c === LF) {
        if (!prevCR) this.line++;
        prevCR = false;
      } else if (c === CR) {
        this.line++;
        prevCR = true;
      } else prevCR = false;
    }
    this.quotedCR = prevCR;
  }

  private append(s: string, a: number, b: number) {
    const len = b - a;
    const room = Math.min(MAX_CELL_CHARS - this.cellLen, MAX_RECORD_CHARS - this.recordChars);
    if (room >= len) this.cell += s.slice(a, b);
    else if (room > 0) this.cell += s.slice(a, a + room);
    this.cellLen += len;
    this.recordChars += len;
  }

  private appendText(t: string) {
    if (this.cellLen < MAX_CELL_CHARS && this.recordChars < MAX_RECORD_CHARS) this.cell += t;
    this.cellLen += t.length;
    this.recordChars += t.length;
  }

  private fail(message: string) {
    if (this.error === undefined) this.error = message;
  }

  private endCell() {
    const col = this.cells.length + 1;
    if (this.cellLen > MAX_CELL_CHARS) {
      this.fail(`Column ${col} has ${fmt(this.cellLen)} characters, more than the limit of ${fmt(MAX_CELL_CHARS)}`);
    } else if (this.recordChars > MAX_RECORD_CHARS) {
      this.fail(`The row has more than ${fmt(MAX_RECORD_CHARS)} characters`);
    }
    if (this.nulSeen && this.cell.indexOf("\0") !== -1) this.fail(`Column ${col} contains a NUL character, which text cannot hold`);
    if (this.cells.length < MAX_COLUMNS) this.cells.push(this.cell);
    else this.fail(`The row has more than ${fmt(MAX_COLUMNS)} columns`);
    this.cell = "";
    this.cellLen = 0;
  }

  private endRecord(): RawRecord {
    const rec: RawRecord = { line: this.recLine, cells: this.cells };
    if (this.recByte !== undefined) rec.byteOffset = this.recByte;
    if (this.error !== undefined) rec.error = this.error;
    this.cells = [];
    this.error = undefined;
    this.started = false;
    this.recordChars = 0;
    this.state = FIELD_START;
    return rec;
  }
}

function indexOrEnd(s: string, ch: string, from: number, n: number): number {
  const k = s.indexOf(ch, from);
  return k === -1 ? n : k;
}

/** A record with no content (an empty line, or only delimiters/blank space): skipped, not a row. */
export function isBlankRecord(r: RawRecord): boolean {
  if (r.error !== undefined) return false;
  for (const c of r.cells) if (c.length > 0 && c.trim() !== "") return false;
  return true;
}
