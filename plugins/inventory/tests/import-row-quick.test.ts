// The import's fast path for plainly valid rows (imports/row-quick.ts) against the zod row schema it
// stands in for: whatever row the fast path takes, the schema takes too and gives the very same
// values and keys — so a member's file is read exactly as before, and every refusal still comes from
// the schema with its message. And it does take the ordinary rows (else it would be silently useless).
import { describe, expect, it } from "vitest";
import { quickItemRow } from "../imports/row-quick";
import { itemImportRow } from "../imports/row-schema";

const long = (n: number, c = "x") => c.repeat(n);

// Per field: ordinary values, unusual but valid ones, and wrong ones.
const CELLS: Record<string, string[]> = {
  sku: ["BI-00012345", "a", "A.b_c-d/e", long(64, "A"), long(65, "A"), " BI-1", "BI-1 ", "-BI", "'=BI", "BI 1", "", " ", "BÍ-1", "9"],
  name: ["Nitrile gloves #12345", " Gauze ", "x", long(200), long(201), ` ${long(200)} `, "", "  ", "'=HYPERLINK(1)", "'plain", "Ünïcødé ✓", "a\tb", "=1+2"],
  category: ["Gloves", " gloves ", long(200), long(201), "'=cat", "'x", "", " ", "Ärzte"],
  quantity: ["0", "12", "999999999", "1000000000", "1000000001", "99999999999999999999", "+5", "-1", "1.000", "1,000", "12.0", "1e3", "0x10", " 7 ", "007", "", " ", "½"],
  unit: ["each", " box ", long(32), long(33), "'=u", "", " ", "ml"],
  price: ["0", "12.5", "12.50", "12.", ".5", "12.345", "-1", "1,50", "9999999999.99", "99999999999", " 3.10 ", "1e2", "", " "],
  reorderThreshold: ["10", "0", "999999999", "1000000000", "-3", "+3", "3.5", "", " "],
  inStock: ["yes", "no", "YES", " No ", "y", "N", "true", "FALSE", "1", "0", "2", "si", "", " "],
  expiresOn: ["2027-03-31", "2028-02-29", "2027-02-29", "2000-02-29", "1900-02-29", "2027-13-01", "2027-04-31", "2027-3-31", "31/03/2027", " 2027-03-31 ", "2027-03-31T00:00", "", " "],
};
const FIELDS = Object.keys(CELLS);
const ORDINARY: Record<string, string> = Object.fromEntries(FIELDS.map((f) => [f, CELLS[f]![0]!]));

/** The schema's output, or undefined when it refuses the row. */
const schemaRow = (input: Record<string, string>) => {
  const r = itemImportRow.safeParse(input);
  return r.success ? r.data : undefined;
};

function expectSameAsSchema(input: Record<string, string>) {
  const quick = quickItemRow(input);
  if (quick === undefined) return false;
  // toStrictEqual: the same keys too (a blank optional cell is a key with undefined, an absent one no key).
  expect({ input, row: quick }).toStrictEqual({ input, row: schemaRow(input) });
  return true;
}

describe("the import's fast path for plainly valid rows", () => {
  it("gives exactly the schema's row for every single-cell variation it takes", () => {
    let taken = 0;
    for (const field of FIELDS) {
      for (const cell of CELLS[field]!) if (expectSameAsSchema({ ...ORDINARY, [field]: cell })) taken++;
      // The column not mapped at all (required fields included: the schema refuses, the fast path must not take it).
      const { [field]: _left, ...without } = ORDINARY;
      if (expectSameAsSchema(without)) taken++;
    }
    // It took the ordinary variations, not only declined everything.
    expect(taken).toBeGreaterThan(60);
  });

  it("gives exactly the schema's row for 20,000 random mixes of those cells", () => {
    let seed = 13;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    let taken = 0;
    for (let i = 0; i < 20_000; i++) {
      const input: Record<string, string> = {};
      for (const field of FIELDS) {
        if (next() < 0.1) continue; // not mapped
        const cells = CELLS[field]!;
        input[field] = cells[Math.floor(next() * cells.length)]!;
      }
      if (expectSameAsSchema(input)) taken++;
    }
    expect(taken).toBeGreaterThan(100);
  });

  it("takes the rows an export writes and a spreadsheet keeps, blank optional cells included", () => {
    const rows = [
      ORDINARY,
      { sku: "GL-1", name: "Gloves M", category: "", quantity: "0", unit: "box", price: "4.00", reorderThreshold: "10", inStock: "no", expiresOn: "" },
      { sku: "SY/5.ml", name: "Syringe 5 ml", category: "Syringes", quantity: "250", unit: "each", price: "0.35", reorderThreshold: "100", inStock: "yes", expiresOn: "2029-12-31" },
      { sku: "X1", name: "Only the required" },
    ];
    for (const row of rows) expect(expectSameAsSchema(row)).toBe(true);
  });

  it("leaves every row the schema refuses to the schema (and its message)", () => {
    const refused = [
      { ...ORDINARY, quantity: "1.000" },
      { ...ORDINARY, quantity: "1000000001" },
      { ...ORDINARY, price: "12.345" },
      { ...ORDINARY, inStock: "maybe" },
      { ...ORDINARY, expiresOn: "2027-02-29" },
      { ...ORDINARY, name: long(201) },
      { ...ORDINARY, sku: "" },
    ];
    for (const row of refused) {
      expect(schemaRow(row)).toBeUndefined();
      expect(quickItemRow(row)).toBeUndefined();
    }
  });
});
