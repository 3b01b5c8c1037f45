"use client";
// Re-run (failed / cancelled runs) and Cancel (queued / running runs, confirmed first) for one run.
import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionResult } from "@/core/actions/result";

type Action = (runId: string) => Promise<ActionResult<{ id: string }>>;

type Props = {
  runId: string;
  functionId: string;
  canRerun: boolean;
  canCancel: boolean;
  rerun: Action;
  cancel: Action;
};

export function JobRunActions({ runId, functionId, canRerun, canCancel, rerun, cancel }: Props) {
  const router = useRouter();
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
              toast.success(res.message ?? "A new run was queued.");
              router.push(`/jobs/${res.data.id}`);
            })
          }
        >
          Re-run
        </Button>
      ) : null}
      {canCancel ? (
        <ConfirmDialog
          trigger="Cancel run"
          triggerVariant="destructive"
          title="Cancel this run?"
          description={`The run of ${functionId} stops: it is marked cancelled and its pending work is removed. Steps already done are not undone.`}
          confirmLabel="Cancel run"
          pendingLabel="Cancelling…"
          cancelLabel="Keep running"
          onConfirm={async () => {
            const res = await cancel(runId);
            if (!res.ok) {
              toast.error(res.error);
              router.refresh();
              return;
            }
            toast.success(res.message ?? "The run was cancelled.");
            router.refresh();
          }}
        />
      ) : null}
    </div>
  );
}
