// progressOf: the rate and time left the progress route shows, computed from the import row alone.
import { describe, expect, it } from "vitest";
import type { ImportRow } from "@/core/imports/engine/context";
import { progressOf } from "@/core/imports/progress";

const started = new Date("2026-01-01T10:00:00Z");
// The heartbeat (updatedAt) is fresh unless a test says otherwise: the last batch ended at `now`.
const row = (rowsDone: number, totalRows: number | null = 1000, heartbeat = new Date(8.64e15)) =>
  ({ status: "committing", phaseStartedAt: started, updatedAt: heartbeat, rowsDone, totalRows, createdCount: 0, updatedCount: 0, unchangedCount: 0, rejectedCount: 0, preview: null, error: null, cancelRequested: false }) as unknown as ImportRow;
const after = (seconds: number) => started.getTime() + seconds * 1000;

describe("progressOf", () => {
  it("keeps one decimal for slow phases (under 10 rows/s), so they show a rate instead of measuring forever", () => {
    expect(progressOf(row(3), after(10))).toMatchObject({ ratePerSecond: 0.3, secondsLeft: 3324 });
    expect(progressOf(row(47), after(10))).toMatchObject({ ratePerSecond: 4.7 });
  });

  it("rounds to whole rows per second from 10/s on; no rate before the first row or when not running", () => {
    expect(progressOf(row(5000), after(4))).toMatchObject({ ratePerSecond: 1250, secondsLeft: 0 });
    expect(progressOf(row(123, 10_000), after(10))).toMatchObject({ ratePerSecond: 12, secondsLeft: 824 });
    expect(progressOf(row(0), after(10))).toMatchObject({ ratePerSecond: null, secondsLeft: null });
    expect(progressOf({ ...row(10), status: "completed" } as ImportRow, after(10))).toMatchObject({ ratePerSecond: null });
  });

  it("says the phase is waiting to resume, with no rate or time left, once its heartbeat is 30 s old", () => {
    const lastBatch = new Date(after(60));
    expect(progressOf(row(700, 1000, lastBatch), after(60 + 29))).toMatchObject({ stalled: null, ratePerSecond: 7.9 }); // 700 rows in 89 s
    // No batch for 30 s: the rate would only decay while nothing runs. The sweeper resumes it at the
    // latest one sweep (60 s) after the stall threshold (RITIKO_JOB_STEP_MS 80 s + 30 s margin).
    expect(progressOf(row(700, 1000, lastBatch), after(60 + 30))).toMatchObject({
      ratePerSecond: null,
      secondsLeft: null,
      stalled: { since: lastBatch.toISOString(), resumesBy: new Date(after(60 + 110 + 60)).toISOString(), overdue: false },
    });
    expect(progressOf(row(700, 1000, lastBatch), after(60 + 171))).toMatchObject({ stalled: { overdue: true } });
    expect(progressOf({ ...row(700, 1000, lastBatch), status: "completed" } as ImportRow, after(600))).toMatchObject({ stalled: null });
  });
});
