"use client";

import { useId } from "react";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";

// A fixed locale keeps server and client output identical (no hydration mismatch).
const numberFormat = new Intl.NumberFormat("en-US");

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
  const pageSizeId = useId();
  const from = (page - 1) * pageSize + 1;
  const to = from + rowCount - 1;
  const options = pageSizeOptions.includes(pageSize)
    ? pageSizeOptions
    : [...pageSizeOptions, pageSize].sort((a, b) => a - b);

  return (
    <div className="flex flex-col gap-3 border-t border-border px-4 py-3 text-sm sm:flex-row sm:items-center sm:justify-between">
      {/* Announced after each page change so screen reader users know the result. */}
      <p className="text-muted-foreground" aria-live="polite" aria-atomic="true">
        {rowCount > 0 ? (
          <>
            Showing <span className="font-medium text-foreground">{numberFormat.format(from)}</span>–
            <span className="font-medium text-foreground">{numberFormat.format(to)}</span> of{" "}
            <span className="font-medium text-foreground">{numberFormat.format(total)}</span>
          </>
        ) : total > 0 ? (
          <>No rows on this page ({numberFormat.format(total)} in total)</>
        ) : (
          <>No results</>
        )}
      </p>

      <div className="flex flex-wrap items-center gap-x-5 gap-y-3">
        <div className="flex items-center gap-2">
          <label htmlFor={pageSizeId} className="whitespace-nowrap text-muted-foreground">
            Rows per page
          </label>
          <Select
            id={pageSizeId}
            value={String(pageSize)}
            onChange={(event) => onPageSizeChange(Number(event.target.value))}
            className="h-8 w-auto"
          >
            {options.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </Select>
        </div>

        <p className="whitespace-nowrap text-muted-foreground">
          Page <span className="font-medium text-foreground">{numberFormat.format(page)}</span> of{" "}
          <span className="font-medium text-foreground">{numberFormat.format(pageCount)}</span>
        </p>

        <nav aria-label="Pagination" className="flex items-center gap-2">
          <Button type="button" variant="outline" size="sm" onClick={onPrevious} disabled={!canPrevious}>
            <ChevronLeft aria-hidden="true" />
            Previous
          </Button>
          <Button type="button" variant="outline" size="sm" onClick={onNext} disabled={!canNext}>
            Next
            <ChevronRight aria-hidden="true" />
          </Button>
        </nav>
      </div>
    </div>
  );
}
