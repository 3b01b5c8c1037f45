"use client";
// Delete with confirmation. On success: back to the item list; on failure the dialog stays open with
// the reason and nothing was deleted.
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { deleteItemAction } from "./item-actions";
import { useOrgFormat } from "@/components/format/org-format";

export function DeleteItemButton({ id, label, adjustments }: { id: string; label: string; adjustments: number }) {
  const fmt = useOrgFormat();
  const router = useRouter();
  return (
    <ConfirmDialog
      trigger="Delete"
      triggerVariant="destructive"
      title={`Delete ${label}?`}
      description={`This permanently deletes the item with its ${adjustments ? `${fmt.number(adjustments)} stock adjustment${adjustments === 1 ? "" : "s"}, ` : ""}alerts and purchase-order lines. This cannot be undone.`}
      confirmLabel="Delete item"
      pendingLabel="Deleting…"
      onConfirm={async () => {
        const res = await deleteItemAction(id);
        if (!res.ok) throw new Error(res.error);
        toast.success(res.message ?? "Deleted.");
        router.push("/inventory");
        router.refresh();
      }}
    />
  );
}
