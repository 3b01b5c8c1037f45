// The fixture corpus: every file in tests/imports/fixtures has its expected outcome here — the file
// error, or the detection + record count + per-row validation against an inventory-like row schema
// (defined here: core tests never import a plugin). A fixture without an entry fails the test.
import { createReadStream, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CSV_HEAD_BYTES, detectCsv, type CsvDelimiter, type CsvDetection } from "@/core/imports/csv/detect";
import type { CsvEncoding } from "@/core/imports/csv/decode";
import { CsvFileError, type CsvFileErrorCode } from "@/core/imports/csv/errors";
import { autoMap, missingRequired } from "@/core/imports/csv/mapping";
import { bytesSource, parseCsv, type CsvRecord } from "@/core/imports/csv/parse-stream";
import { requiredKeys, rowInput, validateRow } from "@/core/imports/csv/rows";
import type { ImportField, RowError } from "@/core/imports/types";
import { fixtures } from "./fixtures/make-fixtures";

const DIR = path.join(__dirname, "fixtures");

// --- the inventory-like resource ---------------------------------------------------------------
const fields: ImportField[] = [
  { key: "sku", label: "SKU", required: true, aliases: ["item code", "code"] },
  { key: "name", label: "Name", required: true, aliases: ["item name", "description"] },
  { key: "quantity", label: "Quantity", aliases: ["qty", "stock"] },
  { key: "price", label: "Unit price", aliases: ["price"] },
  { key: "expiresOn", label: "Expires on", aliases: ["expiry", "expiry date"] },
];
/** An optional cell: "" (or an unmapped column) -> undefined, otherwise the inner schema. */
const optional = <T extends z.ZodType<unknown, string>>(inner: T) =>
  z
    .string()
    .default("")
    .transform((v) => (v.trim() === "" ? undefined : v.trim()))
    .pipe(inner.optional());
const rowSchema = z.object({
  sku: z
    .string()
    .trim()
    .min(1, "Enter a SKU")
    .max(64, "At most 64 characters")
    .regex(/^[A-Za-z0-9][A-Za-z0-9._\-/]*$/, "Letters, digits and . _ - / only, starting with a letter or digit"),
  name: z.string().trim().min(1, "Enter a name").max(200, "At most 200 characters"),
  quantity: optional(z.string().regex(/^-?\d+$/, "Whole numbers only").transform(Number).pipe(z.number().min(0, "Cannot be negative"))),
  price: optional(z.string().regex(/^\d{1,10}(\.\d{1,2})?$/, "Enter a price such as 12.50 (at most two decimals, not negative)")),
  expiresOn: optional(z.iso.date("Use YYYY-MM-DD")),
});
type Row = z.output<typeof rowSchema>;

// --- expected outcomes ---------------------------------------------------------------------------
type Err = { row: number; field?: string; reason: string };
type Ok = {
  encoding: CsvEncoding;
  bom?: boolean;
  delimiter: CsvDelimiter;
  records: number;
  valid: number;
  errors?: Err[];
  /** Required fields the automatic mapping cannot find (rows are then not validated: preview error). */
  missing?: string[];
  mapping?: Record<string, string>;
  /** [row, first row with the same SKU]. */
  duplicates?: [number, number][];
  check?: (r: { detection: CsvDetection; records: CsvRecord[]; rows: Map<number, Row> }) => void;
};
type Expected = { error: CsvFileErrorCode; message: RegExp } | Ok;

const names = (rows: Map<number, Row>) => [...rows.values()].map((r) => r.name);
const U8 = { encoding: "utf-8", bom: false, delimiter: "," } as const;

const EXPECTED: Record<string, Expected> = {
  "utf8-plain.csv": {
    ...U8, records: 3, valid: 3,
    check: ({ rows }) => expect(rows.get(1)).toEqual({ sku: "AB-100", name: "Aspirin 500mg", quantity: 120, price: "4.99", expiresOn: "2027-03-31" }),
  },
  "utf8-bom.csv": { ...U8, bom: true, records: 2, valid: 2, check: ({ detection }) => expect(detection.headers[0]).toBe("sku") },
  "crlf.csv": { ...U8, records: 2, valid: 2, check: ({ records }) => expect(records.map((r) => r.cells[1])).toEqual(["Syringe 5ml", "Syringe 10ml"]) },
  "cr-only.csv": { ...U8, records: 2, valid: 2, check: ({ records }) => expect(records.map((r) => r.line)).toEqual([2, 3]) },
  "mixed-line-endings.csv": { ...U8, records: 3, valid: 3, check: ({ records }) => expect(records.map((r) => r.line)).toEqual([2, 3, 4]) },
  "quoted-newlines.csv": {
    ...U8, records: 2, valid: 2,
    check: ({ records, rows }) => {
      expect(rows.get(1)!.name).toBe("Gauze\nsterile\n10 x 10 cm");
      expect(records.map((r) => r.line)).toEqual([2, 5]);
    },
  },
  "quoted-delimiter-quotes.csv": {
    ...U8, records: 3, valid: 3,
    check: ({ rows }) => expect(names(rows)).toEqual(["Gauze, sterile", 'Ruler 12" long', '"Quoted" brand, ltd']),
  },
  "quote-after-closing.csv": { ...U8, records: 2, valid: 1, errors: [{ row: 1, reason: "Column 2 has text after its closing quote (line 2)" }] },
  "unterminated-quote.csv": {
    ...U8, records: 2, valid: 1,
    errors: [{ row: 2, reason: "Unterminated quoted cell: the quote opening column 2 on line 3 is never closed" }],
  },
  "duplicate-keys.csv": { ...U8, records: 3, valid: 3, duplicates: [[3, 1]] },
  "missing-required-column.csv": { ...U8, records: 2, valid: 0, missing: ["name"], mapping: { "0": "sku", "1": "quantity" } },
  "extra-columns.csv": {
    ...U8, records: 2, valid: 2,
    mapping: { "0": "sku", "1": "name", "2": "quantity", "3": "price", "4": "expiresOn" },
    check: ({ detection }) => expect(detection.headers.slice(5)).toEqual(["Supplier", "Notes"]),
  },
  "negative-quantity.csv": { ...U8, records: 2, valid: 1, errors: [{ row: 2, field: "quantity", reason: "Cannot be negative" }] },
  "non-numeric-price.csv": {
    ...U8, records: 3, valid: 1,
    errors: [
      { row: 2, field: "price", reason: "Enter a price such as 12.50" },
      { row: 3, field: "price", reason: "Enter a price such as 12.50" },
    ],
  },
  "price-three-decimals.csv": { ...U8, records: 2, valid: 1, errors: [{ row: 1, field: "price", reason: "at most two decimals" }] },
  "non-integer-quantity.csv": {
    ...U8, records: 2, valid: 0,
    errors: [
      { row: 1, field: "quantity", reason: "Whole numbers only" },
      { row: 2, field: "quantity", reason: "Whole numbers only" },
    ],
  },
  "invalid-sku-and-lengths.csv": {
    ...U8, records: 5, valid: 0,
    errors: [
      { row: 1, field: "sku", reason: "Letters, digits and . _ - / only" },
      { row: 2, field: "sku", reason: "At most 64 characters" },
      { row: 3, field: "name", reason: "At most 200 characters" },
      { row: 4, field: "sku", reason: "Enter a SKU" },
      { row: 5, field: "name", reason: "Enter a name" },
    ],
  },
  "long-cell-10k.csv": { ...U8, records: 2, valid: 2, check: ({ records }) => expect(records[0]!.cells[5]).toBe("x".repeat(10_000)) },
  "long-cell-200k.csv": {
    ...U8, records: 2, valid: 1,
    errors: [{ row: 1, reason: "Column 6 has 200,000 characters, more than the limit of 100,000" }],
    check: ({ records }) => expect(records[1]!.cells[0]).toBe("L-2"),
  },
  "blank-lines.csv": { ...U8, records: 2, valid: 2, check: ({ records }) => expect(records.map((r) => [r.row, r.line])).toEqual([[1, 3], [2, 6]]) },
  "trailing-blank-lines.csv": { ...U8, records: 2, valid: 2 },
  "semicolon.csv": { ...U8, delimiter: ";", records: 2, valid: 2, check: ({ rows }) => expect(rows.get(1)!.name).toBe("Semicolon, comma in name") },
  "semicolon-decimal-comma.csv": { ...U8, delimiter: ";", records: 2, valid: 1, errors: [{ row: 1, field: "price", reason: "Enter a price such as 12.50" }] },
  "tab-separated.tsv": { ...U8, delimiter: "\t", records: 2, valid: 2, check: ({ rows }) => expect(rows.get(1)!.name).toBe("Smith, John kit") },
  "pipe-separated.csv": { ...U8, delimiter: "|", records: 2, valid: 2 },
  "windows-1252.csv": {
    encoding: "windows-1252", bom: false, delimiter: ",", records: 3, valid: 3,
    check: ({ rows }) => expect(names(rows)).toEqual(["Crème brûlée", "Müller Straße", "Price in €"]),
  },
  "utf16le-bom.csv": {
    encoding: "utf-16le", bom: true, delimiter: ",", records: 2, valid: 2,
    check: ({ rows, detection }) => {
      expect(names(rows)).toEqual(["Ωmega café", "日本語"]);
      expect(detection.headers).toEqual(["sku", "name", "quantity", "price", "expiresOn"]);
    },
  },
  "utf16be-bom.csv": { encoding: "utf-16be", bom: true, delimiter: ",", records: 2, valid: 2, check: ({ rows }) => expect(names(rows)).toEqual(["Ωmega café", "日本語"]) },
  "utf16le-no-bom.csv": { encoding: "utf-16le", bom: false, delimiter: ",", records: 1, valid: 1 },
  "non-latin-names.csv": {
    ...U8, records: 5, valid: 5,
    check: ({ rows }) => expect(names(rows)).toEqual(["Аспирин", "阿司匹林", "أسبرين", "Pills 💊😀", "Ελληνικά"]),
  },
  "header-only.csv": { ...U8, records: 0, valid: 0, check: ({ detection }) => expect(detection.sampleRows).toEqual([]) },
  "zero-bytes.csv": { error: "empty", message: /^The file is empty \(0 bytes\)$/ },
  "whitespace-only.csv": { error: "empty", message: /only blank space or empty lines/ },
  "bom-only.csv": { error: "empty", message: /only blank space or empty lines/ },
  "png-renamed.csv": { error: "binary", message: /PNG image, not CSV/ },
  "spreadsheet.xlsx": { error: "binary", message: /^This looks like an Excel\/ZIP file .*save it as CSV \(UTF-8\) and upload again$/ },
  "pdf-renamed.csv": { error: "binary", message: /PDF file, not CSV/ },
  "nul-in-utf8.csv": { error: "binary", message: /NUL byte \(at byte 42\)/ },
  "ragged-rows.csv": {
    ...U8, records: 4, valid: 2,
    errors: [
      { row: 1, reason: "row has 3 cells, the header has 5" },
      { row: 2, reason: "row has 6 cells, the header has 5" },
    ],
  },
  "formula-cells.csv": {
    ...U8, records: 5, valid: 4,
    // Imported as text, exactly; the leading apostrophe of "'=F-5" is taken as our export's escape.
    errors: [{ row: 5, field: "sku", reason: "starting with a letter or digit" }],
    check: ({ rows }) => expect(names(rows)).toEqual(["=1+2", "@SUM(A1:A2)", '=HYPERLINK("http://evil","x")', "+cmd"]),
  },
  "header-less.csv": { error: "no_header", message: /the first row contains data \("120"\), not column names/ },
  "duplicate-header-names.csv": { error: "duplicate_header", message: /^Two columns of the header are both called "name": rename one of them/ },
  // A quantity is digits only: "1.000" (a thousand in much of Europe), "1e3" and "0x10" are refused, never read as 1, 1000 or 16.
  "european-thousands.csv": {
    ...U8, records: 4, valid: 1,
    errors: [
      { row: 1, field: "quantity", reason: "Whole numbers only" },
      { row: 2, field: "quantity", reason: "Whole numbers only" },
      { row: 3, field: "quantity", reason: "Whole numbers only" },
    ],
    check: ({ rows }) => expect(rows.get(4)).toEqual({ sku: "T-4", name: "Plain", quantity: 1000 }),
  },
  // Blank cells are left out like unmapped columns: an update keeps the stored value, nothing becomes 0.
  "blank-cells.csv": {
    ...U8, records: 2, valid: 2,
    check: ({ rows }) => {
      expect(rows.get(1)).toEqual({ sku: "B-1", name: "Nothing else given" });
      expect(rows.get(2)).toEqual({ sku: "B-2", name: "Spaces only" });
    },
  },
  // Excel's delimiter after the last column, on every line: the empty last column is ignored.
  "excel-trailing-delimiter.csv": {
    ...U8, records: 2, valid: 2,
    mapping: { "0": "sku", "1": "name", "2": "quantity" },
    check: ({ detection, rows }) => {
      expect(detection.headers).toEqual(["SKU", "Name", "Qty"]);
      expect(rows.get(2)).toEqual({ sku: "X-2", name: "Tape", quantity: 7 });
    },
  },
  // Excel's "sep=;" first line: the delimiter it names, and neither a header nor a row.
  "excel-sep-line.csv": {
    ...U8, delimiter: ";", records: 1, valid: 1,
    check: ({ detection, rows }) => {
      expect(detection.headers).toEqual(["sku", "name", "quantity"]);
      expect(rows.get(1)).toEqual({ sku: "S-1", name: "Gauze, sterile", quantity: 5 });
    },
  },
  // Units and currencies in brackets, "#" markers: still the price and the quantity.
  "decorated-headers.csv": {
    ...U8, records: 1, valid: 1,
    mapping: { "0": "sku", "1": "name", "2": "price", "3": "quantity" },
    check: ({ rows }) => expect(rows.get(1)).toEqual({ sku: "U-1", name: "Gauze", price: "2.50", quantity: 5 }),
  },
  "header-aliases.csv": {
    ...U8, records: 2, valid: 2,
    mapping: { "0": "name", "1": "quantity", "2": "sku", "3": "price", "4": "expiresOn" },
    check: ({ rows }) => expect(rows.get(1)).toEqual({ sku: "HA-1", name: "Gloves", quantity: 100, price: "9.90", expiresOn: "2028-01-15" }),
  },
  "wrong-date-format.csv": {
    ...U8, records: 4, valid: 1,
    errors: [
      { row: 1, field: "expiresOn", reason: "Use YYYY-MM-DD" },
      { row: 2, field: "expiresOn", reason: "Use YYYY-MM-DD" },
      { row: 3, field: "expiresOn", reason: "Use YYYY-MM-DD" },
    ],
  },
};

// --- running a fixture through the CSV layer ------------------------------------------------------
/** Read from disk as a stream (64 KiB), or from memory in tiny chunks (fs reads of 7 bytes are slow). */
async function parseFile(file: string, detection: CsvDetection, chunk: number): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  const source = chunk >= 4096 ? createReadStream(file, { highWaterMark: chunk }) : bytesSource(readFileSync(file), chunk);
  for await (const r of parseCsv(source, { ...detection })) out.push(r);
  return out;
}

describe("fixture corpus", () => {
  const files = readdirSync(DIR).filter((f) => f !== "make-fixtures.ts").sort();

  it("has at least 32 fixtures, every one with an expected outcome, and no stale entries", () => {
    expect(files.length).toBeGreaterThanOrEqual(32);
    expect(files.filter((f) => !(f in EXPECTED))).toEqual([]);
    expect(Object.keys(EXPECTED).filter((f) => !files.includes(f))).toEqual([]);
  });

  it("files on disk are exactly what make-fixtures.ts produces", () => {
    const made = fixtures();
    expect(Object.keys(made).sort()).toEqual(files);
    for (const f of files) expect(Buffer.compare(readFileSync(path.join(DIR, f)), Buffer.from(made[f]!)), f).toBe(0);
  });

  it.each(Object.keys(EXPECTED).sort())("%s", async (name) => {
    const exp = EXPECTED[name]!;
    const file = path.join(DIR, name);
    const head = readFileSync(file).subarray(0, CSV_HEAD_BYTES);
    let detection: CsvDetection;
    try {
      detection = detectCsv(head, { requireHeader: true });
    } catch (e) {
      if (!(e instanceof CsvFileError)) throw e;
      expect("error" in exp ? { code: exp.error } : { unexpected: e.message }).toEqual({ code: e.code });
      if ("error" in exp) expect(e.message).toMatch(exp.message);
      return;
    }
    if ("error" in exp) throw new Error(`expected CsvFileError ${exp.error}, got a detection: ${JSON.stringify(detection)}`);
    expect({ encoding: detection.encoding, delimiter: detection.delimiter, hasHeader: detection.hasHeader }).toEqual({
      encoding: exp.encoding,
      delimiter: exp.delimiter,
      hasHeader: true,
    });
    if (exp.bom !== undefined) expect(detection.bom).toBe(exp.bom);

    // The same records whatever the read size (7-byte chunks split every multi-byte character and CRLF).
    const records = await parseFile(file, detection, 64 * 1024);
    expect(await parseFile(file, detection, 7)).toEqual(records);
    expect(records).toHaveLength(exp.records);
    expect(records.map((r) => r.row)).toEqual(records.map((_, i) => i + 1));
    // Detection's sample is the start of what the parser yields.
    expect(detection.sampleRows).toEqual(records.slice(0, detection.sampleRows.length).map((r) => r.cells.map((c) => c.slice(0, 100_000))));

    const mapping = autoMap(detection.headers, fields);
    if (exp.mapping) expect(mapping).toEqual(exp.mapping);
    expect(missingRequired(mapping, fields).map((f) => f.key)).toEqual(exp.missing ?? []);
    if (exp.missing?.length) return; // the preview refuses before validating rows

    const rows = new Map<number, Row>();
    const errors: RowError[] = [];
    for (const rec of records) {
      const res = validateRow(rowSchema, rowInput(rec.cells, mapping, requiredKeys(fields)), rec, detection.headers, mapping);
      if (res.ok) rows.set(rec.row, res.data);
      else errors.push(...res.errors);
    }
    expect(rows.size).toBe(exp.valid);
    const expErrors = exp.errors ?? [];
    expect(errors.map((e) => ({ row: e.row, field: e.field }))).toEqual(expErrors.map((e) => ({ row: e.row, field: e.field })));
    errors.forEach((e, i) => {
      expect(e.reason).toContain(expErrors[i]!.reason);
      expect(e.line).toBe(records.find((r) => r.row === e.row)!.line);
      if (e.field) expect(e.column).toBe(detection.headers[Number(Object.keys(mapping).find((c) => mapping[c] === e.field))]);
    });

    const firstBySku = new Map<string, number>();
    const duplicates: [number, number][] = [];
    for (const [row, data] of rows) {
      const first = firstBySku.get(data.sku);
      if (first !== undefined) duplicates.push([row, first]);
      else firstBySku.set(data.sku, row);
    }
    expect(duplicates).toEqual(exp.duplicates ?? []);
    exp.check?.({ detection, records, rows });
  });
});
