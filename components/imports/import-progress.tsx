"use client";
// The live bar of a running phase (preview, commit, undo). Its state always comes from the server
// (GET /api/v1/imports/<id>/progress every second), so a reload or another tab shows the same bar; when
// the phase ends the page is refreshed to render the outcome. Cancel (commit only) asks the job to
// stop after the batch in flight: batches already written stay written (and can be undone).
import { useRouter } from "next/navigation";
import { useEffect, useEffectEvent, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/core/actions/result";
import { useTranslations } from "next-intl";
import { count, formatSecondsLeft } from "./labels";
import { RowsBar } from "./rows-bar";
import { rowsPercent } from "./labels";
import { ACTIVE_STATUSES, type ImportProgressData } from "./types";
import { useOrgFormat } from "@/components/format/org-format";

const POLL_MS = 1_000;

type Props = {
  importId: string;
  initial: ImportProgressData;
  cancel: (id: string) => Promise<ActionResult<{ id: string }>>;
};

export function ImportProgress({ importId, initial, cancel }: Props) {
  const { locale } = useOrgFormat();
  const t = useTranslations("imports");
  const router = useRouter();
  const [progress, setProgress] = useState(initial);
  const [cancelling, startCancel] = useTransition();
  const [cancelAsked, setCancelAsked] = useState(false);
  const active = ACTIVE_STATUSES.includes(progress.status);

  const poll = useEffectEvent(async () => {
    try {
      const res = await fetch(`/api/v1/imports/${importId}/progress`, { cache: "no-store" });
      if (!res.ok) return;
      const next = (await res.json()) as ImportProgressData;
      setProgress(next);
      if (!ACTIVE_STATUSES.includes(next.status)) router.refresh();
    } catch {
      // A missed poll (network blip, server restart) is retried on the next tick.
    }
  });
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => clearInterval(timer);
  }, [active]);

  const total = progress.totalRows ?? 0;
  const percent = rowsPercent(progress.rowsDone, progress.totalRows);
  const title =
    progress.status === "previewing" || progress.status === "committing" || progress.status === "undoing" ? t(`progress.${progress.status}`) : t("progress.working");
  const secondsLeft = formatSecondsLeft(progress.secondsLeft, {
    estimating: t("progress.estimating"),
    fewSeconds: t("progress.fewSeconds"),
    about: (s) => t("progress.aboutSeconds", { s }),
    aboutMinutes: (m, s) => t("progress.aboutMinutes", { m, s }),
  });

  return (
    <section aria-label={t("progress.label")} className="rounded-xl border border-border bg-surface p-5 shadow-xs" data-import-status={progress.status}>
      <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <p className="font-medium text-foreground">
          {t("progress.ofRows", { title, done: count(progress.rowsDone, locale), total: progress.totalRows === null ? "…" : t("rows", { count: count(total, locale), n: total }) })}
        </p>
        <p className="font-medium text-foreground tabular-nums" aria-live="polite" data-testid="import-percent">
          {percent}%
        </p>
      </div>
      <div className="mt-2">
        <RowsBar label={t("progress.label")} done={progress.rowsDone} total={progress.totalRows} />
      </div>
      {progress.stalled ? <StalledNotice stalled={progress.stalled} /> : null}
      <dl className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-sm text-muted-foreground">
        <div className="flex gap-1">
          <dt>{t("progress.speed")}</dt>
          <dd className="tabular-nums">
            {progress.stalled
              ? "—"
              : progress.ratePerSecond
                ? t("progress.rowsPerSecond", { rate: progress.ratePerSecond < 10 ? progress.ratePerSecond.toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) : count(Math.round(progress.ratePerSecond), locale) })
                : t("progress.measuring")}
          </dd>
        </div>
        <div className="flex gap-1">
          <dt>{t("progress.timeLeft")}</dt>
          <dd className="tabular-nums">{progress.stalled ? "—" : secondsLeft}</dd>
        </div>
        {progress.status === "committing" ? (
          <div className="flex gap-1">
            <dt>{t("progress.soFar")}</dt>
            <dd className="tabular-nums">
              {t("progress.soFarCounts", { created: count(progress.created, locale), updated: count(progress.updated, locale), rejected: count(progress.rejected, locale) })}
            </dd>
          </div>
        ) : null}
      </dl>
      <div className="mt-4 flex flex-wrap items-center justify-between gap-3">
        <p className="text-xs text-muted-foreground">{t("progress.background")}</p>
        {progress.status === "committing" ? (
          <Button
            type="button"
            variant="destructive"
            size="sm"
            pending={cancelling}
            disabled={cancelAsked}
            onClick={() =>
              startCancel(async () => {
                const res = await cancel(importId);
                if (!res.ok) {
                  toast.error(res.error);
                  return;
                }
                setCancelAsked(true);
                toast.success(res.message ?? t("progress.cancelAsked"));
              })
            }
          >
            {cancelAsked ? t("progress.cancelling") : t("progress.cancel")}
          </Button>
        ) : null}
      </div>
    </section>
  );
}

/** Shown instead of a speed that would only decay while nothing runs (core/jobs/stall.ts). */
function StalledNotice({ stalled }: { stalled: NonNullable<ImportProgressData["stalled"]> }) {
  // On the organization's clock and in its locale, the same on the server and in the browser.
  const fmt = useOrgFormat();
  const t = useTranslations("imports");
  return (
    <p role="status" className="mt-3 rounded-md border border-warning-border bg-warning-soft px-3 py-2 text-sm text-foreground" data-testid="import-stalled">
      {t("progress.stalled", { since: fmt.time(stalled.since), overdue: stalled.overdue ? "yes" : "no", by: fmt.time(stalled.resumesBy) })}
    </p>
  );
}
