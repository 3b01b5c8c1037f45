import { describe, expect, it } from "vitest";
import { csvLine, csvStream, escapeCsvCell, unescapeFormulaCell } from "@/core/imports/csv/write";
import { rowInput } from "@/core/imports/csv/rows";
import { parseAll, utf8 } from "./csv-helpers";

describe("escapeCsvCell", () => {
  it("quotes cells with the delimiter, quotes, CR or LF (RFC 4180), leaves others alone", () => {
    expect(escapeCsvCell("plain")).toBe("plain");
    expect(escapeCsvCell("a,b")).toBe('"a,b"');
    expect(escapeCsvCell('say "hi"')).toBe('"say ""hi"""');
    expect(escapeCsvCell("l1\nl2")).toBe('"l1\nl2"');
    expect(escapeCsvCell("l1\rl2")).toBe('"l1\rl2"');
    expect(escapeCsvCell("a;b")).toBe("a;b");
    expect(escapeCsvCell("a;b", ";")).toBe('"a;b"');
    expect(escapeCsvCell(null)).toBe("");
    expect(escapeCsvCell(undefined)).toBe("");
    expect(escapeCsvCell(true)).toBe("true");
    expect(escapeCsvCell(12.5)).toBe("12.5");
  });

  it("prefixes an apostrophe to cells a spreadsheet would run as a formula", () => {
    expect(escapeCsvCell("=1+2")).toBe("'=1+2");
    expect(escapeCsvCell("+cmd|' /C calc'!A0")).toBe("'+cmd|' /C calc'!A0");
    expect(escapeCsvCell("-2+3")).toBe("'-2+3");
    expect(escapeCsvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(escapeCsvCell("\t=1")).toBe("'\t=1");
    expect(escapeCsvCell("\r=1")).toBe("\"'\r=1\"");
    expect(escapeCsvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(escapeCsvCell("a=1")).toBe("a=1");
  });

  it("leaves plain negative numbers alone so a negative quantity exports and imports back as a number", () => {
    expect(escapeCsvCell("-5")).toBe("-5");
    expect(escapeCsvCell("-12.50")).toBe("-12.50");
    expect(escapeCsvCell(-5)).toBe("-5");
    // Not a plain number: could be a formula ("-1e5" is fine in Excel but "-1+A1" is not): prefixed.
    expect(escapeCsvCell("-1e5")).toBe("'-1e5");
    expect(escapeCsvCell("-")).toBe("'-");
  });
});

describe("csvLine / csvStream", () => {
  it("joins escaped cells with CRLF at the end", () => {
    expect(csvLine(["a", "b,c", null, 3])).toBe('a,"b,c",,3\r\n');
    expect(csvLine(["a", "b;c"], ";")).toBe('a;"b;c"\r\n');
  });

  it("streams header + rows (optionally with a BOM) that the parser reads back to the same cells", async () => {
    const rows = [
      ["A-1", "=1+2", "-5", 'x "y"\nz'],
      ["B/2", "@me", "7", ""],
    ];
    async function* source() {
      for (const r of rows) yield r;
    }
    let text = "";
    for await (const s of csvStream(["sku", "name", "quantity", "notes"], source(), { bom: true })) text += s;
    expect(text.startsWith("\uFEFFsku,name,quantity,notes\r\n")).toBe(true);
    const recs = await parseAll(utf8(text));
    expect(recs.map((r) => r.cells)).toEqual([
      ["A-1", "'=1+2", "-5", 'x "y"\nz'],
      ["B/2", "'@me", "7", ""],
    ]);
    // The import side removes the apostrophe the export added: the round trip is exact.
    const mapping = { "0": "sku", "1": "name", "2": "quantity", "3": "notes" };
    expect(recs.map((r) => rowInput(r.cells, mapping))).toEqual([
      { sku: "A-1", name: "=1+2", quantity: "-5", notes: 'x "y"\nz' },
      // A blank optional cell is left out, like an unmapped column (rowInput).
      { sku: "B/2", name: "@me", quantity: "7" },
    ]);
  });

  it("yields big exports in chunks, not one string per row or one whole string", async () => {
    async function* many() {
      for (let i = 0; i < 5000; i++) yield [`SKU-${i}`, "name", i];
    }
    const chunks: string[] = [];
    for await (const s of csvStream(["sku", "name", "quantity"], many(), { chunkChars: 10_000 })) chunks.push(s);
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks.length).toBeLessThan(20);
    expect(chunks.join("").split("\r\n")).toHaveLength(5002);
  });
});

describe("unescapeFormulaCell", () => {
  it("removes only an apostrophe that protects a formula character", () => {
    expect(unescapeFormulaCell("'=1+2")).toBe("=1+2");
    expect(unescapeFormulaCell("'-x")).toBe("-x");
    expect(unescapeFormulaCell("'quoted'")).toBe("'quoted'");
    expect(unescapeFormulaCell("'")).toBe("'");
    expect(unescapeFormulaCell("=1+2")).toBe("=1+2");
  });
});
