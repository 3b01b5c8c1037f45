// Shared by the CSV tests: encode text, collect a parse.
import { bytesSource, parseCsv, type CsvParseOptions, type CsvRecord } from "@/core/imports/csv/parse-stream";

export const utf8 = (s: string) => new TextEncoder().encode(s);

export async function parseAll(bytes: Uint8Array, opts: Partial<CsvParseOptions> = {}, chunkSize = 65_536): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  const full: CsvParseOptions = { encoding: "utf-8", delimiter: ",", hasHeader: true, ...opts };
  for await (const r of parseCsv(bytesSource(bytes, chunkSize), full)) out.push(r);
  return out;
}
