import { describe, expect, it } from "vitest";
import { MAX_CELL_CHARS } from "@/core/imports/csv/tokenize";
import { bytesSource, parseCsv } from "@/core/imports/csv/parse-stream";
import { parseAll, utf8 } from "./csv-helpers";

const CHUNKS = [1, 2, 3, 5, 64, 65_536];

describe("parseCsv", () => {
  it("skips Excel's sep= line and the title lines above the header; rows and lines stay true to the file", async () => {
    const text = "sep=;\r\nStock list;;\r\n\r\nMarch 2026;;\r\nsku;name;qty\r\nA;x;1\r\nB;y;2\r\n";
    const headers: string[][] = [];
    const recs = await parseAll(utf8(text), { delimiter: ";", skipRecords: 2, onHeader: (h) => headers.push(h) });
    expect(headers).toEqual([["sku", "name", "qty"]]);
    expect(recs.map((r) => [r.row, r.line, r.cells])).toEqual([
      [1, 6, ["A", "x", "1"]],
      [2, 7, ["B", "y", "2"]],
    ]);
  });

  it("skips the header, numbers data rows from 1 and skips blank lines without counting them", async () => {
    const recs = await parseAll(utf8("sku,name\n\nA,1\n,\n  \nB,2\n\n"));
    expect(recs.map((r) => [r.row, r.line, r.cells])).toEqual([
      [1, 3, ["A", "1"]],
      [2, 6, ["B", "2"]],
    ]);
  });

  it("gives the same records whatever the chunk size (CRLF, quotes, multi-byte characters split anywhere)", async () => {
    const text = '\uFEFFsku,name\r\nA1,"multi\r\nline, ""quoted"""\r\n\r\nB2,€uro 😀\rC3,"x"\nD4,last';
    const expected = await parseAll(utf8(text));
    expect(expected.map((r) => r.cells)).toEqual([
      ["A1", 'multi\r\nline, "quoted"'],
      ["B2", "€uro 😀"],
      ["C3", "x"],
      ["D4", "last"],
    ]);
    expect(expected.map((r) => r.line)).toEqual([2, 5, 6, 7]);
    for (const size of CHUNKS) expect(await parseAll(utf8(text), {}, size)).toEqual(expected);
  });

  it("reports byte offsets of the original file (BOM included) that resume parsing exactly", async () => {
    const bytes = utf8('\uFEFFsku,name\r\nA1,"é\r\nx"\r\nB2,ü\nC3,z\n');
    const recs = await parseAll(bytes);
    expect(recs.map((r) => r.byteOffset)).toEqual([13, 25, 31]);
    // Each offset is where the record's bytes start in the file.
    const dec = (o: number) => new TextDecoder().decode(bytes.subarray(o, o + 2));
    expect(recs.map((r) => dec(r.byteOffset!))).toEqual(["A1", "B2", "C3"]);
    const third = recs[2]!;
    const resumed = [];
    for await (const r of parseCsv(bytesSource(bytes.subarray(third.byteOffset!), 2), {
      encoding: "utf-8",
      delimiter: ",",
      hasHeader: true,
      resumeAt: { byteOffset: third.byteOffset!, row: third.row, line: third.line },
    }))
      resumed.push(r);
    expect(resumed).toEqual([third]);
  });

  it("computes byte offsets for UTF-16 and windows-1252 and omits them after invalid UTF-8", async () => {
    const le = new Uint8Array([0xff, 0xfe, ...[..."a,b\nc,d\n"].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect((await parseAll(le, { encoding: "utf-16le", hasHeader: false })).map((r) => r.byteOffset)).toEqual([2, 10]);
    const latin = new Uint8Array([0x61, 0xe9, 0x0a, 0x62, 0x0a]);
    const l = await parseAll(latin, { encoding: "windows-1252", hasHeader: false });
    expect(l.map((r) => [r.cells[0], r.byteOffset])).toEqual([["aé", 0], ["b", 3]]);
    const broken = new Uint8Array([...utf8("a\n"), 0xff, ...utf8("b\nc\n")]);
    const b = await parseAll(broken, { hasHeader: false });
    expect(b.map((r) => r.cells[0])).toEqual(["a", "\uFFFDb", "c"]);
    expect(b.every((r) => r.byteOffset === undefined)).toBe(true);
  });

  it("keeps cells exactly: no trimming, quoted delimiters and line breaks kept, doubled quotes undone", async () => {
    const [r] = await parseAll(utf8(' a ,"b;c|d","line1\nline2","say ""hi""",""\n'), { hasHeader: false });
    expect(r!.cells).toEqual([" a ", "b;c|d", "line1\nline2", 'say "hi"', ""]);
  });

  it("treats a quote inside an unquoted cell as a character", async () => {
    const [r] = await parseAll(utf8('24" monitor,x"y\n'), { hasHeader: false });
    expect(r!.cells).toEqual(['24" monitor', 'x"y']);
    expect(r!.error).toBeUndefined();
  });

  it("flags text after a closing quote on that record only and goes on", async () => {
    const recs = await parseAll(utf8('"Monitor 24" wide",1\nok,2\n'), { hasHeader: false });
    expect(recs[0]!.error).toMatch(/text after its closing quote/);
    expect(recs[1]).toMatchObject({ row: 2, cells: ["ok", "2"] });
    expect(recs[1]!.error).toBeUndefined();
  });

  it("flags an unterminated quote at end of file with the line where it opened", async () => {
    const recs = await parseAll(utf8('a,b\n1,2\n3,"open\nmore\n'), {}, 3);
    expect(recs).toHaveLength(2);
    expect(recs[1]).toMatchObject({ row: 2, line: 3 });
    expect(recs[1]!.error).toBe("Unterminated quoted cell: the quote opening column 2 on line 3 is never closed");
  });

  it("flags a cell over 100,000 characters, keeps memory bounded (cell cut at the limit) and goes on", async () => {
    const long = "x".repeat(MAX_CELL_CHARS + 5);
    const recs = await parseAll(utf8(`a,b\n1,"${long}"\n2,${"y".repeat(MAX_CELL_CHARS)}\n3,z\n`), {}, 4096);
    expect(recs.map((r) => r.row)).toEqual([1, 2, 3]);
    expect(recs[0]!.error).toBe("Column 2 has 100,005 characters, more than the limit of 100,000");
    expect(recs[0]!.cells[1]).toHaveLength(MAX_CELL_CHARS);
    expect(recs[1]!.error).toBeUndefined();
    expect(recs[1]!.cells[1]).toHaveLength(MAX_CELL_CHARS);
    expect(recs[2]!.cells).toEqual(["3", "z"]);
  });

  it("flags a NUL character in a cell", async () => {
    const recs = await parseAll(utf8("a\u0000b,c\nd,e\n"), { hasHeader: false });
    expect(recs[0]!.error).toBe("Column 1 contains a NUL character, which text cannot hold");
    expect(recs[1]!.error).toBeUndefined();
  });

  it("keeps ragged rows' cells as they are (validation reports them)", async () => {
    const recs = await parseAll(utf8("a,b,c\n1,2\n1,2,3,4\n"));
    expect(recs.map((r) => r.cells.length)).toEqual([2, 4]);
  });

  it("splits on the given delimiter only", async () => {
    const [r] = await parseAll(utf8("a;b,c\t|d\n"), { hasHeader: false, delimiter: ";" });
    expect(r!.cells).toEqual(["a", "b,c\t|d"]);
    const [t] = await parseAll(utf8("a\tb,c\n"), { hasHeader: false, delimiter: "\t" });
    expect(t!.cells).toEqual(["a", "b,c"]);
  });

  it("skips rows before startRow but keeps numbering and lines", async () => {
    const recs = await parseAll(utf8('h\n1\n"2\n2"\n3\n4\n'), { startRow: 3 });
    expect(recs.map((r) => [r.row, r.line, r.cells[0]])).toEqual([
      [3, 5, "3"],
      [4, 6, "4"],
    ]);
  });

  it("hands the header to onHeader", async () => {
    let header: string[] = [];
    await parseAll(utf8("\uFEFFSKU,Name\n1,2\n"), { onHeader: (h) => (header = h) });
    expect(header).toEqual(["SKU", "Name"]);
  });

  it("decodes UTF-16BE and windows-1252", async () => {
    const be = new Uint8Array([0xfe, 0xff, ...[..."x,é\n"].flatMap((c) => [0, c.charCodeAt(0)])]);
    expect((await parseAll(be, { encoding: "utf-16be", hasHeader: false }))[0]!.cells).toEqual(["x", "é"]);
    const cp = new Uint8Array([0x80, 0x2c, 0xfc, 0x0a]);
    expect((await parseAll(cp, { encoding: "windows-1252", hasHeader: false }))[0]!.cells).toEqual(["€", "ü"]);
  });
});

describe("windows-1252 decoding", () => {
  it("matches the WHATWG table for all 256 bytes (Node's own decoder, streaming mode, as reference)", async () => {
    const { decodeAll } = await import("@/core/imports/csv/decode");
    const all = new Uint8Array(256).map((_, i) => i);
    const reference = new TextDecoder("windows-1252").decode(all, { stream: true });
    expect(decodeAll(all, "windows-1252")).toBe(reference);
    expect(decodeAll(new Uint8Array([0x80, 0x9f, 0xe9]), "windows-1252")).toBe("€Ÿé");
  });
});

describe("parseCsvBatches", () => {
  it("yields the same records as parseCsv, in non-empty arrays", async () => {
    const { parseCsvBatches } = await import("@/core/imports/csv/parse-stream");
    const bytes = utf8("h,i\n" + Array.from({ length: 500 }, (_, k) => `${k},"v\n${k}"`).join("\r\n"));
    const flat = await parseAll(bytes, {}, 100);
    const batches: number[] = [];
    const all = [];
    for await (const b of parseCsvBatches(bytesSource(bytes, 100), { encoding: "utf-8", delimiter: ",", hasHeader: true })) {
      batches.push(b.length);
      all.push(...b);
    }
    expect(all).toEqual(flat);
    expect(all).toHaveLength(500);
    expect(batches.length).toBeGreaterThan(10);
    expect(batches.every((n) => n > 0)).toBe(true);
  });
});
