// Real behaviour, not timing: a 50 MB CSV is generated on the fly (never held in memory) and parsed
// as a stream; the live heap (measured after forced GCs) must stay bounded and every row be seen,
// with exact line numbers and byte offsets.
import { runInNewContext } from "node:vm";
import { setFlagsFromString } from "node:v8";
import { describe, expect, it } from "vitest";
import { parseCsv } from "@/core/imports/csv/parse-stream";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const TARGET_BYTES = 50 * 1024 * 1024;
const enc = new TextEncoder();

/** Rows with quoted multi-line cells, quotes and non-ASCII text; records where every 10,000th row starts. */
function generator() {
  const known = new Map<number, { line: number; byteOffset: number }>();
  let rows = 0;
  let bytes = 0;
  let lines = 1;
  async function* source(): AsyncGenerator<Uint8Array> {
    const header = enc.encode("sku,name,quantity,price,notes\r\n");
    bytes = header.length;
    lines = 2;
    yield header;
    while (bytes < TARGET_BYTES) {
      let chunk = "";
      let chunkBytes = 0;
      while (chunkBytes < 64 * 1024) {
        rows++;
        const i = rows;
        const line =
          i % 7 === 0
            ? `SKU-${i},"Gauze ""sterile"", ${i}\nsecond line",${i % 1000},${(i % 10000) / 100},Crème brûlée ✓\r\n`
            : `SKU-${i},Item number ${i},${i % 1000},1.50,plain notes for row ${i}\r\n`;
        if (i % 10_000 === 0) known.set(i, { line: lines, byteOffset: bytes + chunkBytes });
        chunk += line;
        chunkBytes += Buffer.byteLength(line);
        lines += i % 7 === 0 ? 2 : 1;
      }
      bytes += chunkBytes;
      yield enc.encode(chunk);
    }
  }
  return { source, known, total: () => ({ rows, bytes }) };
}

describe("parseCsv memory", () => {
  it("parses a generated 50 MB stream with bounded heap, seeing every row", { timeout: 120_000 }, async () => {
    const gen = generator();
    gc();
    const base = process.memoryUsage().heapUsed;
    let peak = 0;
    let seen = 0;
    let quantitySum = 0;
    const positions: string[] = [];
    const started = Date.now();
    for await (const rec of parseCsv(gen.source(), { encoding: "utf-8", delimiter: ",", hasHeader: true })) {
      seen++;
      if (rec.row !== seen || rec.error || rec.cells.length !== 5 || rec.cells[0] !== `SKU-${seen}`) throw new Error(`bad record ${JSON.stringify(rec)}`);
      quantitySum += Number(rec.cells[2]);
      const k = gen.known.get(rec.row);
      if (k && (k.line !== rec.line || k.byteOffset !== rec.byteOffset)) positions.push(`row ${rec.row}: ${rec.line}/${rec.byteOffset} vs ${k.line}/${k.byteOffset}`);
      if (seen % 100_000 === 0) {
        gc();
        peak = Math.max(peak, process.memoryUsage().heapUsed - base);
      }
    }
    const seconds = (Date.now() - started) / 1000;
    const { rows, bytes } = gen.total();
    console.log(
      `parsed ${rows} rows / ${(bytes / 1048576).toFixed(1)} MiB in ${seconds.toFixed(1)} s (${(bytes / 1048576 / seconds).toFixed(1)} MiB/s), live heap growth peak ${(peak / 1048576).toFixed(1)} MiB, RSS ${(process.memoryUsage().rss / 1048576).toFixed(0)} MiB`,
    );
    expect(bytes).toBeGreaterThanOrEqual(TARGET_BYTES);
    expect(seen).toBe(rows);
    expect(rows).toBeGreaterThan(500_000);
    let expectedSum = 0;
    for (let i = 1; i <= rows; i++) expectedSum += i % 1000;
    expect(quantitySum).toBe(expectedSum);
    expect(gen.known.size).toBeGreaterThan(50);
    expect(positions).toEqual([]);
    expect(peak).toBeLessThan(60 * 1024 * 1024);
  });
});
