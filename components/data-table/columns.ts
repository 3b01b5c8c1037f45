import {
  createColumnHelper,
  metaHelper,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  type ColumnDef,
  type ColumnHelper,
} from "@tanstack/react-table";

/** Per-column presentation options, typed through TanStack's `columnMeta` slot. */
export type DataTableColumnMeta = {
  /** Horizontal alignment of header and cells; use "end" for numbers. */
  align?: "start" | "center" | "end";
  headerClassName?: string;
  cellClassName?: string;
  /**
   * Render this column's cells as row headers (`<th scope="row">`), which
   * screen readers announce when moving across a row. Defaults to the first column.
   */
  rowHeader?: boolean;
  /**
   * With `getRowHref`, wrap this first-column cell in the row link. Defaults to
   * true only when the column has no custom `cell` renderer, because a custom
   * cell usually renders its own link (and links cannot be nested).
   */
  rowLink?: boolean;
};

/**
 * The table's feature set: sorting and pagination state only. Both run in
 * manual mode: the server has already sorted and sliced `rows`.
 */
export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  rowPaginationFeature,
  columnMeta: metaHelper<DataTableColumnMeta>(),
});

export type DataTableFeatures = typeof dataTableFeatures;

/** Rows are plain, serializable objects with a stable string id. */
export type DataTableRow = { id: string };

export type SortDirection = "asc" | "desc";

/**
 * A column definition for `<DataTable>`. The value type is `any` because a
 * column list mixes value types; `createDataTableColumnHelper` keeps each
 * column's own value type precise while you write it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type DataTableColumnDef<TRow extends DataTableRow> = ColumnDef<DataTableFeatures, TRow, any>;

/**
 * Typed column helper. Define columns at module scope (stable identity) in a
 * client module:
 *
 *   const col = createDataTableColumnHelper<PatientRow>();
 *   export const columns = col.columns([
 *     col.accessor("name", { header: "Name", enableSorting: true }),
 *     col.accessor("visits", { header: "Visits", meta: { align: "end" } }),
 *   ]);
 *
 * Sorting is opt-in per column (`enableSorting: true`), and the column id
 * (accessor key or explicit `id`) is what lands in `?sort=`.
 */
export function createDataTableColumnHelper<TRow extends DataTableRow>(): ColumnHelper<DataTableFeatures, TRow> {
  return createColumnHelper<DataTableFeatures, TRow>();
}
