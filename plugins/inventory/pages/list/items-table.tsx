"use client";
// The inventory table: one server page of items (paged, sorted, searched and filtered in PostgreSQL,
// state in the URL) with row selection and the bulk actions. The selection is reset whenever the
// listed set changes (search, filter, sort, page), so an action never applies to rows out of view
// without saying so: "Select all N matching" is explicit and sends the filter, not ids.
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useMemo, useOptimistic, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Package } from "lucide-react";
import { createDataTableColumnHelper } from "@/components/data-table/columns";
import { DataTable } from "@/components/data-table/data-table";
import { FilterSelect } from "@/components/data-table/data-table-filter-select";
import { memoizeByKey, type KeysetListState } from "@/components/data-table/list-state";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { useOrgFormat } from "@/components/format/org-format";
import { orgFormat, type OrgFormat } from "@/core/format/org-format";
import { stockStatus } from "../../components";
import { StockBadge, type StockWords } from "../../components/status-badge";
import type { ItemFilter } from "../../items/filters";
import type { ItemListRow } from "../../items/queries";
import { BulkBar, type Selection } from "./bulk-bar";
import { applyBulkOptimistically, type OptimisticBulk } from "./optimistic-rows";
import { PageCheckbox, RowCheckbox, SelectionContext, type SelectionState } from "./selection";
import { formatQuantity } from "../../components/quantity";

const col = createDataTableColumnHelper<ItemListRow>();

type ListWords = ReturnType<typeof useTranslations<"plugins.inventory.list">>;
type Words = { list: ListWords; stock: StockWords };

/**
 * A message with one argument as a template, formatted once per language: filling it per row is a
 * string replace, not an ICU format per row (two per row cost the 1M-item list page ~15 % more app CPU
 * in bench:api, 100 rows a page).
 */
function template(format: (value: string) => string): (value: string | number) => string {
  const whole = format("\u0000");
  if (!whole.includes("\u0000")) return () => whole; // the message does not use the argument
  const [before = "", after = ""] = whole.split("\u0000");
  return (value) => before + String(value) + after;
}

const selectColumn = (t: ListWords) => {
  const rowLabel = template((name) => t("selectRow", { name }));
  return col.display({
    id: "select",
    header: () => <PageCheckbox label={t("selectPage")} />,
    cell: (info) => <RowCheckbox id={info.row.original.id} label={rowLabel(info.row.original.name)} />,
    meta: { rowHeader: false, headerClassName: "w-10 pr-0", cellClassName: "w-10 pr-0" },
  });
};

/**
 * key: "<language>|<locale>|<time zone>|<currency>|<select|plain>|<stock display>" — the member's
 * language (the words, built once per language: `words` is the translators of that language), the
 * organization's way of writing (one formatter for the whole table: per-cell components or hooks cost
 * the 1M-item list page ~15 % more app CPU in bench:api), then whether members get checkboxes (no bulk
 * action, none), then the organization's stockDisplayFormat setting.
 */
function columnsFor(key: string, { list: t, stock }: Words) {
  const [, locale = "en-US", timezone = "UTC", currency = "USD", mode, display = "status"] = key.split("|");
  const fmt = orgFormat({ locale, timezone, currency });
  const kinds = { marked_out: template((quantity) => stock("marked_out", { quantity })), out: template((quantity) => stock("out", { quantity })), low: template((quantity) => stock("low", { quantity })), in: template((quantity) => stock("in", { quantity })) };
  const stockWords: StockWords = (kind, { quantity }) => kinds[kind](quantity);
  return col.columns([
    ...(mode === "select" ? [selectColumn(t)] : []),
    col.accessor("name", {
      header: t("name"),
      enableSorting: true,
      meta: { rowHeader: true },
      cell: (info) => (
        <span className="grid">
          <Link href={`/inventory/items/${info.row.original.id}`} className="font-medium text-foreground hover:underline">
            {info.getValue()}
          </Link>
          <span className="font-mono text-xs text-muted-foreground">{info.row.original.sku}</span>
        </span>
      ),
    }),
    col.accessor("categoryName", { header: t("category"), cell: (info) => info.getValue() ?? <span className="text-muted-foreground">—</span> }),
    col.accessor("quantity", {
      header: t("quantity"),
      enableSorting: true,
      cell: (info) => <StockCell quantity={info.getValue()} row={info.row.original} display={display} fmt={fmt} words={stockWords} />,
    }),
    col.accessor("unit", { header: t("unit") }),
    col.accessor("price", { header: t("price"), enableSorting: true, meta: { align: "end" }, cell: (info) => <span className="tabular-nums">{fmt.money(info.getValue())}</span> }),
    col.accessor("updatedAt", {
      header: t("updated"),
      enableSorting: true,
      cell: (info) => <span className="whitespace-nowrap tabular-nums">{fmt.dateTime(info.getValue())}</span>,
    }),
  ]);
}

const columnsForKey = memoizeByKey(columnsFor);

/**
 * The quantity as the organization chose to show it: the status badge ("In stock (12)"), or the number
 * (with its unit) — then low and empty stock still get a badge, so the warning never disappears.
 */
function StockCell({ quantity, row, display, fmt, words }: { quantity: number; row: ItemListRow; display: string; fmt: OrgFormat; words: StockWords }) {
  const kind = stockStatus(quantity, row.reorderThreshold, row.inStock).kind;
  const badge = <StockBadge kind={kind} quantity={quantity} words={words} />;
  if (display === "status") return badge;
  const text = display === "quantity_unit" ? formatQuantity(quantity, row.unit, { locale: fmt.locale }) : fmt.number(quantity);
  return (
    <span className="inline-flex items-center gap-2 tabular-nums">
      {text}
      {kind === "in" ? null : badge}
    </span>
  );
}

const STOCK_FILTERS = ["in_stock", "out_of_stock", "low"] as const;

type Props = KeysetListState<ItemListRow> & {
  /** The filter that produced `rows`: what "select all matching" sends back. */
  filter: ItemFilter;
  categories: { id: string; name: string }[];
  /** The stockDisplayFormat setting: status | quantity_unit | quantity. */
  stockDisplay: string;
  canManage: boolean;
  /** Deleting is its own permission (inventory.delete_items): staff edit but do not delete. */
  canDelete: boolean;
  canOrder: boolean;
};

export function ItemsTable({ rows, paging, pageSize, sort, dir, filter, categories, stockDisplay, canManage, canOrder, canDelete }: Props) {
  const viewKey = useSearchParams().toString();
  const { locale, timezone, currency } = useOrgFormat();
  const t = useTranslations("plugins.inventory.list");
  const stockWords = useTranslations("plugins.inventory.stock");
  const language = useLocale();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [allMatching, setAllMatching] = useState(false);
  // Reset the selection when the listed set changes (state derived from the URL, no effect needed).
  const [seenKey, setSeenKey] = useState(viewKey);
  if (viewKey !== seenKey) {
    setSeenKey(viewKey);
    setSelected(new Set());
    setAllMatching(false);
  }

  // A bulk action shows on the rows at once (marked, or gone) while the server does it; the server's
  // page then replaces them when the action's refresh arrives, or the rows snap back if it failed.
  const [shownRows, showBulk] = useOptimistic(rows, applyBulkOptimistically);
  const pageIds = useMemo(() => rows.map((r) => r.id), [rows]);
  const state = useMemo<SelectionState>(
    () => ({
      isSelected: (id) => selected.has(id),
      toggle: (id) =>
        setSelected((prev) => {
          const next = new Set(prev);
          if (next.has(id)) next.delete(id);
          else next.add(id);
          return next;
        }),
      pageIds,
      togglePage: () => setSelected((prev) => (pageIds.every((id) => prev.has(id)) ? new Set() : new Set(pageIds))),
      allMatching,
    }),
    [selected, pageIds, allMatching],
  );

  // Rows that left the page (deleted, or no longer matching after an action) are not selected any more.
  const selectedIds = pageIds.filter((id) => selected.has(id));
  const selection: Selection | null = allMatching
    ? { mode: "filter", filter, count: paging.count }
    : selectedIds.length
      ? { mode: "ids", ids: selectedIds, count: { value: selectedIds.length, exact: true } }
      : null;
  const clear = () => {
    setSelected(new Set());
    setAllMatching(false);
  };

  return (
    <SelectionContext value={state}>
      <div className="grid gap-3">
        {(canManage || canOrder || canDelete) && selection ? (
          <BulkBar
            selection={selection}
            total={paging.count}
            allOnPage={selectedIds.length === pageIds.length && pageIds.length > 0}
            onSelectAllMatching={() => setAllMatching(true)}
            onClear={clear}
            onDone={clear}
            onOptimistic={(action: OptimisticBulk["action"]) => showBulk({ action, ids: selection.mode === "ids" ? selection.ids : "all" })}
            canManage={canManage}
            canDelete={canDelete}
            canOrder={canOrder}
          />
        ) : null}
        <DataTable
          caption={t("caption")}
          columns={columnsForKey(`${language}|${locale}|${timezone}|${currency}|${canManage || canOrder || canDelete ? "select" : "plain"}|${stockDisplay}`, { list: t, stock: stockWords })}
          rows={shownRows}
          paging={paging}
          pageSize={pageSize}
          sort={sort}
          dir={dir}
          searchPlaceholder={t("search")}
          toolbar={
            <>
              <FilterSelect
                param="category"
                label={t("category")}
                allLabel={t("allCategories")}
                options={[...categories.map((c) => ({ value: c.id, label: c.name })), { value: "none", label: t("noCategory") }]}
              />
              <FilterSelect param="stock" label={t("stock")} allLabel={t("anyStock")} options={STOCK_FILTERS.map((value) => ({ value, label: t(value) }))} />
            </>
          }
          emptyState={
            <EmptyState
              icon={<Package aria-hidden="true" />}
              title={t("emptyTitle")}
              description={t("emptyText")}
              action={canManage ? <Link href="/inventory/items/new" className={buttonVariants()}>{t("add")}</Link> : undefined}
            />
          }
        />
      </div>
    </SelectionContext>
  );
}
