"use client";

import { ChevronLeft, ChevronRight } from "lucide-react";
import { Button } from "@/components/ui/button";
import { PageSizeSelect } from "./page-size-select";
import { useTranslations } from "next-intl";
import { useOrgFormat } from "@/components/format/org-format";

export type DataTablePaginationProps = {
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
  /** Rows actually rendered on this page. */
  rowCount: number;
  pageSizeOptions: readonly number[];
  canPrevious: boolean;
  canNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  onPageSizeChange: (pageSize: number) => void;
};

export function DataTablePagination({
  page,
  pageSize,
  pageCount,
  total,
  rowCount,
  pageSizeOptions,
  canPrevious,
  canNext,
  onPrevious,
  onNext,
  onPageSizeChange,
}: DataTablePaginationProps) {
  const fmt = useOrgFormat();
  const t = useTranslations("table");
  const from = (page - 1) * pageSize + 1;
  const to = from + rowCount - 1;

  return (
    <div className="flex flex-col gap-3 border-t border-border px-4 py-3 text-sm sm:flex-row sm:items-center sm:justify-between">
      {/* Announced after each page change so screen reader users know the result. */}
      <p className="text-muted-foreground" aria-live="polite" aria-atomic="true">
        {rowCount > 0 ? (
          t.rich("showing", { from: fmt.number(from), to: fmt.number(to), total: fmt.number(total), b: (chunks) => <span className="font-medium text-foreground">{chunks}</span> })
        ) : total > 0 ? (
          t("noRowsOnPage", { total: fmt.number(total) })
        ) : (
          t("noResults")
        )}
      </p>

      <div className="flex flex-wrap items-center gap-x-5 gap-y-3">
        <PageSizeSelect pageSize={pageSize} options={pageSizeOptions} onChange={onPageSizeChange} />

        <p className="whitespace-nowrap text-muted-foreground">
          {t.rich("pageOf", { page: fmt.number(page), pageCount: fmt.number(pageCount), b: (chunks) => <span className="font-medium text-foreground">{chunks}</span> })}
        </p>

        <nav aria-label={t("pagination")} className="flex items-center gap-2">
          <Button type="button" variant="outline" size="sm" onClick={onPrevious} disabled={!canPrevious}>
            <ChevronLeft aria-hidden="true" />
            {t("previous")}
          </Button>
          <Button type="button" variant="outline" size="sm" onClick={onNext} disabled={!canNext}>
            {t("next")}
            <ChevronRight aria-hidden="true" />
          </Button>
        </nav>
      </div>
    </div>
  );
}
