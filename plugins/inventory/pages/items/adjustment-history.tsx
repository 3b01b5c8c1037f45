// The item's adjustment history: newest first, a page at a time (?page=), each row saying when, who
// (a person, "API token <name>", or the import/job that did it), the change, before → after and why.
import { PageLink } from "@/components/ui/page-link";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { OrgFormat } from "@/core/format/org-format";
import type { PluginTranslator } from "@/core/i18n/translate";
import type { InventoryMessages } from "../../messages";
import type { HistoryPage } from "../../items/history";

export function AdjustmentHistory({ history, fmt, t, hrefFor }: { history: HistoryPage; fmt: OrgFormat; t: PluginTranslator<InventoryMessages>; hrefFor: (page: number) => string }) {
  if (history.total === 0) return <EmptyState title={t("history.emptyTitle")} description={t("history.emptyText")} />;
  const pageCount = Math.max(1, Math.ceil(history.total / history.pageSize));
  const from = (history.page - 1) * history.pageSize + 1;
  const to = from + history.rows.length - 1;
  return (
    <div>
      <Table aria-label={t("history.label")}>
        <THead>
          <TR>
            <TH>{t("history.when")}</TH>
            <TH>{t("history.who")}</TH>
            <TH className="text-right">{t("history.change")}</TH>
            <TH>{t("history.quantity")}</TH>
            <TH>{t("history.reason")}</TH>
          </TR>
        </THead>
        <TBody>
          {history.rows.map((r) => (
            <TR key={r.id}>
              <TD className="whitespace-nowrap tabular-nums">{fmt.dateTime(r.createdAt)}</TD>
              <TD>
                <span className="font-medium">{r.who}</span>
                {r.whoKind !== "source" ? <span className="block text-xs text-muted-foreground">{t("history.via", { source: r.source })}</span> : null}
              </TD>
              <TD className={r.delta < 0 ? "text-right font-medium text-danger-text tabular-nums" : "text-right font-medium text-success-text tabular-nums"}>{fmt.signed(r.delta)}</TD>
              <TD className="whitespace-nowrap tabular-nums">
                {fmt.number(r.previousQuantity)} → {fmt.number(r.newQuantity)}
              </TD>
              <TD className="max-w-xs break-words">{r.reason ?? <span className="text-muted-foreground">—</span>}</TD>
            </TR>
          ))}
        </TBody>
      </Table>
      <div className="flex flex-wrap items-center justify-between gap-3 border-t border-border px-4 py-3 text-sm">
        <p className="text-muted-foreground">
          {t("history.range", { from: fmt.number(from), to: fmt.number(to), total: fmt.number(history.total), page: fmt.number(history.page), pageCount: fmt.number(pageCount) })}
        </p>
        <nav aria-label={t("history.pages")} className="flex gap-2">
          <PageLink scroll={false} href={history.page > 1 ? hrefFor(history.page - 1) : null}>
            <ChevronLeft aria-hidden="true" /> {t("history.newer")}
          </PageLink>
          <PageLink scroll={false} href={history.page < pageCount ? hrefFor(history.page + 1) : null}>
            {t("history.older")} <ChevronRight aria-hidden="true" />
          </PageLink>
        </nav>
      </div>
    </div>
  );
}
