// Run statuses and presentation helpers of the Jobs page, safe to import from client components.
// A run is recorded when its first call reaches the app (inngest/run-records), so there is no
// "queued": a run waiting for its first call is not on the page yet.
import type { RunActivity } from "./activity";

export const JOB_STATUSES = ["running", "completed", "failed", "cancelled"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export function isJobStatus(value: string): value is JobStatus {
  return (JOB_STATUSES as readonly string[]).includes(value);
}

/**
 * The words of the Jobs page's badges, in the member's language: core's "jobs" messages, from
 * translatorFor(ctx, "jobs") on the server or useTranslations("jobs") in the browser.
 */
export type JobWords = (
  key: `status.${JobStatus}` | `activity.${"stalled" | "sleep" | "waitForEvent" | "waitForSignal" | "invoke" | "waiting"}` | `explain.${"idle" | "unanswered" | "atStep"}`,
  values?: Record<string, string>,
) => string;

/** "Completed", "Failed", …; a status this version does not know, as stored. */
export function jobStatusLabel(status: string, t: JobWords): string {
  return isJobStatus(status) ? t(`status.${status}`) : status;
}

export function jobStatusVariant(status: string): "neutral" | "success" | "warning" | "danger" | "info" {
  switch (status) {
    case "completed":
      return "success";
    case "failed":
      return "danger";
    case "running":
      return "info";
    default:
      return "neutral";
  }
}

/** HH:MM:SS (24-hour) in the organization's time zone. */
function clockTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" }).format(new Date(iso));
}

const WAITING_TYPES = ["sleep", "waitForEvent", "waitForSignal", "invoke"] as const;
const isWaitingType = (type: string): type is (typeof WAITING_TYPES)[number] => (WAITING_TYPES as readonly string[]).includes(type);

/** The badge of a running run (core/jobs/activity.ts): "Running", "Sleeping", "Waiting to resume", ... */
export function activityLabel(activity: RunActivity, t: JobWords): string {
  if (activity.kind === "stalled") return t("activity.stalled");
  if (activity.kind === "waiting") return isWaitingType(activity.type) ? t(`activity.${activity.type}`) : t("activity.waiting");
  return t("status.running");
}

/** The words beside the badge, or null: "nothing has run since 14:03:07; the job runner retries it". */
export function activityExplanation(activity: RunActivity, timeZone: string, t: JobWords): string | null {
  switch (activity.kind) {
    case "stalled":
      return t(activity.reason === "idle" ? "explain.idle" : "explain.unanswered", { time: clockTime(activity.since, timeZone) });
    case "waiting":
      return activity.step ? t("explain.atStep", { step: activity.step }) : null;
    default:
      return null;
  }
}

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

const STEP_STATUSES = ["running", "completed", "failed", "retrying", "waiting"] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

/** A step's status in the member's words (`t` gives jobs.run.stepStatus.<status>); an unknown one as it is. */
export function stepStatusLabel(status: string, t: (status: StepStatus) => string): string {
  return (STEP_STATUSES as readonly string[]).includes(status) ? t(status as StepStatus) : status;
}

export function stepStatusVariant(status: string): "neutral" | "success" | "warning" | "danger" | "info" {
  if (status === "completed") return "success";
  if (status === "failed") return "danger";
  if (status === "retrying") return "warning";
  return "info";
}
