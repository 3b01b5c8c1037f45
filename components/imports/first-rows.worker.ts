// Reads the first rows of a chosen file on the person's device (papaparse, in this worker so a large
// file never blocks the page): the columns and sample values show while the file is still uploading.
// Only the first chunk is read (64 KB, not papaparse's default 10 MB), never the whole file.
import Papa from "papaparse";

export type FirstRowsRequest = { file: File; rows: number };
export type FirstRowsResult = { ok: true; columns: string[]; rows: string[][]; delimiter: string } | { ok: false; error: string };

Papa.LocalChunkSize = 64 * 1024;

self.onmessage = (event: MessageEvent<FirstRowsRequest>) => {
  const { file, rows } = event.data;
  Papa.parse<string[]>(file, {
    preview: rows + 1,
    skipEmptyLines: "greedy",
    complete: (results) => {
      const [header = [], ...data] = results.data;
      const result: FirstRowsResult = header.length
        ? { ok: true, columns: header.map((c) => c.trim()), rows: data, delimiter: results.meta.delimiter }
        : { ok: false, error: "No header row found in the first lines." };
      self.postMessage(result);
    },
    error: (err) => self.postMessage({ ok: false, error: err.message } satisfies FirstRowsResult),
  });
};
