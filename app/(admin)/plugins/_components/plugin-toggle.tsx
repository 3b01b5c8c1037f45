"use client";
// Enable/disable button of one plugin card: the server decides (dependencies, hooks, the protected
// plugin rule) and explains a refusal. Disabling asks first, saying what will happen to everyone in the
// organization; disabling a protected plugin (the audit log) is for owners only, who type the plugin's
// name and give a reason, which are recorded.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { setPluginEnabledAction } from "@/core/plugins/enablement-actions";

type Props = { pluginId: string; name: string; enabled: boolean; protectedWarning: string | null; isOwner: boolean; organizationName: string };

/** What disabling does, in the words the confirmation shows. */
export function disableConsequences(name: string, organizationName: string): string {
  return (
    `Everyone in ${organizationName} loses ${name}'s pages, menu items, widgets and API endpoints at once, its event handlers stop ` +
    `and its background jobs no longer act on this organization. Its data and settings are kept: enabling it again brings them back.`
  );
}

export function PluginToggle({ pluginId, name, enabled, protectedWarning, isOwner, organizationName }: Props) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [confirmation, setConfirmation] = useState("");
  const [reason, setReason] = useState("");

  if (enabled && protectedWarning) {
    if (!isOwner) return <p className="text-sm text-muted-foreground">Only an owner can disable {name}.</p>;
    return (
      <ConfirmDialog
        trigger="Disable"
        triggerSize="sm"
        triggerAriaLabel={`Disable ${name}`}
        title={`Disable ${name}?`}
        confirmLabel={`Disable ${name}`}
        pendingLabel="Disabling…"
        description={
          <div className="grid gap-3">
            <p>While it is off, {protectedWarning} The disabling, your reason and the re-enabling are recorded.</p>
            <div className="grid gap-1">
              <Label htmlFor={`confirm-${pluginId}`}>Type “{name}” to confirm</Label>
              <Input id={`confirm-${pluginId}`} autoComplete="off" value={confirmation} onChange={(e) => setConfirmation(e.target.value)} />
            </div>
            <div className="grid gap-1">
              <Label htmlFor={`reason-${pluginId}`}>Reason (recorded)</Label>
              <Textarea id={`reason-${pluginId}`} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
            </div>
          </div>
        }
        onConfirm={async () => {
          const res = await setPluginEnabledAction(pluginId, false, { confirmation, reason });
          // Thrown: the dialog stays open and shows the server's reason (wrong name, no reason...).
          if (!res.ok) throw new Error(res.error);
          toast.success(res.message ?? "Done.");
          router.refresh();
        }}
      />
    );
  }

  if (enabled) {
    return (
      <ConfirmDialog
        trigger="Disable"
        triggerVariant="outline"
        triggerSize="sm"
        triggerAriaLabel={`Disable ${name}`}
        title={`Disable ${name}?`}
        description={disableConsequences(name, organizationName)}
        confirmLabel={`Disable ${name}`}
        pendingLabel="Disabling…"
        cancelLabel="Keep it enabled"
        onConfirm={async () => {
          const res = await setPluginEnabledAction(pluginId, false);
          // Thrown: the dialog stays open and shows the server's reason (another plugin depends on it...).
          if (!res.ok) throw new Error(res.error);
          toast.success(res.message ?? "Done.");
          router.refresh();
        }}
      />
    );
  }

  return (
    <Button
      size="sm"
      pending={pending}
      aria-label={`Enable ${name}`}
      onClick={() =>
        start(async () => {
          const res = await setPluginEnabledAction(pluginId, true);
          if (res.ok) toast.success(res.message ?? "Done.");
          else toast.error(res.error);
          router.refresh();
        })
      }
    >
      Enable
    </Button>
  );
}
