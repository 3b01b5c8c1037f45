// Words and number formats of the import screens, in one place so the history list, the import page
// and the e2e test agree on them.
import type { BadgeVariant } from "@/components/ui/badge";
import type { CsvDelimiter, CsvEncoding, ImportStatus } from "./types";
import { numberFormat } from "@/core/format/numbers";

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

/** Rows processed out of the file's rows, floored: 100 means every row was processed. */
export function rowsPercent(done: number, total: number | null): number {
  if (!total) return 0;
  return Math.min(100, Math.floor((done / total) * 100));
}

/** A count in the organization's locale (components pass useOrgFormat().locale). */
export const count = (n: number, locale = "en-US") => numberFormat(locale)!.format(n);
export const rows = (n: number, locale = "en-US") => `${count(n, locale)} ${n === 1 ? "row" : "rows"}`;


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

export const ACCEPTED_EXTENSIONS = [".csv", ".txt", ".tsv"];
