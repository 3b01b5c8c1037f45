"use client";
// "Undo this import", confirmed first. Undo removes the records the import created and restores the
// ones it updated — all or nothing: when any of them changed after the import, the service refuses
// and names them, and that refusal stays on the page (not just a toast) so the records can be found.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionResult } from "@/core/actions/result";
import { useTranslations } from "next-intl";
import { useOrgFormat } from "@/components/format/org-format";

type Props = {
  importId: string;
  created: number;
  updated: number;
  undo: (id: string) => Promise<ActionResult<{ id: string }>>;
};

export function UndoButton({ importId, created, updated, undo }: Props) {
  const fmt = useOrgFormat();
  const t = useTranslations("imports");
  const router = useRouter();
  const [refusal, setRefusal] = useState<string | null>(null);
  return (
    <div className="grid gap-3">
      <div>
        <ConfirmDialog
          trigger={t("undo.trigger")}
          triggerVariant="outline"
          title={t("undo.title")}
          description={t("undo.description", { created: fmt.number(created), updated: fmt.number(updated) })}
          confirmLabel={t("undo.confirm")}
          pendingLabel={t("undo.pending")}
          cancelLabel={t("undo.keep")}
          onConfirm={async () => {
            setRefusal(null);
            const res = await undo(importId);
            if (!res.ok) {
              setRefusal(res.error);
              return;
            }
            toast.success(res.message ?? t("undo.started"));
            router.refresh();
          }}
        />
      </div>
      {refusal ? (
        <div role="alert" className="rounded-md border border-danger-border bg-danger-soft px-3 py-2 text-sm whitespace-pre-wrap text-danger-text">
          {refusal}
        </div>
      ) : null}
    </div>
  );
}
