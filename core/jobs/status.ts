// Run statuses and presentation helpers of the Jobs page, safe to import from client components.
export const JOB_STATUSES = ["queued", "running", "completed", "failed", "cancelled"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const JOB_STATUS_LABELS: Record<JobStatus, string> = {
  queued: "Queued",
  running: "Running",
  completed: "Completed",
  failed: "Failed",
  cancelled: "Cancelled",
};

export function isJobStatus(value: string): value is JobStatus {
  return (JOB_STATUSES as readonly string[]).includes(value);
}

export function jobStatusLabel(status: string): string {
  return isJobStatus(status) ? JOB_STATUS_LABELS[status] : status;
}

export function jobStatusVariant(status: string): "neutral" | "success" | "warning" | "danger" | "info" {
  switch (status) {
    case "completed":
      return "success";
    case "failed":
      return "danger";
    case "running":
      return "info";
    case "queued":
      return "warning";
    default:
      return "neutral";
  }
}

/** HH:MM:SS (24-hour) in the organization's time zone. */
function clockTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" }).format(new Date(iso));
}

/**
 * What a stalled run (status "running", but its executor died: inngest/executor/admin/runs.ts) is waiting for,
 * shown instead of "Running": "the job runner stopped at 14:03:07; resuming by 14:05:37".
 */
export function stalledExplanation(run: { stalledSince: string; resumesBy: string }, timeZone: string): string {
  return `the job runner stopped at ${clockTime(run.stalledSince, timeZone)}; resuming by ${clockTime(run.resumesBy, timeZone)}`;
}

export const STALLED_LABEL = "Waiting to resume";

/** "850 ms", "12.3 s", "4 min 05 s", "2 h 03 min"; an em dash when unknown. */
export function formatDuration(ms: number | null): string {
  if (ms === null || ms < 0) return "—";
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.floor(ms / 1000);
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, "0")} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, "0")} min`;
}

/** Pretty-printed JSON for display (React escapes it when rendered as text). */
export function prettyJson(value: unknown): string {
  if (value === undefined || value === null) return "null";
  try {
    return JSON.stringify(value, null, 2);
  } catch {
    return String(value);
  }
}
