// What a running run is doing, from the app's own record of it (core/jobs/runs.ts) — so it means the
// same on every Inngest. Between two steps a healthy run is idle for well under a second; one that sleeps
// or waits for an event says so; one whose call is executing is "running". A run idle for longer than
// IDLE_STALL_MS (its job runner is down, or it waits behind a concurrency limit), or whose call has been
// executing longer than any step may (the app serving it died mid-call), is shown as waiting to resume:
// the job runner retries it, and the page says since when nothing has happened.
import { stallAfterMs } from "./stall";

/** No call for this long, and not sleeping or waiting: shown as waiting to resume. */
export const IDLE_STALL_MS = 15_000;

export type RunActivity =
  | { kind: "executing"; since: string }
  | { kind: "waiting"; type: string; step: string }
  | { kind: "between-steps"; since: string }
  | { kind: "stalled"; since: string; reason: "idle" | "unanswered" };

type Record = { lastSeenAt: Date; inFlightSince: Date | null; waiting: unknown };

export function runActivity(r: Record, now: number): RunActivity {
  const waiting = r.waiting as { type?: unknown; step?: unknown } | null;
  if (waiting && typeof waiting.type === "string") return { kind: "waiting", type: waiting.type, step: String(waiting.step ?? "") };
  if (r.inFlightSince) {
    const since = r.inFlightSince.toISOString();
    return now - r.inFlightSince.getTime() > stallAfterMs() ? { kind: "stalled", since, reason: "unanswered" } : { kind: "executing", since };
  }
  const since = r.lastSeenAt.toISOString();
  return now - r.lastSeenAt.getTime() > IDLE_STALL_MS ? { kind: "stalled", since, reason: "idle" } : { kind: "between-steps", since };
}
