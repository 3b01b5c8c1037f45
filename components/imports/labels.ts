// Number formats, badge colours and file-setting names of the import screens. Their words (statuses,
// counts, progress) live in the catalogue: core/i18n/messages, namespace "imports".
import type { BadgeVariant } from "@/components/ui/badge";
import type { CsvDelimiter, CsvEncoding } from "./types";
import { numberFormat } from "@/core/format/numbers";

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

/** The encodings the reader knows, with the catalogue key of each one's name (null: the name is the code). */
export const ENCODING_KEYS: Record<CsvEncoding, "littleEndian" | "bigEndian" | "westernEuropean" | null> = {
  "utf-8": null,
  "utf-16le": "littleEndian",
  "utf-16be": "bigEndian",
  "windows-1252": "westernEuropean",
};

/** The delimiters the reader knows, with the catalogue key of each one's name (imports.mapping.delimiters). */
export const DELIMITER_KEYS: Record<CsvDelimiter, "comma" | "semicolon" | "tab" | "pipe"> = {
  ",": "comma",
  ";": "semicolon",
  "\t": "tab",
  "|": "pipe",
};

/** Rows processed out of the file's rows, floored: 100 means every row was processed. */
export function rowsPercent(done: number, total: number | null): number {
  if (!total) return 0;
  return Math.min(100, Math.floor((done / total) * 100));
}

/** A count in the organization's locale (components pass useOrgFormat().locale). */
export const count = (n: number, locale = "en-US") => numberFormat(locale)!.format(n);

/**
 * Seconds left, in the words of the import catalogue: "about 2 min 10 s" / "a few seconds" (the
 * caller passes its translator's progress words).
 */
export function formatSecondsLeft(seconds: number | null, words: { estimating: string; fewSeconds: string; about: (s: number) => string; aboutMinutes: (m: number, s: string) => string }): string {
  if (seconds === null || !Number.isFinite(seconds)) return words.estimating;
  if (seconds < 5) return words.fewSeconds;
  const s = Math.round(seconds);
  if (s < 60) return words.about(s);
  return words.aboutMinutes(Math.floor(s / 60), String(s % 60).padStart(2, "0"));
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
