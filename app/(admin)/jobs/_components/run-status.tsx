// A run's status on the Jobs list and run page. A running run says what it is doing
// (core/jobs/activity.ts): running, sleeping, waiting for an event — or waiting to resume, with since
// when nothing has happened, when its job runner is down or the app serving it died mid-call.
import { Badge } from "@/components/ui/badge";
import type { RunActivity } from "@/core/jobs/activity";
import { useTranslations } from "next-intl";
import { activityExplanation, activityLabel, jobStatusLabel, jobStatusVariant } from "@/core/jobs/status";

type Props = { run: { status: string; activity: RunActivity | null }; timeZone: string };

export function RunStatus({ run, timeZone }: Props) {
  const t = useTranslations("jobs");
  const { activity } = run;
  if (!activity) return <Badge variant={jobStatusVariant(run.status)}>{jobStatusLabel(run.status, t)}</Badge>;
  const explanation = activityExplanation(activity, timeZone, t);
  return (
    <span className="inline-flex flex-wrap items-center gap-x-1.5 gap-y-1">
      <Badge variant={activity.kind === "stalled" ? "warning" : "info"}>{activityLabel(activity, t)}</Badge>
      {explanation ? <span className="text-xs text-muted-foreground">— {explanation}</span> : null}
    </span>
  );
}
