"use client";
// Revoke with confirmation: the token stops working at the next request (401).
import { toast } from "sonner";
import { useTranslations } from "next-intl";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { revokeApiTokenAction } from "@/core/api-tokens/actions";

export function RevokeTokenButton({ id, name, owner }: { id: string; name: string; owner?: string }) {
  const t = useTranslations("apiTokens");
  return (
    <ConfirmDialog
      trigger={t("revoke")}
      triggerVariant="outline"
      triggerSize="sm"
      triggerAriaLabel={t("revokeLabel", { name })}
      title={t("revokeTitle", { name })}
      description={t("revokeText", { owner: owner ?? "none" })}
      confirmLabel={t("revokeConfirm")}
      pendingLabel={t("revoking")}
      onConfirm={async () => {
        const res = await revokeApiTokenAction(id);
        if (!res.ok) throw new Error(res.error);
        toast.success(res.message ?? t("revokedToast"));
      }}
    />
  );
}
