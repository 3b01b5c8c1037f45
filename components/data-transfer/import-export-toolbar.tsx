// "Import CSV" and "Export" for a list page. Export is a menu (export-menu.tsx): all rows, the list's
// current filter, or — when rows are selected — the selection (up to MAX_SELECTED_IDS: the ids travel in the URL; a larger selection is explained and
// the current filter offered instead). The links are plain navigations: up to 50,000 rows download at once, more land on the
// export's progress page (/exports/<id>). Renders nothing the member may not do.
import Link from "next/link";
import { Upload } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { MAX_SELECTED_IDS } from "@/core/imports/export/query";
import { exportHref, importHref } from "./export-links";
import { ExportMenu, type ExportMenuEntry } from "./export-menu";
import { numberFormat } from "@/core/format/numbers";

export type ImportExportToolbarProps = {
  resourceId: string;
  canImport: boolean;
  canExport: boolean;
  /** The list's current filter (only the set parameters); empty = no "current filter" entry. */
  filter: Record<string, string>;
  selectedIds?: string[];
  /** The organization's locale for the counts in the menu (en-US when not given). */
  locale?: string;
};

function exportEntries(resourceId: string, filter: Record<string, string>, selectedIds: string[], locale: string): ExportMenuEntry[] {
  const n = numberFormat(locale)!.format(selectedIds.length);
  const hasFilter = Object.keys(filter).length > 0;
  const entries: ExportMenuEntry[] = [{ label: "All rows", href: exportHref(resourceId, { scope: "all" }) }];
  if (hasFilter) entries.push({ label: "Rows matching the current filter", href: exportHref(resourceId, { scope: "filtered", filter }) });
  if (selectedIds.length > MAX_SELECTED_IDS) {
    entries.push({
      note: `${n} rows are selected; exporting a selection takes at most ${MAX_SELECTED_IDS}. ${hasFilter ? "Export the rows matching the current filter instead." : "Export all rows instead."}`,
    });
  } else if (selectedIds.length > 0) {
    entries.push({ label: `Selected rows (${n})`, href: exportHref(resourceId, { scope: "selected", ids: selectedIds }) });
  }
  return entries;
}

export function ImportExportToolbar({ resourceId, canImport, canExport, filter, selectedIds = [], locale = "en-US" }: ImportExportToolbarProps) {
  if (!canImport && !canExport) return null;
  return (
    <div className="flex items-center gap-2" data-slot="import-export-toolbar">
      {canImport ? (
        <Link href={importHref(resourceId)} className={buttonVariants({ variant: "outline" })}>
          <Upload aria-hidden="true" /> Import CSV
        </Link>
      ) : null}
      {canExport ? <ExportMenu entries={exportEntries(resourceId, filter, selectedIds, locale)} /> : null}
    </div>
  );
}
