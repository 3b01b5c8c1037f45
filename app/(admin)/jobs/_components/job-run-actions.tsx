"use client";
// Re-run (failed / cancelled runs: sends the run's event again) and Cancel (running runs, confirmed
// first) for one run (core/jobs/operations.ts).
import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionResult } from "@/core/actions/result";

type Props = {
  runId: string;
  functionName: string;
  eventName: string;
  canRerun: boolean;
  canCancel: boolean;
  rerun: (runId: string) => Promise<ActionResult<{ eventId: string }>>;
  cancel: (runId: string) => Promise<ActionResult<{ id: string }>>;
};

export function JobRunActions({ runId, functionName, eventName, canRerun, canCancel, rerun, cancel }: Props) {
  const router = useRouter();
  const t = useTranslations("jobs.run");
  const [pending, startTransition] = useTransition();

  return (
    <div className="flex gap-2">
      {canRerun ? (
        <Button
          type="button"
          variant="outline"
          pending={pending}
          onClick={() =>
            startTransition(async () => {
              const res = await rerun(runId);
              if (!res.ok) {
                toast.error(res.error);
                return;
              }
              toast.success(res.message ?? t("sentAgain", { event: eventName }));
              router.push(`/jobs?event=${encodeURIComponent(res.data.eventId)}`);
            })
          }
        >
          {t("rerun")}
        </Button>
      ) : null}
      {canCancel ? (
        <ConfirmDialog
          trigger={t("cancel")}
          triggerVariant="destructive"
          title={t("cancelTitle")}
          description={t("cancelText", { function: functionName })}
          confirmLabel={t("cancel")}
          pendingLabel={t("cancelling")}
          cancelLabel={t("keep")}
          onConfirm={async () => {
            const res = await cancel(runId);
            if (!res.ok) {
              toast.error(res.error);
              router.refresh();
              return;
            }
            toast.success(res.message ?? t("cancelled"));
            router.refresh();
          }}
        />
      ) : null}
    </div>
  );
}
