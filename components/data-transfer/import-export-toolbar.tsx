// "Import CSV" and "Export" for a list page. Export is a small menu (a native <details>, so it works
// without JavaScript): all rows, the list's current filter, or — when rows are selected — the
// selection (up to MAX_SELECTED_IDS: the ids travel in the URL; a larger selection is explained and
// the current filter offered instead). The links are plain navigations: up to 50,000 rows download at once, more land on the
// export's progress page (/exports/<id>). Renders nothing the member may not do.
import Link from "next/link";
import { ChevronDown, Download, Upload } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { MAX_SELECTED_IDS } from "@/core/imports/export/query";
import { exportHref, importHref } from "./export-links";

export type ImportExportToolbarProps = {
  resourceId: string;
  canImport: boolean;
  canExport: boolean;
  /** The list's current filter (only the set parameters); empty = no "current filter" entry. */
  filter: Record<string, string>;
  selectedIds?: string[];
};

const item = "block rounded-md px-3 py-2 text-sm text-foreground hover:bg-muted focus-visible:bg-muted focus-visible:outline-none";

export function ImportExportToolbar({ resourceId, canImport, canExport, filter, selectedIds = [] }: ImportExportToolbarProps) {
  if (!canImport && !canExport) return null;
  const hasFilter = Object.keys(filter).length > 0;
  return (
    <div className="flex items-center gap-2" data-slot="import-export-toolbar">
      {canImport ? (
        <Link href={importHref(resourceId)} className={buttonVariants({ variant: "outline" })}>
          <Upload aria-hidden="true" /> Import CSV
        </Link>
      ) : null}
      {canExport ? (
        <details className="relative">
          <summary className={`${buttonVariants({ variant: "outline" })} cursor-pointer list-none [&::-webkit-details-marker]:hidden`}>
            <Download aria-hidden="true" /> Export <ChevronDown aria-hidden="true" className="size-4" />
          </summary>
          <div role="menu" aria-label="Export" className="absolute right-0 z-20 mt-1 w-60 rounded-lg border border-border bg-surface p-1 shadow-md">
            <a role="menuitem" className={item} href={exportHref(resourceId, { scope: "all" })}>
              All rows
            </a>
            {hasFilter ? (
              <a role="menuitem" className={item} href={exportHref(resourceId, { scope: "filtered", filter })}>
                Rows matching the current filter
              </a>
            ) : null}
            {selectedIds.length > MAX_SELECTED_IDS ? (
              <p role="note" className="px-3 py-2 text-xs text-muted-foreground">
                {selectedIds.length.toLocaleString("en-US")} rows are selected; exporting a selection takes at most {MAX_SELECTED_IDS}.{" "}
                {hasFilter ? "Export the rows matching the current filter instead." : "Export all rows instead."}
              </p>
            ) : selectedIds.length > 0 ? (
              <a role="menuitem" className={item} href={exportHref(resourceId, { scope: "selected", ids: selectedIds })}>
                Selected rows ({selectedIds.length.toLocaleString("en-US")})
              </a>
            ) : null}
          </div>
        </details>
      ) : null}
    </div>
  );
}
