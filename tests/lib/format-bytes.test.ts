// One size format everywhere (core/format/bytes.ts): the limit the upload page shows, the server's 413
// message and the README must all read "200 MB" for the same 200 × 1024 × 1024 bytes.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { formatBytes } from "@/core/format/bytes";
import { MAX_IMPORT_BYTES } from "@/core/imports/limits";

describe("formatBytes", () => {
  it("spells sizes in units of 1,024 with one decimal below 10", () => {
    expect([0, 35, 1023, 1024, 1536, 10 * 1024, 2 * 1024 * 1024, 5.25 * 1024 ** 3].map(formatBytes)).toEqual([
      "0 B",
      "35 B",
      "1023 B",
      "1 KB",
      "1.5 KB",
      "10 KB",
      "2 MB",
      "5.3 GB",
    ]);
  });

  it("says the import limit as the README does", () => {
    expect(formatBytes(MAX_IMPORT_BYTES)).toBe("200 MB");
    expect(fs.readFileSync("README.md", "utf8")).toContain(`up to ${formatBytes(MAX_IMPORT_BYTES)}`);
  });
});
