"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useTransition, type MouseEvent, type ReactNode } from "react";
import { functionalUpdate, useTable, type PaginationState, type SortingState } from "@tanstack/react-table";
import { useTranslations } from "next-intl";
import { ArrowDown, ArrowUp, ChevronsUpDown, Inbox, SearchX } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import {
  dataTableFeatures,
  type DataTableColumnDef,
  type DataTableColumnMeta,
  type DataTableRow,
  type SortDirection,
} from "./columns";
import type { KeysetView } from "@/core/lists/keyset";
import { DataTableKeysetPagination } from "./data-table-keyset-pagination";
import { DataTablePagination } from "./data-table-pagination";
import { DataTableSearch } from "./data-table-search";
import { PAGING_PARAMS, UrlTransitionContext, useUrlParams, type UrlParamUpdates } from "./use-url-params";

const DEFAULT_PAGE_SIZES: readonly number[] = [10, 20, 50, 100];

/** Params that control how the list is shown; everything else counts as a filter. */
const VIEW_PARAMS = new Set<string>([...PAGING_PARAMS, "pageSize", "sort", "dir"]);

/** Back to the first page, however the table pages. */
const FIRST_PAGE: UrlParamUpdates = Object.fromEntries(PAGING_PARAMS.map((key) => [key, null]));

/** Clicks on these inside a row keep their own behavior instead of opening the row. */
const INTERACTIVE = "a, button, input, select, textarea, label, summary, dialog, [role='button'], [role='menuitem']";

const getRowId = (row: DataTableRow) => row.id;

/**
 * How the table pages. Numbered pages (`?page=`) with an exact total, for lists that stay small; or
 * keyset pages (`?after=`/`?before=`/`?last=1`, core/lists/keyset.ts) with a count that may be an
 * estimate, for lists that grow to millions of rows, where a total and OFFSET cost every row.
 */
export type DataTablePaging =
  | {
      /** Total matching rows across all pages. */
      total: number;
      /** 1-based page number the server rendered. */
      page: number;
      paging?: never;
    }
  | { paging: KeysetView; total?: never; page?: never };

export type DataTableProps<TRow extends DataTableRow> = DataTablePaging & {
  /** Define at module scope (stable identity), e.g. with `createDataTableColumnHelper`. */
  columns: ReadonlyArray<DataTableColumnDef<TRow>>;
  /** The current page of rows, already filtered, sorted and sliced by the server. */
  rows: ReadonlyArray<TRow>;
  pageSize: number;
  /** Active sort column id (as validated by the server), if any. */
  sort?: string | null;
  dir?: SortDirection | null;
  /** Describes the table for screen readers, e.g. "Patients". */
  caption: string;
  searchPlaceholder?: string;
  /** Show the search box (writes `?q=`). Defaults to true. */
  searchable?: boolean;
  /** Extra controls next to the search box, e.g. `<FilterSelect>`s. */
  toolbar?: ReactNode;
  /** Shown when there are no records at all (no search or filter active). */
  emptyState?: ReactNode;
  /**
   * Makes the whole row clickable, and wraps the first cell in a real link
   * unless that column has its own `cell` renderer (see `meta.rowLink`).
   */
  getRowHref?: (row: TRow) => string;
  pageSizeOptions?: readonly number[];
  className?: string;
};

const alignClass: Record<NonNullable<DataTableColumnMeta["align"]>, string> = {
  start: "text-left",
  center: "text-center",
  end: "text-right",
};

/**
 * A server-paginated, server-sorted table whose state lives in the URL
 * (`page`, `pageSize`, `sort`, `dir`, `q` + any filters), so every view is
 * linkable and survives reloads. The server page reads the same params.
 */
export function DataTable<TRow extends DataTableRow>({
  columns,
  rows,
  total: offsetTotal,
  page: offsetPage,
  paging,
  pageSize,
  sort = null,
  dir = null,
  caption,
  searchPlaceholder,
  searchable = true,
  toolbar,
  emptyState,
  getRowHref,
  pageSizeOptions = DEFAULT_PAGE_SIZES,
  className,
}: DataTableProps<TRow>) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const t = useTranslations("table");
  const transition = useMemo(() => ({ isPending, startTransition }), [isPending]);
  const { searchParams, set } = useUrlParams({ transition });
  // Keyset pages have no page number for the table model: it always holds the one page shown.
  const page = paging ? 1 : (offsetPage ?? 1);
  const total = paging ? paging.count.value : (offsetTotal ?? 0);

  // Controlled table state derived from the server-validated props.
  const sorting = useMemo<SortingState>(() => (sort ? [{ id: sort, desc: dir === "desc" }] : []), [sort, dir]);
  const pagination = useMemo<PaginationState>(() => ({ pageIndex: Math.max(0, page - 1), pageSize }), [page, pageSize]);
  // Sorting is opt-in: only columns the server knows how to sort set `enableSorting: true`.
  const defaultColumn = useMemo(() => ({ enableSorting: false }), []);

  const table = useTable({
    features: dataTableFeatures,
    columns,
    data: rows,
    getRowId,
    defaultColumn,
    state: { sorting, pagination },
    manualSorting: true,
    manualPagination: true,
    rowCount: total,
    enableMultiSort: false,
    enableSortingRemoval: false,
    autoResetPageIndex: false,
    // Table interactions become URL updates; the server re-renders with new rows.
    onSortingChange: (updater) => {
      const [next] = functionalUpdate(updater, sorting);
      set({ sort: next?.id ?? null, dir: next ? (next.desc ? "desc" : "asc") : null });
    },
    onPaginationChange: (updater) => {
      const next = functionalUpdate(updater, pagination);
      if (next.pageSize !== pagination.pageSize) set({ pageSize: String(next.pageSize) });
      else if (next.pageIndex !== pagination.pageIndex) set({ page: next.pageIndex > 0 ? String(next.pageIndex + 1) : null });
    },
  });

  const leafColumns = table.getAllLeafColumns();
  const explicitRowHeader = leafColumns.findIndex((column) => column.columnDef.meta?.rowHeader === true);
  const rowHeaderIndex =
    explicitRowHeader >= 0 ? explicitRowHeader : leafColumns[0]?.columnDef.meta?.rowHeader === false ? -1 : 0;

  // Link the first cell only when it can't already contain a link (nested <a> is invalid HTML).
  const firstColumnDef = columns[0];
  const linkFirstCell =
    firstColumnDef?.meta?.rowLink ?? (firstColumnDef !== undefined && !("columns" in firstColumnDef) && !firstColumnDef.cell);

  const filterKeys = [...new Set(searchParams.keys())].filter((key) => !VIEW_PARAMS.has(key));

  function clearFilters() {
    const updates: UrlParamUpdates = {};
    for (const key of filterKeys) updates[key] = null;
    set(updates);
  }

  function onRowClick(event: MouseEvent<HTMLTableRowElement>, href: string) {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.target instanceof Element && event.target.closest(INTERACTIVE)) return;
    // Selecting text in a row should not navigate away.
    if (window.getSelection()?.toString()) return;
    if (event.metaKey || event.ctrlKey) window.open(href, "_blank", "noopener");
    else router.push(href);
  }

  let empty: ReactNode = null;
  if (rows.length === 0) {
    if (total > 0) {
      empty = (
        <EmptyState
          icon={<Inbox />}
          title={t("emptyPageTitle")}
          description={t("emptyPageText")}
          action={
            <Button type="button" variant="outline" onClick={() => set(FIRST_PAGE)}>
              {t("firstPageButton")}
            </Button>
          }
        />
      );
    } else if (filterKeys.length > 0) {
      empty = (
        <EmptyState
          icon={<SearchX />}
          title={t("noMatchesTitle")}
          description={t("noMatchesText")}
          action={
            <Button type="button" variant="outline" onClick={clearFilters}>
              {t("clearFilters")}
            </Button>
          }
        />
      );
    } else {
      empty = emptyState ?? (
        <EmptyState
          icon={<Inbox />}
          title={t("nothingYetTitle")}
          description={t("nothingYetText")}
        />
      );
    }
  }

  return (
    <UrlTransitionContext value={transition}>
      <div
        data-slot="data-table"
        className={cn("relative rounded-xl border border-border bg-surface shadow-xs", className)}
      >
        {/* Subtle progress bar while the server renders the next view. */}
        <div
          aria-hidden="true"
          className={cn(
            "pointer-events-none absolute inset-x-0 top-0 h-0.5 overflow-hidden rounded-t-xl transition-opacity",
            isPending ? "opacity-100 delay-150" : "opacity-0",
          )}
        >
          <div className="h-full w-1/3 animate-progress bg-primary" />
        </div>

        {searchable || toolbar ? (
          <div className="flex flex-col gap-3 border-b border-border p-3 sm:flex-row sm:items-center sm:justify-between">
            {searchable ? <DataTableSearch placeholder={searchPlaceholder} /> : <span />}
            {toolbar ? <div className="flex flex-wrap items-center gap-2">{toolbar}</div> : null}
          </div>
        ) : null}

        <div
          aria-busy={isPending || undefined}
          className={cn("transition-opacity", isPending && "opacity-60 delay-150")}
        >
          <Table>
            <caption className="sr-only">{caption}</caption>
            <THead>
              {table.getHeaderGroups().map((headerGroup) => (
                <TR key={headerGroup.id}>
                  {headerGroup.headers.map((header) => {
                    const meta = header.column.columnDef.meta;
                    const sorted = header.column.getIsSorted();
                    const align = alignClass[meta?.align ?? "start"];
                    return (
                      <TH
                        key={header.id}
                        colSpan={header.colSpan > 1 ? header.colSpan : undefined}
                        aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                        className={cn(align, meta?.headerClassName)}
                      >
                        {header.isPlaceholder ? null : header.column.getCanSort() ? (
                          <button
                            type="button"
                            onClick={header.column.getToggleSortingHandler()}
                            className={cn(
                              "-mx-1.5 inline-flex items-center gap-1 rounded px-1.5 py-1 uppercase hover:text-foreground",
                              meta?.align === "end" && "flex-row-reverse",
                              sorted && "text-foreground",
                            )}
                          >
                            <table.FlexRender header={header} />
                            {sorted === "asc" ? (
                              <ArrowUp className="size-3.5" aria-hidden="true" />
                            ) : sorted === "desc" ? (
                              <ArrowDown className="size-3.5" aria-hidden="true" />
                            ) : (
                              <ChevronsUpDown className="size-3.5 opacity-50" aria-hidden="true" />
                            )}
                          </button>
                        ) : (
                          <table.FlexRender header={header} />
                        )}
                      </TH>
                    );
                  })}
                </TR>
              ))}
            </THead>
            <TBody>
              {rows.length === 0 ? (
                <TR>
                  <TD colSpan={Math.max(1, leafColumns.length)} className="p-0">
                    {empty}
                  </TD>
                </TR>
              ) : (
                table.getRowModel().rows.map((row) => {
                  const href = getRowHref?.(row.original);
                  return (
                    <TR
                      key={row.id}
                      onClick={href ? (event) => onRowClick(event, href) : undefined}
                      className={cn("hover:bg-muted/50", href && "cursor-pointer")}
                    >
                      {row.getAllCells().map((cell, index) => {
                        const meta = cell.column.columnDef.meta;
                        const content = <table.FlexRender cell={cell} />;
                        const className = cn(alignClass[meta?.align ?? "start"], meta?.cellClassName);
                        const body =
                          href && index === 0 && linkFirstCell ? (
                            <Link
                              href={href}
                              className="font-medium text-foreground underline-offset-4 hover:text-primary hover:underline"
                            >
                              {content}
                            </Link>
                          ) : (
                            content
                          );
                        return index === rowHeaderIndex ? (
                          <th key={cell.id} scope="row" className={cn("px-4 py-3 align-middle font-normal", className)}>
                            {body}
                          </th>
                        ) : (
                          <TD key={cell.id} className={className}>
                            {body}
                          </TD>
                        );
                      })}
                    </TR>
                  );
                })
              )}
            </TBody>
          </Table>

          {paging ? (
            <DataTableKeysetPagination
              paging={paging}
              pageSize={pageSize}
              rowCount={rows.length}
              pageSizeOptions={pageSizeOptions}
              navigate={set}
              onPageSizeChange={(size) => set({ pageSize: String(size) })}
            />
          ) : (
            <DataTablePagination
              page={page}
              pageSize={pageSize}
              pageCount={Math.max(1, table.getPageCount())}
              total={total}
              rowCount={rows.length}
              pageSizeOptions={pageSizeOptions}
              canPrevious={table.getCanPreviousPage()}
              canNext={table.getCanNextPage()}
              onPrevious={() => table.previousPage()}
              onNext={() => table.nextPage()}
              onPageSizeChange={(size) => table.setPageSize(size)}
            />
          )}
        </div>
      </div>
    </UrlTransitionContext>
  );
}
