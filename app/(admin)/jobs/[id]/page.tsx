import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireCapability } from "@/core/auth/context";
import { cancelJobAction, rerunJobAction } from "../actions";
import { getJobRun } from "@/inngest/executor/admin/runs";
import { formatDuration, prettyJson } from "@/core/jobs/status";
import { formatDateTime } from "@/core/time/zoned";
import { JobRunActions } from "../_components/job-run-actions";
import { RunStatus } from "../_components/run-status";

export const metadata = { title: "Job run" };

/** JSON as text: React escapes it, so event data or error messages can never inject markup. */
function Json({ value, label }: { value: unknown; label: string }) {
  return (
    <pre aria-label={label} className="max-h-96 overflow-auto rounded-md border border-border bg-muted/40 p-3 text-xs leading-5 whitespace-pre-wrap break-words">
      {prettyJson(value)}
    </pre>
  );
}

export default async function JobRunPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await requireCapability("organization.manage");
  const run = await getJobRun(ctx, id);
  if (!run) notFound();
  const tz = ctx.organization.timezone;
  const when = (iso: string | null) => (iso ? formatDateTime(iso, tz, { timeStyle: "medium" }) : "—");

  return (
    <div className="grid gap-6">
      <PageHeader
        eyebrow={<Link href="/jobs" className="hover:underline">Jobs</Link>}
        title={run.functionId}
        description={`Run ${run.id}`}
        actions={
          <JobRunActions
            runId={run.id}
            functionId={run.functionId}
            canRerun={run.status === "failed" || run.status === "cancelled"}
            canCancel={run.status === "queued" || run.status === "running"}
            rerun={rerunJobAction}
            cancel={cancelJobAction}
          />
        }
      />
      <Card>
        <CardContent className="pt-6">
          <dl className="grid gap-4 text-sm sm:grid-cols-3">
            <div>
              <dt className="text-muted-foreground">Status</dt>
              <dd>
                <RunStatus run={run} timeZone={tz} />
              </dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Attempts</dt>
              <dd className="font-medium tabular-nums">
                {run.attempt} / {run.maxAttempts}
              </dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Duration</dt>
              <dd className="font-medium tabular-nums">{formatDuration(run.durationMs)}</dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Queued</dt>
              <dd className="font-medium tabular-nums">{when(run.createdAt)}</dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Started</dt>
              <dd className="font-medium tabular-nums">{when(run.startedAt)}</dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Ended</dt>
              <dd className="font-medium tabular-nums">{when(run.endedAt)}</dd>
            </div>
            <div>
              <dt className="text-muted-foreground">App</dt>
              <dd className="font-medium break-all">{run.appId}</dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Pending work items</dt>
              <dd className="font-medium tabular-nums">{run.queuedItems}</dd>
            </div>
          </dl>
        </CardContent>
      </Card>

      {run.error !== null ? (
        <Card>
          <CardHeader>
            <CardTitle>Error</CardTitle>
          </CardHeader>
          <CardContent>
            <Json value={run.error} label="Run error" />
          </CardContent>
        </Card>
      ) : null}

      {run.output !== null ? (
        <Card>
          <CardHeader>
            <CardTitle>Output</CardTitle>
          </CardHeader>
          <CardContent>
            <Json value={run.output} label="Run output" />
          </CardContent>
        </Card>
      ) : null}

      <Card>
        <CardHeader>
          <CardTitle>Event</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-3 text-sm">
          <p>
            <span className="font-medium">{run.event.name}</span>{" "}
            <span className="text-muted-foreground">· {when(run.event.ts)}{run.event.dedupeKey ? ` · id ${run.event.dedupeKey}` : ""}</span>
          </p>
          <Json value={run.event.data} label="Event data" />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Steps</CardTitle>
        </CardHeader>
        <CardContent>
          {run.steps.length === 0 ? (
            <p className="text-sm text-muted-foreground">No step has completed yet.</p>
          ) : (
            <ol className="grid gap-4">
              {run.steps.map((s, i) => (
                <li key={s.id} className="grid gap-2">
                  <div className="flex flex-wrap items-center gap-2 text-sm">
                    <span className="font-medium tabular-nums">{i + 1}.</span>
                    <code className="text-xs break-all">{s.stepHash}</code>
                    {s.error !== null ? <Badge variant="danger">Failed</Badge> : <Badge variant="success">Done</Badge>}
                    <span className="text-muted-foreground tabular-nums">{when(s.createdAt)}</span>
                  </div>
                  <Json value={s.error ?? s.data} label={s.error !== null ? `Step ${i + 1} error` : `Step ${i + 1} data`} />
                </li>
              ))}
            </ol>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
