"use client";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { RefreshCw } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { requestShopifySyncAction } from "./actions";

/**
 * Starts the Shopify sync job; the page refreshes so the queued run shows under Recent syncs. `label`
 * and `started` (the fallback toast) come from the page, in the member's language.
 */
export function SyncNowButton({ disabled, reason, label, started }: { disabled: boolean; reason?: string; label: string; started: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <Button
      type="button"
      pending={pending}
      disabled={disabled}
      title={disabled ? reason : undefined}
      onClick={() =>
        start(async () => {
          const res = await requestShopifySyncAction();
          if (!res.ok) {
            toast.error(res.error);
            return;
          }
          toast.success(res.message ?? started);
          router.refresh();
        })
      }
    >
      <RefreshCw aria-hidden="true" /> {label}
    </Button>
  );
}
