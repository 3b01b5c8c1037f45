"use client";
// Delete with confirmation. On success: back to the item list; on failure the dialog stays open with
// the reason and nothing was deleted.
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { useTranslations } from "next-intl";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { deleteItemAction } from "./item-actions";
import { useOrgFormat } from "@/components/format/org-format";

export function DeleteItemButton({ id, label, adjustments }: { id: string; label: string; adjustments: number }) {
  const fmt = useOrgFormat();
  const router = useRouter();
  const t = useTranslations("plugins.inventory.deleteItem");
  return (
    <ConfirmDialog
      trigger={t("trigger")}
      triggerVariant="destructive"
      title={t("title", { name: label })}
      description={t("text", { adjustments, count: fmt.number(adjustments) })}
      confirmLabel={t("confirm")}
      pendingLabel={t("deleting")}
      onConfirm={async () => {
        const res = await deleteItemAction(id);
        if (!res.ok) throw new Error(res.error);
        toast.success(res.message ?? t("deleted"));
        router.push("/inventory");
        router.refresh();
      }}
    />
  );
}
