import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireCapability } from "@/core/auth/context";
import { getJobRun } from "@/core/jobs/runs";
import { formatBytes } from "@/core/format/bytes";
import { formatDuration, prettyJson, stepStatusLabel, stepStatusVariant } from "@/core/jobs/status";
import { cancelJobAction, rerunJobAction } from "../actions";
import { JobRunActions } from "../_components/job-run-actions";
import { RunStatus } from "../_components/run-status";
import { orgFormat } from "@/core/format/org-format";

export const metadata = { title: "Job run" };

/** The run id from the URL; a malformed escape is looked up as written (and is not found). */
function safeDecode(id: string): string {
  try {
    return decodeURIComponent(id);
  } catch {
    return id;
  }
}

/** JSON as text: React escapes it, so event data or error messages can never inject markup. */
function Json({ value, label }: { value: unknown; label: string }) {
  return (
    <pre aria-label={label} className="max-h-96 overflow-auto rounded-md border border-border bg-muted/40 p-3 text-xs leading-5 whitespace-pre-wrap break-words">
      {prettyJson(value)}
    </pre>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="font-medium tabular-nums break-words">{children}</dd>
    </div>
  );
}

export default async function JobRunPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await requireCapability("organization.manage");
  const run = await getJobRun(ctx, safeDecode(id));
  if (!run) notFound();
  const tz = ctx.organization.timezone;
  const fmt = orgFormat(ctx.organization);
  const when = (iso: string | null) => (iso ? fmt.dateTime(iso, { timeStyle: "medium" }) : "—");

  return (
    <div className="grid gap-6">
      <PageHeader
        eyebrow={<Link href="/jobs" className="hover:underline">Jobs</Link>}
        title={run.functionName}
        description={`Run ${run.id} · ${run.functionId}`}
        actions={
          <JobRunActions
            runId={run.id}
            functionName={run.functionName}
            eventName={run.event.name}
            canRerun={run.status === "failed" || run.status === "cancelled"}
            canCancel={run.status === "running"}
            rerun={rerunJobAction}
            cancel={cancelJobAction}
          />
        }
      />
      <Card>
        <CardContent className="pt-6">
          <dl className="grid gap-4 text-sm sm:grid-cols-3">
            <Field label="Status">
              <RunStatus run={run} timeZone={tz} />
            </Field>
            <Field label="Attempts">
              {run.attempts} / {run.maxAttempts}
            </Field>
            <Field label="Duration">{formatDuration(run.durationMs)}</Field>
            <Field label="Started">{when(run.startedAt)}</Field>
            <Field label="Ended">{when(run.endedAt)}</Field>
            <Field label="Output size">{run.outputBytes === null ? "—" : formatBytes(run.outputBytes)}</Field>
            <Field label="Worked on">
              {run.subject ? (
                <Link href={run.subject.href} className="text-primary hover:underline">
                  {run.subject.label}
                </Link>
              ) : (
                "—"
              )}
            </Field>
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
      ) : run.status === "running" && run.lastError !== null ? (
        <Card>
          <CardHeader>
            <CardTitle>Last error (being retried)</CardTitle>
          </CardHeader>
          <CardContent>
            <Json value={run.lastError} label="Last error" />
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
      ) : run.outputBytes !== null && run.outputBytes > 0 ? (
        <Card>
          <CardHeader>
            <CardTitle>Output</CardTitle>
          </CardHeader>
          <CardContent className="text-sm text-muted-foreground">The output ({formatBytes(run.outputBytes)}) is too large to keep; only its size is recorded.</CardContent>
        </Card>
      ) : null}

      <Card>
        <CardHeader>
          <CardTitle>Event</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-3 text-sm">
          <p>
            <span className="font-medium">{run.event.name}</span>{" "}
            <span className="text-muted-foreground">
              · {when(run.event.ts)}
              {run.event.id ? ` · id ${run.event.id}` : ""}
            </span>
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
            <p className="text-sm text-muted-foreground">No step has run yet.</p>
          ) : (
            // Scrolls inside the card on a phone rather than widening the page.
            <div className="overflow-x-auto">
            <table className="w-full text-sm" aria-label="Steps">
              <thead className="text-left text-muted-foreground">
                <tr>
                  <th className="py-1 pr-3 font-normal">#</th>
                  <th className="py-1 pr-3 font-normal">Step</th>
                  <th className="py-1 pr-3 font-normal">Status</th>
                  <th className="py-1 pr-3 text-right font-normal">Attempts</th>
                  <th className="py-1 pr-3 font-normal">Started</th>
                  <th className="py-1 pr-3 text-right font-normal">Duration</th>
                  <th className="py-1 text-right font-normal">Output</th>
                </tr>
              </thead>
              <tbody>
                {run.steps.map((s, i) => (
                  <tr key={s.id} className="border-t border-border align-top">
                    <td className="py-2 pr-3 tabular-nums">{i + 1}</td>
                    <td className="py-2 pr-3">
                      <span className="font-medium break-all">{s.name}</span> <span className="text-xs text-muted-foreground">{s.type}</span>
                      {s.error !== null ? <Json value={s.error} label={`Step ${i + 1} error`} /> : null}
                    </td>
                    <td className="py-2 pr-3">
                      <Badge variant={stepStatusVariant(s.status)}>{stepStatusLabel(s.status)}</Badge>
                    </td>
                    <td className="py-2 pr-3 text-right tabular-nums">{s.attempts}</td>
                    <td className="py-2 pr-3 tabular-nums">{when(s.startedAt)}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{formatDuration(s.durationMs)}</td>
                    <td className="py-2 text-right tabular-nums">{s.outputBytes === null ? "—" : formatBytes(s.outputBytes)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            </div>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
