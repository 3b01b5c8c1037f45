"use client";
// Revoke with confirmation: the token stops working at the next request (401).
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { revokeApiTokenAction } from "@/core/api-tokens/actions";

export function RevokeTokenButton({ id, name, owner }: { id: string; name: string; owner?: string }) {
  return (
    <ConfirmDialog
      trigger="Revoke"
      triggerVariant="outline"
      triggerSize="sm"
      triggerAriaLabel={`Revoke ${name}`}
      title={`Revoke “${name}”?`}
      description={`${owner ? `${owner}'s scripts` : "Scripts and integrations"} using this token will get “401 Unauthorized” from the next request on. This cannot be undone; create a new token if it is needed again.`}
      confirmLabel="Revoke token"
      pendingLabel="Revoking…"
      onConfirm={async () => {
        const res = await revokeApiTokenAction(id);
        if (!res.ok) throw new Error(res.error);
        toast.success(res.message ?? "Revoked.");
      }}
    />
  );
}
