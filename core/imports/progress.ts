// Live progress of an import, as the progress route and the import page poll it: everything comes from
// the import row, so it survives reloads, other tabs and app restarts. Rate = rows of the current
// phase per second since the phase started (one decimal under 10/s); time left = remaining rows at that rate.
import { stallOf, type Stall } from "@/core/jobs/stall";
import type { ImportRow } from "./engine/context";

export type ImportProgress = {
  status: string;
  rowsDone: number;
  totalRows: number | null;
  ratePerSecond: number | null;
  secondsLeft: number | null;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  preview: { create: number; update: number; unchanged: number; reject: number; also?: Record<string, string[]> } | null;
  error: string | null;
  cancelRequested: boolean;
  /** Set while a running phase makes no progress (its job runner stopped): rate and time left are then null. */
  stalled: Stall | null;
};

const RUNNING = new Set(["previewing", "committing"]);

export function progressOf(imp: ImportRow, now = Date.now()): ImportProgress {
  let ratePerSecond: number | null = null;
  let secondsLeft: number | null = null;
  // A stalled phase has no honest rate or time left: its rows/s would only decay while nothing runs.
  const stalled = RUNNING.has(imp.status) ? stallOf(imp.updatedAt, now) : null;
  if (RUNNING.has(imp.status) && !stalled && imp.phaseStartedAt && imp.rowsDone > 0) {
    const seconds = Math.max(0.001, (now - imp.phaseStartedAt.getTime()) / 1000);
    const rate = imp.rowsDone / seconds;
    // One decimal below 10 rows/s: a slow phase (0.3 rows/s) is a rate, not 0 ("measuring…" forever).
    ratePerSecond = rate < 10 ? Math.round(rate * 10) / 10 : Math.round(rate);
    if (imp.totalRows !== null && ratePerSecond > 0) secondsLeft = Math.max(0, Math.ceil((imp.totalRows - imp.rowsDone) / ratePerSecond));
  }
  return {
    status: imp.status,
    rowsDone: imp.rowsDone,
    totalRows: imp.totalRows,
    ratePerSecond,
    secondsLeft,
    created: imp.createdCount,
    updated: imp.updatedCount,
    unchanged: imp.unchangedCount,
    rejected: imp.rejectedCount,
    preview: imp.preview,
    error: imp.error,
    cancelRequested: imp.cancelRequested,
    stalled,
  };
}
