// When long-running work (an import's preview or commit, an export, a plugin's bulk operation) counts
// as stalled, and what the user is told. Each such record carries a heartbeat its job bumps with every
// batch. The sweepers (a cron every minute) re-send the work's event when the heartbeat is older than
// stallAfterMs — longer than any gap a live run leaves (a step's re-read of its file, one slow batch),
// so a sweep never races a live run; and a re-sent event is harmless anyway (the claim hands the work
// to the newest runner, and per-organization concurrency queues the new run behind a live one). Work
// without a heartbeat for GIVE_UP_MS is failed with a reason the user can act on.
import { jobStepMs, STEP_MARGIN_MS } from "./step-length";

/** How often the sweepers run (their cron is every minute). */
export const SWEEP_EVERY_MS = 60_000;
/** The progress display says "waiting to resume" after this long without a heartbeat. */
export const SHOW_STALLED_AFTER_MS = 30_000;
/** Stalled this long despite the sweeper's resume: failed, with the reason. */
export const GIVE_UP_MS = 60 * 60_000;

/** No heartbeat for this long: the sweeper resumes the work (RITIKO_JOB_STEP_MS + margin, 110 s by default). */
export function stallAfterMs(env: Record<string, string | undefined> = process.env): number {
  return jobStepMs(env) + STEP_MARGIN_MS;
}

export type Stall = {
  /** The last heartbeat: when the work last made progress. */
  since: string;
  /** When the sweeper will have resumed it at the latest. */
  resumesBy: string;
  /** Past resumesBy and still stalled: the job runner itself is down (the sweeper runs in it). */
  overdue: boolean;
};

/** The stall to show for running work with heartbeat `heartbeatAt`, or null while it makes progress. */
export function stallOf(heartbeatAt: Date, now = Date.now()): Stall | null {
  const last = heartbeatAt.getTime();
  if (now - last < SHOW_STALLED_AFTER_MS) return null;
  const resumesBy = last + stallAfterMs() + SWEEP_EVERY_MS;
  return { since: heartbeatAt.toISOString(), resumesBy: new Date(resumesBy).toISOString(), overdue: now > resumesBy };
}

/**
 * The event id of a resume of work stalled since `heartbeatAt`: one per stall, so sweeps in several
 * processes (or minute after minute while the resumed run waits its turn) start one run, not many.
 */
export function resumeEventId(kind: string, id: string, heartbeatAt: Date): string {
  return `resume:${kind}:${id}:${heartbeatAt.getTime()}`;
}
