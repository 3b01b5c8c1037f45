// What the import screens render: plain, serializable data the server pages build from the import
// service (core/imports/service.ts), so the client components never see a database row or a Date.
import type { ImportField, ImportMode, RowError } from "@/core/imports/types";

export type ImportStatus = "uploaded" | "previewing" | "previewed" | "committing" | "completed" | "failed" | "cancelled" | "undoing" | "undone";

// The CSV and preview types are core's own (type-only: nothing of core runs in the browser).
import type { CsvEncoding } from "@/core/imports/csv/decode";
import type { CsvDelimiter } from "@/core/imports/csv/detect";
import type { PreviewCounts } from "@/core/imports/engine/preview";
export type { CsvDelimiter, CsvEncoding, PreviewCounts };

/** The progress endpoint's answer (GET /api/v1/imports/<id>/progress, importProgress in the service). */
export type ImportProgressData = {
  status: ImportStatus;
  rowsDone: number;
  totalRows: number | null;
  ratePerSecond: number | null;
  secondsLeft: number | null;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  preview: PreviewCounts | null;
  error: string | null;
  /** While the phase makes no progress: its last heartbeat and when it resumes at the latest (ISO). */
  stalled: { since: string; resumesBy: string; overdue: boolean } | null;
};

export type ImportScreenView = {
  id: string;
  resource: { id: string; label: string };
  fileName: string;
  status: ImportStatus;
  /** False once the retention cron removed the uploaded file: nothing can be previewed or committed. */
  fileAvailable: boolean;
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  hasHeader: boolean;
  /** Which non-blank line holds the column names (1 = the first; more below title lines). */
  headerRow: number;
  /** The file's column headers (or "Column 1"… without a header row) and a few sample rows. */
  headers: string[];
  sampleRows: string[][];
  /** Column index (as a string) -> field key; unlisted columns are ignored. */
  mapping: Record<string, string>;
  /** The mapping was re-applied from an earlier import of the same headers. */
  mappingFromSaved: boolean;
  fields: ImportField[];
  updateExisting: boolean;
  /** The resource's own on/off options (inventory: "Create missing categories") and their values. */
  resourceOptionDefs: { key: string; label: string; description: string }[];
  resourceOptions: Record<string, boolean>;
  mode: ImportMode;
  progress: ImportProgressData;
  /** First errors of the phase that produced the shown counts (preview, or commit once it ran). */
  errors: RowError[];
  errorCount: number;
  createdByName: string | null;
  /** ISO timestamps. */
  createdAt: string;
  phaseStartedAt: string | null;
  finishedAt: string | null;
  undoneAt: string | null;
  undoneByName: string | null;
};

export const ACTIVE_STATUSES: readonly ImportStatus[] = ["previewing", "committing", "undoing"];
