"use client";
// Delete with confirmation for any core record: runs the given server action, toasts the result and
// leaves the record page for the list. On failure nothing was deleted and the user stays put.
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionResult } from "@/core/actions/result";

type Props = {
  id: string;
  action: (id: string) => Promise<ActionResult<{ id: string }>>;
  title: string;
  description: string;
  afterHref: string;
};

export function DeleteRecordButton({ id, action, title, description, afterHref }: Props) {
  const router = useRouter();
  return (
    <ConfirmDialog
      trigger="Delete"
      triggerVariant="destructive"
      title={title}
      description={description}
      confirmLabel="Delete"
      pendingLabel="Deleting…"
      confirmVariant="destructive"
      onConfirm={async () => {
        const res = await action(id);
        if (!res.ok) {
          toast.error(res.error);
          return;
        }
        toast.success(res.message ?? "Deleted.");
        router.push(afterHref);
        router.refresh();
      }}
    />
  );
}
