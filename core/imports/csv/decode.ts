// Byte -> text decoding for the encodings a CSV upload can have. Streaming (parse-stream.ts): a multi-byte character
// split across two chunks is held by the TextDecoder ({stream: true}) until the next chunk, so the
// text never contains a half character and no whole-file string is ever built.
import { CsvFileError } from "./errors";

export const CSV_ENCODINGS = ["utf-8", "utf-16le", "utf-16be", "windows-1252"] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

/** The byte order mark of each encoding (windows-1252 has none). */
export const BOMS: Record<CsvEncoding, readonly number[]> = {
  "utf-8": [0xef, 0xbb, 0xbf],
  "utf-16le": [0xff, 0xfe],
  "utf-16be": [0xfe, 0xff],
  "windows-1252": [],
};

export function isCsvEncoding(v: unknown): v is CsvEncoding {
  return typeof v === "string" && (CSV_ENCODINGS as readonly string[]).includes(v);
}

export function startsWithBom(bytes: Uint8Array, encoding: CsvEncoding): boolean {
  const bom = BOMS[encoding];
  return bom.length > 0 && bytes.length >= bom.length && bom.every((b, i) => bytes[i] === b);
}

/** The part of TextDecoder the CSV code uses. */
export type CsvTextDecoder = { decode(bytes?: Uint8Array, opts?: { stream?: boolean }): string };

// windows-1252 bytes 0x80-0x9F (WHATWG Encoding table); every other byte is the same code point.
// Decoded by hand: Node 20's TextDecoder("windows-1252") decodes as ISO-8859-1 (0x80 -> U+0080, not €)
// when called without {stream: true} — a fast-path bug — so we do not depend on it.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

class Windows1252Decoder implements CsvTextDecoder {
  decode(bytes?: Uint8Array): string {
    if (!bytes || bytes.length === 0) return "";
    const units = new Uint16Array(bytes.length);
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i]!;
      units[i] = b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80]! : b;
    }
    let out = "";
    for (let o = 0; o < units.length; o += 8192) out += String.fromCharCode(...units.subarray(o, o + 8192));
    return out;
  }
}

/**
 * A decoder that keeps a BOM in the text (ignoreBOM: true): the parser removes it itself so that it
 * can count the BOM's bytes in byte offsets. Replacement characters (U+FFFD) stand for invalid bytes.
 */
export function createDecoder(encoding: CsvEncoding): CsvTextDecoder {
  if (!isCsvEncoding(encoding)) throw new CsvFileError("unreadable", `Unsupported text encoding "${String(encoding)}"`);
  if (encoding === "windows-1252") return new Windows1252Decoder();
  return new TextDecoder(encoding, { fatal: false, ignoreBOM: true });
}

/** Decodes a complete byte array (BOM kept). */
export function decodeAll(bytes: Uint8Array, encoding: CsvEncoding): string {
  const d = createDecoder(encoding);
  return d.decode(bytes, { stream: true }) + d.decode();
}

/** Bytes per decoded UTF-16 code unit, or null when it varies (UTF-8). */
export function fixedUnitBytes(encoding: CsvEncoding): number | null {
  if (encoding === "windows-1252") return 1;
  if (encoding === "utf-16le" || encoding === "utf-16be") return 2;
  return null;
}

/** Input chunks larger than this are decoded in slices, so one huge chunk never becomes one huge string. */
export const DECODE_SLICE_BYTES = 1 << 20;
