// Words and number formats of the import screens, in one place so the history list, the import page
// and the e2e test agree on them.
import type { BadgeVariant } from "@/components/ui/badge";
import type { CsvDelimiter, CsvEncoding, ImportStatus } from "./types";

export const STATUS_LABELS: Record<ImportStatus, string> = {
  uploaded: "Uploaded",
  previewing: "Previewing",
  previewed: "Previewed",
  committing: "Importing",
  completed: "Completed",
  failed: "Failed",
  cancelled: "Cancelled",
  undoing: "Undoing",
  undone: "Undone",
};

export function statusLabel(status: string): string {
  return STATUS_LABELS[status as ImportStatus] ?? status;
}

export function statusVariant(status: string): BadgeVariant {
  switch (status) {
    case "completed":
      return "success";
    case "failed":
      return "danger";
    case "cancelled":
    case "undone":
      return "warning";
    case "previewing":
    case "committing":
    case "undoing":
      return "info";
    default:
      return "neutral";
  }
}

export const ENCODING_LABELS: Record<CsvEncoding, string> = {
  "utf-8": "UTF-8",
  "utf-16le": "UTF-16 (little-endian)",
  "utf-16be": "UTF-16 (big-endian)",
  "windows-1252": "Windows-1252 (Western European)",
};

export const DELIMITER_LABELS: Record<CsvDelimiter, string> = {
  ",": "Comma ( , )",
  ";": "Semicolon ( ; )",
  "\t": "Tab",
  "|": "Pipe ( | )",
};

const nf = new Intl.NumberFormat("en-US");
export const count = (n: number) => nf.format(n);
export const rows = (n: number) => `${nf.format(n)} ${n === 1 ? "row" : "rows"}`;

/** 1,536 -> "1.5 KB"; decimal units, as file managers and browsers show sizes. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ["KB", "MB", "GB"];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** Seconds left as "about 2 min 10 s" / "a few seconds". */
export function formatSecondsLeft(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return "estimating…";
  if (seconds < 5) return "a few seconds";
  const s = Math.round(seconds);
  if (s < 60) return `about ${s} s`;
  const m = Math.floor(s / 60);
  return `about ${m} min ${String(s % 60).padStart(2, "0")} s`;
}

/** A duration in milliseconds as "850 ms", "4.2 s", "1 min 05 s". */
export function formatElapsed(ms: number | null): string {
  if (ms === null || ms < 0) return "—";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, "0")} s`;
}

/** Largest upload the server accepts (the route refuses more with 413); checked before sending. */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;
export const ACCEPTED_EXTENSIONS = [".csv", ".txt", ".tsv"];
