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
import { titleFrom } from "@/core/i18n/metadata";
import { translatorFor } from "@/core/i18n/translate";

export const generateMetadata = titleFrom("jobs.run.title");

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
  const t = translatorFor(ctx, "jobs");

  return (
    <div className="grid gap-6">
      <PageHeader
        eyebrow={<Link href="/jobs" className="hover:underline">{t("title")}</Link>}
        title={run.functionName}
        description={t("run.description", { id: run.id, function: run.functionId })}
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
            <Field label={t("run.status")}>
              <RunStatus run={run} timeZone={tz} />
            </Field>
            <Field label={t("run.attempts")}>{t("run.attemptsOf", { used: run.attempts, max: run.maxAttempts })}</Field>
            <Field label={t("run.duration")}>{formatDuration(run.durationMs)}</Field>
            <Field label={t("run.started")}>{when(run.startedAt)}</Field>
            <Field label={t("run.ended")}>{when(run.endedAt)}</Field>
            <Field label={t("run.outputSize")}>{run.outputBytes === null ? "—" : formatBytes(run.outputBytes)}</Field>
            <Field label={t("run.workedOn")}>
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
            <CardTitle>{t("run.error")}</CardTitle>
          </CardHeader>
          <CardContent>
            <Json value={run.error} label={t("run.runError")} />
          </CardContent>
        </Card>
      ) : run.status === "running" && run.lastError !== null ? (
        <Card>
          <CardHeader>
            <CardTitle>{t("run.lastError")}</CardTitle>
          </CardHeader>
          <CardContent>
            <Json value={run.lastError} label={t("run.lastErrorLabel")} />
          </CardContent>
        </Card>
      ) : null}

      {run.output !== null ? (
        <Card>
          <CardHeader>
            <CardTitle>{t("run.output")}</CardTitle>
          </CardHeader>
          <CardContent>
            <Json value={run.output} label={t("run.runOutput")} />
          </CardContent>
        </Card>
      ) : run.outputBytes !== null && run.outputBytes > 0 ? (
        <Card>
          <CardHeader>
            <CardTitle>{t("run.output")}</CardTitle>
          </CardHeader>
          <CardContent className="text-sm text-muted-foreground">{t("run.outputTooLarge", { size: formatBytes(run.outputBytes) })}</CardContent>
        </Card>
      ) : null}

      <Card>
        <CardHeader>
          <CardTitle>{t("run.event")}</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-3 text-sm">
          <p>
            <span className="font-medium">{run.event.name}</span>{" "}
            <span className="text-muted-foreground">
              · {when(run.event.ts)}
              {run.event.id ? t("run.eventId", { id: run.event.id }) : ""}
            </span>
          </p>
          <Json value={run.event.data} label={t("run.eventData")} />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t("run.steps")}</CardTitle>
        </CardHeader>
        <CardContent>
          {run.steps.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t("run.noSteps")}</p>
          ) : (
            // Scrolls inside the card on a phone rather than widening the page.
            <div className="overflow-x-auto">
            <table className="w-full text-sm" aria-label={t("run.steps")}>
              <thead className="text-left text-muted-foreground">
                <tr>
                  <th className="py-1 pr-3 font-normal">#</th>
                  <th className="py-1 pr-3 font-normal">{t("run.step")}</th>
                  <th className="py-1 pr-3 font-normal">{t("run.status")}</th>
                  <th className="py-1 pr-3 text-right font-normal">{t("run.attempts")}</th>
                  <th className="py-1 pr-3 font-normal">{t("run.started")}</th>
                  <th className="py-1 pr-3 text-right font-normal">{t("run.duration")}</th>
                  <th className="py-1 text-right font-normal">{t("run.stepOutput")}</th>
                </tr>
              </thead>
              <tbody>
                {run.steps.map((s, i) => (
                  <tr key={s.id} className="border-t border-border align-top">
                    <td className="py-2 pr-3 tabular-nums">{i + 1}</td>
                    <td className="py-2 pr-3">
                      <span className="font-medium break-all">{s.name}</span> <span className="text-xs text-muted-foreground">{s.type}</span>
                      {s.error !== null ? <Json value={s.error} label={t("run.stepError", { n: i + 1 })} /> : null}
                    </td>
                    <td className="py-2 pr-3">
                      <Badge variant={stepStatusVariant(s.status)}>{stepStatusLabel(s.status, (status) => t(`run.stepStatus.${status}`))}</Badge>
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
