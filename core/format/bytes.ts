// File and payload sizes, in one spelling everywhere: the upload page, the server's "too large" answer,
// the exports list, the Jobs page and the README all say "200 MB" for the same limit. Units of 1,024
// (as the limits are defined: 200 × 1024 × 1024 bytes), named KB/MB/GB as people read them.
const UNITS = ["KB", "MB", "GB", "TB"];

/** 35 → "35 B", 1,536 → "1.5 KB", 209,715,200 → "200 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  // One decimal below 10 ("1.5 KB"), none above ("200 MB"); no "2.0 MB".
  const text = value < 10 ? String(Math.round(value * 10) / 10) : String(Math.round(value));
  return `${text} ${UNITS[unit]}`;
}
