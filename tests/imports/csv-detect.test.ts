import { describe, expect, it } from "vitest";
import { CSV_HEAD_BYTES, detectCsv } from "@/core/imports/csv/detect";
import { CsvFileError } from "@/core/imports/csv/errors";
import { utf8 } from "./csv-helpers";

function fileError(fn: () => unknown): CsvFileError {
  try {
    fn();
  } catch (e) {
    if (e instanceof CsvFileError) return e;
    throw e;
  }
  throw new Error("expected a CsvFileError");
}

const utf16le = (s: string, bom = true) => {
  const out = bom ? [0xff, 0xfe] : [];
  for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i) & 0xff, s.charCodeAt(i) >> 8);
  return new Uint8Array(out);
};
const utf16be = (s: string, bom = true) => {
  const out = bom ? [0xfe, 0xff] : [];
  for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i) >> 8, s.charCodeAt(i) & 0xff);
  return new Uint8Array(out);
};

describe("detectCsv — encoding", () => {
  it("UTF-8 without and with BOM", () => {
    expect(detectCsv(utf8("sku,name\nA,é\n"))).toMatchObject({ encoding: "utf-8", bom: false, headers: ["sku", "name"] });
    expect(detectCsv(utf8("\uFEFFsku,name\nA,é\n"))).toMatchObject({ encoding: "utf-8", bom: true, headers: ["sku", "name"] });
  });

  it("UTF-16 LE/BE with BOM and without BOM (by the NUL-byte pattern)", () => {
    const text = "sku,name\nA,Ωmega\n";
    for (const [bytes, encoding, bom] of [
      [utf16le(text), "utf-16le", true],
      [utf16be(text), "utf-16be", true],
      [utf16le(text, false), "utf-16le", false],
      [utf16be(text, false), "utf-16be", false],
    ] as const) {
      expect(detectCsv(bytes)).toMatchObject({ encoding, bom, headers: ["sku", "name"], sampleRows: [["A", "Ωmega"]] });
    }
  });

  it("invalid UTF-8 is read as windows-1252 (Latin-1 exports)", () => {
    const d = detectCsv(new Uint8Array([...utf8("name,price\nCaf"), 0xe9, ...utf8(","), 0x80, ...utf8("5\n")]));
    expect(d).toMatchObject({ encoding: "windows-1252", sampleRows: [["Café", "€5"]] });
  });

  it("a UTF-8 character cut by the 64 KiB head limit is not mistaken for windows-1252", () => {
    let text = "sku,name\n";
    while (utf8(text).length < CSV_HEAD_BYTES - 10) text += "A,é\n";
    const head = utf8(text + "B,é").subarray(0, utf8(text).length + 3); // "B," + the first byte of "é"
    expect(head.at(-1)).toBe(0xc3);
    expect(head.length).toBeGreaterThanOrEqual(CSV_HEAD_BYTES - 10);
    const d = detectCsv(head, { complete: false });
    expect(d.encoding).toBe("utf-8");
    expect(d.sampleRows.every((r) => r[1] === "é")).toBe(true);
  });

  it("honours a forced encoding", () => {
    expect(detectCsv(utf8("x,é\n1,2\n"), { encoding: "windows-1252" }).headers).toEqual(["x", "Ã©"]);
  });

  it("refuses UTF-32", () => {
    expect(fileError(() => detectCsv(new Uint8Array([0xff, 0xfe, 0, 0, 0x61, 0, 0, 0]))).code).toBe("unreadable");
  });
});

describe("detectCsv — files that are not CSV", () => {
  it("empty: zero bytes, only blank space, only a BOM", () => {
    expect(fileError(() => detectCsv(new Uint8Array()))).toMatchObject({ code: "empty", message: "The file is empty (0 bytes)" });
    expect(fileError(() => detectCsv(utf8(" \r\n\t\n  "))).code).toBe("empty");
    expect(fileError(() => detectCsv(utf8("\uFEFF"))).code).toBe("empty");
  });

  it("binary by magic bytes, with a message saying what to do", () => {
    const xlsx = fileError(() => detectCsv(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0])));
    expect(xlsx.code).toBe("binary");
    expect(xlsx.message).toBe("This looks like an Excel/ZIP file (.xlsx, .zip, .ods), not CSV: save it as CSV (UTF-8) and upload again");
    expect(fileError(() => detectCsv(utf8("%PDF-1.7\n..."))).message).toMatch(/PDF/);
    expect(fileError(() => detectCsv(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10]))).message).toMatch(/PNG/);
    expect(fileError(() => detectCsv(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).message).toMatch(/\.xls\b/);
  });

  it("binary by NUL bytes (not UTF-16) or many control bytes", () => {
    const nul = fileError(() => detectCsv(utf8("sku,name\nA,x\u0000y\nB,z\n")));
    expect(nul.code).toBe("binary");
    expect(nul.message).toMatch(/NUL byte \(at byte 13\)/);
    const ctl = new Uint8Array(400).map((_, i) => (i % 5 === 0 ? 1 + (i % 7) : 0x41));
    expect(fileError(() => detectCsv(ctl)).code).toBe("binary");
  });
});

describe("detectCsv — delimiter", () => {
  it.each([
    [",", "sku,name,qty\nA,x,1\nB,y,2\n"],
    [";", "sku;name;price\nA;x;1,50\nB;y, z;2,75\n"],
    ["\t", "sku\tname\nA\tSmith, John\nB\tDoe, Jane\n"],
    ["|", "sku|name|qty\nA|x|1\nB|y|2\n"],
  ])("detects %j", (delimiter, text) => {
    expect(detectCsv(utf8(text)).delimiter).toBe(delimiter);
  });

  it("respects quotes when counting fields", () => {
    expect(detectCsv(utf8('sku;name\nA;"x; y; z"\nB;"p;q"\n')).delimiter).toBe(";");
    expect(detectCsv(utf8('a,b\n"1;2;3;4",x\n"5;6;7;8",y\n')).delimiter).toBe(",");
  });

  it("a one-column file gets ',' and the forced delimiter wins", () => {
    expect(detectCsv(utf8("sku\nA\nB\n")).delimiter).toBe(",");
    expect(detectCsv(utf8("a,b;c\n1,2;3\n"), { delimiter: ";" }).headers).toEqual(["a,b", "c"]);
  });
});

describe("detectCsv — header", () => {
  it("a header row: sample rows are the data after it; header only = no sample rows", () => {
    expect(detectCsv(utf8("sku,name\r\n\r\nA,x\r\nB,y\r\n"))).toMatchObject({ hasHeader: true, headers: ["sku", "name"], sampleRows: [["A", "x"], ["B", "y"]] });
    expect(detectCsv(utf8("sku,name\n"))).toMatchObject({ hasHeader: true, headers: ["sku", "name"], sampleRows: [] });
  });

  it("no header (data in the first row): numbered column names, or no_header when required", () => {
    const text = "A-1,Aspirin,10,2.50\nB-2,Bandage,5,1.00\n";
    expect(detectCsv(utf8(text))).toMatchObject({ hasHeader: false, headers: ["Column 1", "Column 2", "Column 3", "Column 4"] });
    expect(detectCsv(utf8(text)).sampleRows).toHaveLength(2);
    const e = fileError(() => detectCsv(utf8(text), { requireHeader: true }));
    expect(e.code).toBe("no_header");
    expect(e.message).toMatch(/the first row contains data \("10"\)/);
    expect(detectCsv(utf8(text), { hasHeader: true, requireHeader: true }).headers).toEqual(["A-1", "Aspirin", "10", "2.50"]);
  });

  it("hasHeader: false keeps the first row as data", () => {
    expect(detectCsv(utf8("sku,name\nA,x,extra\n"), { hasHeader: false })).toMatchObject({
      hasHeader: false,
      headers: ["Column 1", "Column 2", "Column 3"],
      sampleRows: [["sku", "name"], ["A", "x", "extra"]],
    });
  });

  it("empty or repeated column names are not a header; a repeated name is said as such, not as a missing header", () => {
    expect(detectCsv(utf8("sku,,name\nA,1,x\n")).hasHeader).toBe(false);
    const dup = fileError(() => detectCsv(utf8("Name,name\nx,y\n"), { requireHeader: true }));
    expect(dup.code).toBe("duplicate_header");
    expect(dup.message).toBe('Two columns of the header are both called "name" ("Name" and "name"): rename one of them so that each column has its own name, and upload again');
  });

  it("ignores the empty last columns of Excel's trailing delimiter", () => {
    const d = detectCsv(utf8("sku,name,,\r\nA,x,,\r\n"), { requireHeader: true });
    expect(d).toMatchObject({ hasHeader: true, headers: ["sku", "name"], sampleRows: [["A", "x", "", ""]] });
  });

  it("leaves a record cut by the head limit out of the sample", () => {
    const d = detectCsv(utf8('sku,name\nA,x\nB,"unfinished'), { complete: false });
    expect(d.sampleRows).toEqual([["A", "x"]]);
  });
});
