"use client";
// The bulk-action bar above the inventory table: what is selected, "Select all N matching", and the
// actions. Each action is a server action that checks the member's permission and re-evaluates the
// selection on the server (ids of this organization, or the filter in SQL). Results are toasts; a
// purchase order opens its page; more than 10,000 items start a background operation whose progress
// bar appears above the table.
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { Button, buttonVariants } from "@/components/ui/button";
import { exportHref, filterParams } from "@/components/data-transfer/export-links";
import { MAX_SELECTED_IDS as MAX_EXPORT_SELECTED } from "@/core/imports/export/query";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { BulkAction } from "../../items/bulk";
import type { ItemFilter } from "../../items/filters";
import { bulkItemsAction, generateOrderAction } from "./actions";
import type { MatchCount } from "@/core/lists/count";
import { useTranslations } from "next-intl";
import { useCountWords } from "./labels";

/** What the bar acts on; a filter's count is the list's, which may be an estimate ("about …"). */
export type Selection = ({ mode: "ids"; ids: string[] } | { mode: "filter"; filter: ItemFilter }) & { count: MatchCount };

type Props = {
  selection: Selection;
  total: MatchCount;
  allOnPage: boolean;
  onSelectAllMatching: () => void;
  onClear: () => void;
  onDone: () => void;
  /** Shows the action on the listed rows right away (called inside the action's transition). */
  onOptimistic: (action: BulkAction) => void;
  canManage: boolean;
  canDelete: boolean;
  canOrder: boolean;
};

function payload(s: Selection) {
  return s.mode === "ids" ? { mode: "ids" as const, ids: s.ids } : { mode: "filter" as const, filter: s.filter };
}

export function BulkBar({ selection, total, allOnPage, onSelectAllMatching, onClear, onDone, onOptimistic, canManage, canOrder, canDelete }: Props) {
  const t = useTranslations("plugins.inventory.bulk");
  const { itemsCounted, counted } = useCountWords();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  const run = (action: BulkAction) =>
    startTransition(async () => {
      onOptimistic(action);
      const res = await bulkItemsAction({ action, selection: payload(selection) });
      if (!res.ok) return void toast.error(res.error);
      if (res.data.kind === "background") toast.info(res.message ?? t("inBackground"));
      else if (res.data.affected === 0) toast.warning(res.message ?? t("nothingToChange"));
      else toast.success(res.message ?? t("done"));
      onDone();
      router.refresh();
    });

  const generate = () =>
    startTransition(async () => {
      const res = await generateOrderAction(payload(selection));
      if (!res.ok) return void toast.error(res.error);
      if (res.data.kind === "none") return void toast.warning(res.message ?? t("noneBelowThreshold"));
      toast.success(res.message ?? t("orderCreated"));
      router.push(`/inventory/orders/${res.data.orderId}`);
    });

  const what = selection.mode === "filter" ? t("allMatching", { items: itemsCounted(selection.count) }) : itemsCounted(selection.count);
  return (
    <div role="region" aria-label={t("region")} className="flex flex-col gap-3 rounded-xl border border-border bg-muted/60 px-4 py-3 text-sm lg:flex-row lg:items-center lg:justify-between">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1" aria-live="polite">
        <span className="font-medium text-foreground">{selection.mode === "filter" ? t("allSelected", { items: itemsCounted(selection.count) }) : t("selected", { items: itemsCounted(selection.count) })}</span>
        {selection.mode === "ids" && allOnPage && total.value > selection.count.value ? (
          <Button type="button" variant="ghost" size="sm" className="text-primary underline-offset-4 hover:underline" onClick={onSelectAllMatching}>
            {t("selectAllMatching", { total: counted(total) })}
          </Button>
        ) : null}
        <Button type="button" variant="ghost" size="sm" onClick={onClear}>
          {t("clear")}
        </Button>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        {selection.mode === "ids" && selection.ids.length > MAX_EXPORT_SELECTED ? (
          // The ids travel in the export URL (core/imports/export/query.ts): too many would not fit.
          <span className="flex items-center gap-2">
            <Button type="button" variant="outline" size="sm" disabled aria-describedby="export-selected-limit">
              {t("exportSelected")}
            </Button>
            <span id="export-selected-limit" className="text-xs text-muted-foreground">
              {t("exportLimit", { max: MAX_EXPORT_SELECTED })}
            </span>
          </span>
        ) : (
          <a
            className={buttonVariants({ variant: "outline", size: "sm" })}
            href={exportHref("inventory.items", selection.mode === "ids" ? { scope: "selected", ids: selection.ids } : { scope: "filtered", filter: filterParams(selection.filter) })}
          >
            {t("exportSelected")}
          </a>
        )}
        {canManage ? (
          <>
            <Button type="button" variant="outline" size="sm" disabled={pending} onClick={() => run("mark_in_stock")}>
              {t("mark_in_stock")}
            </Button>
            <Button type="button" variant="outline" size="sm" disabled={pending} onClick={() => run("mark_out_of_stock")}>
              {t("mark_out_of_stock")}
            </Button>
          </>
        ) : null}
        {canOrder ? (
          <Button type="button" variant="outline" size="sm" disabled={pending} onClick={generate}>
            {t("generateOrder")}
          </Button>
        ) : null}
        {canDelete ? (
          <ConfirmDialog
            trigger={t("delete")}
            triggerVariant="destructive"
            triggerSize="sm"
            disabled={pending}
            title={t("deleteTitle", { what })}
            description={
              <>
                {t("deleteText", { what })}
                {selection.count.value > 10_000 ? t("deleteInBackground") : null}
              </>
            }
            confirmLabel={t("deleteConfirm", { items: itemsCounted(selection.count) })}
            pendingLabel={t("deleting")}
            onConfirm={async () => {
              onOptimistic("delete");
              const res = await bulkItemsAction({ action: "delete", selection: payload(selection) });
              // Thrown: the dialog stays open and shows the reason.
              if (!res.ok) throw new Error(res.error);
              if (res.data.kind === "background") toast.info(res.message ?? t("deletingInBackground"));
              else toast.success(res.message ?? t("deleted"));
              onDone();
              router.refresh();
            }}
          />
        ) : null}
      </div>
    </div>
  );
}
