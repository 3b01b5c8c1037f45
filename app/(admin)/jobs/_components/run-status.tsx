// A run's status on the Jobs list and run page. A run whose executor died (stalledSince, from
// inngest/executor/admin/runs.ts) is not running: it waits for its lease to end, and says so instead of "Running".
import { Badge } from "@/components/ui/badge";
import { jobStatusLabel, jobStatusVariant, STALLED_LABEL, stalledExplanation } from "@/core/jobs/status";

type Props = { run: { status: string; stalledSince: string | null; resumesBy: string | null }; timeZone: string };

export function RunStatus({ run, timeZone }: Props) {
  const { stalledSince, resumesBy } = run;
  if (stalledSince && resumesBy) {
    return (
      <span className="inline-flex flex-wrap items-center gap-x-1.5 gap-y-1">
        <Badge variant="warning">{STALLED_LABEL}</Badge>{" "}
        <span className="text-xs text-muted-foreground">— {stalledExplanation({ stalledSince, resumesBy }, timeZone)}</span>
      </span>
    );
  }
  return <Badge variant={jobStatusVariant(run.status)}>{jobStatusLabel(run.status)}</Badge>;
}
