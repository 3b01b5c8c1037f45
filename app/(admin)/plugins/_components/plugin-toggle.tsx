"use client";
// Enable/disable button of one plugin card: the server decides (dependencies, hooks) and explains a refusal.
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { setPluginEnabledAction } from "@/core/plugins/enablement-actions";

export function PluginToggle({ pluginId, name, enabled }: { pluginId: string; name: string; enabled: boolean }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <Button
      variant={enabled ? "outline" : "default"}
      size="sm"
      pending={pending}
      aria-label={`${enabled ? "Disable" : "Enable"} ${name}`}
      onClick={() =>
        start(async () => {
          const res = await setPluginEnabledAction(pluginId, !enabled);
          if (res.ok) toast.success(res.message ?? "Done.");
          else toast.error(res.error);
          router.refresh();
        })
      }
    >
      {enabled ? "Disable" : "Enable"}
    </Button>
  );
}
