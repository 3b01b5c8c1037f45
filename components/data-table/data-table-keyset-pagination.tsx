"use client";
// The pager of a keyset-paged table (core/lists/keyset.ts): First / Previous / Next / Last by cursor,
// the position when the cursor knows it, and a count that may be an estimate ("of about 1,000,000").
// There is no "go to page 7,431": a keyset page is found from a neighbour's row, which is what makes
// every page as cheap as the first.
import { useTranslations } from "next-intl";
import { ChevronFirst, ChevronLast, ChevronLeft, ChevronRight } from "lucide-react";
import type { KeysetView } from "@/core/lists/keyset";
import { Button } from "@/components/ui/button";
import { formatCount } from "./count-format";
import { PageSizeSelect } from "./page-size-select";
import type { UrlParamUpdates } from "./use-url-params";
import { useOrgFormat } from "@/components/format/org-format";

const at = (where: "first" | "last" | { after: string } | { before: string }): UrlParamUpdates => ({
  after: typeof where === "object" && "after" in where ? where.after : null,
  before: typeof where === "object" && "before" in where ? where.before : null,
  last: where === "last" ? "1" : null,
});

export function DataTableKeysetPagination({
  paging,
  pageSize,
  rowCount,
  pageSizeOptions,
  navigate,
  onPageSizeChange,
}: {
  paging: KeysetView;
  pageSize: number;
  /** Rows actually rendered on this page. */
  rowCount: number;
  pageSizeOptions: readonly number[];
  navigate: (updates: UrlParamUpdates) => void;
  onPageSizeChange: (pageSize: number) => void;
}) {
  const fmt = useOrgFormat();
  const t = useTranslations("table");
  const { count, start, previous, next } = paging;
  const about = (n: string) => t("about", { n });
  const total = formatCount(count, fmt.locale, about);
  // Rounded up: a page that ends at the last row ("Last") may start between two numbered pages.
  const page = start !== null ? Math.ceil((start - 1) / pageSize) + 1 : null;
  const pages = formatCount({ value: Math.max(1, Math.ceil(count.value / pageSize)), exact: count.exact }, fmt.locale, about);

  return (
    <div className="flex flex-col gap-3 border-t border-border px-4 py-3 text-sm sm:flex-row sm:items-center sm:justify-between">
      {/* Announced after each page change so screen reader users know the result. */}
      <p className="text-muted-foreground" aria-live="polite" aria-atomic="true">
        {rowCount === 0 ? (
          count.value > 0 ? t("noRowsOnPage", { total }) : t("noResults")
        ) : start !== null ? (
          t.rich("showing", { from: fmt.number(start), to: fmt.number(start + rowCount - 1), total, b: (chunks) => <span className="font-medium text-foreground">{chunks}</span> })
        ) : (
          t.rich("showingCount", { count: fmt.number(rowCount), total, b: (chunks) => <span className="font-medium text-foreground">{chunks}</span> })
        )}
      </p>

      <div className="flex flex-wrap items-center gap-x-5 gap-y-3">
        <PageSizeSelect pageSize={pageSize} options={pageSizeOptions} onChange={onPageSizeChange} />

        {page !== null ? (
          <p className="whitespace-nowrap text-muted-foreground">
            {t.rich("pageOf", { page: fmt.number(page), pageCount: pages, b: (chunks) => <span className="font-medium text-foreground">{chunks}</span> })}
          </p>
        ) : null}

        <nav aria-label={t("pagination")} className="flex items-center gap-2">
          <Button type="button" variant="outline" size="sm" onClick={() => navigate(at("first"))} disabled={previous === null} aria-label={t("firstPage")}>
            <ChevronFirst aria-hidden="true" />
          </Button>
          <Button type="button" variant="outline" size="sm" onClick={() => previous !== null && navigate(at({ before: previous }))} disabled={previous === null}>
            <ChevronLeft aria-hidden="true" />
            {t("previous")}
          </Button>
          <Button type="button" variant="outline" size="sm" onClick={() => next !== null && navigate(at({ after: next }))} disabled={next === null}>
            {t("next")}
            <ChevronRight aria-hidden="true" />
          </Button>
          <Button type="button" variant="outline" size="sm" onClick={() => navigate(at("last"))} disabled={next === null} aria-label={t("lastPage")}>
            <ChevronLast aria-hidden="true" />
          </Button>
        </nav>
      </div>
    </div>
  );
}
