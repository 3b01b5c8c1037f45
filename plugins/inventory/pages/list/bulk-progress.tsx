"use client";
// Progress of background bulk operations (more than 10,000 items). The server page lists the
// organization's recent operations, so the bar is back after a reload or on another device; while
// one is queued or running this polls its progress every second, and refreshes the table when it
// ends. A failed operation says honestly what happened: the batches before the failure were applied
// and stay applied, the rest was not; "Retry" continues with the rest.
import { useRouter } from "next/navigation";
import { useEffect, useEffectEvent, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { BulkOperationView } from "../../jobs/bulk-operations";
import { bulkOperationProgressAction, retryBulkOperationAction } from "./actions";
import { useTranslations } from "next-intl";
import { useCountWords } from "./labels";

const POLL_MS = 1_000;

export function BulkProgress({ operations }: { operations: BulkOperationView[] }) {
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const visible = operations.filter((op) => !hidden.has(op.id));
  const t = useTranslations("plugins.inventory.progress");
  if (visible.length === 0) return null;
  return (
    <section aria-label={t("region")} className="grid gap-3">
      {visible.map((op) => (
        <OperationProgress key={`${op.id}:${op.status}:${op.total}`} initial={op} onDismiss={() => setHidden((h) => new Set(h).add(op.id))} />
      ))}
    </section>
  );
}

function OperationProgress({ initial, onDismiss }: { initial: BulkOperationView; onDismiss: () => void }) {
  const t = useTranslations("plugins.inventory.progress");
  const { count, items } = useCountWords();
  const router = useRouter();
  const [op, setOp] = useState(initial);
  const [retrying, startRetry] = useTransition();
  const active = op.status === "queued" || op.status === "running";

  const poll = useEffectEvent(async () => {
    const res = await bulkOperationProgressAction(op.id);
    if (!res.ok) return;
    setOp(res.data);
    if (res.data.status === "completed") {
      toast.success(t("finished", { items: items(res.data.done), action: res.data.action }));
      router.refresh();
    } else if (res.data.status === "failed") {
      router.refresh();
    }
  });
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => clearInterval(timer);
  }, [active]);

  const percent = op.total > 0 ? Math.min(100, Math.round((op.done / op.total) * 100)) : active ? 0 : 100;
  const title = t(op.action);
  return (
    <div className={cn("rounded-xl border bg-surface p-4 shadow-xs", op.status === "failed" ? "border-danger-border" : "border-border")} data-operation-status={op.status}>
      <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <p className="font-medium text-foreground">
          {title}: {t("of", { done: count(op.done), items: items(op.total) })}
        </p>
        <p className="text-muted-foreground" aria-live="polite">
          {op.status === "queued" ? t("waiting") : op.status === "running" ? `${percent}%` : op.status === "completed" ? t("completed") : t("stopped")}
        </p>
      </div>
      <div
        role="progressbar"
        aria-label={t("label", { title })}
        aria-valuemin={0}
        aria-valuemax={op.total}
        aria-valuenow={op.done}
        aria-valuetext={t("of", { done: count(op.done), items: items(op.total) })}
        className="mt-2 h-2 overflow-hidden rounded-full bg-muted"
      >
        <div className={cn("h-full rounded-full transition-[width]", op.status === "failed" ? "bg-danger" : "bg-primary")} style={{ width: `${percent}%` }} />
      </div>
      {op.status === "failed" ? (
        <div className="mt-3 grid gap-2 text-sm">
          <p role="alert" className="text-danger-text">
            {t("stoppedAfter", { done: items(op.done), rest: items(Math.max(0, op.total - op.done)) })}
            {op.error ? <span className="mt-1 block text-muted-foreground">{t("reason", { error: op.error })}</span> : null}
          </p>
          <div className="flex gap-2">
            <Button
              size="sm"
              pending={retrying}
              onClick={() =>
                startRetry(async () => {
                  const res = await retryBulkOperationAction(op.id);
                  if (!res.ok) toast.error(res.error);
                  else toast.success(t("retrying"));
                  router.refresh();
                })
              }
            >
              {t("retry")}
            </Button>
            <Button size="sm" variant="ghost" onClick={onDismiss}>
              {t("dismiss")}
            </Button>
          </div>
        </div>
      ) : op.status === "completed" ? (
        <div className="mt-2 flex justify-end">
          <Button size="sm" variant="ghost" onClick={onDismiss}>
            {t("dismiss")}
          </Button>
        </div>
      ) : (
        <p className="mt-2 text-xs text-muted-foreground">{t("batches", { size: count(5_000) })}</p>
      )}
    </div>
  );
}
