// "Import CSV" and "Export" for a list page. Export is a menu (export-menu.tsx): all rows, the list's
// current filter, or — when rows are selected — the selection (up to MAX_SELECTED_IDS: the ids travel in the URL; a larger selection is explained and
// the current filter offered instead). The links are plain navigations: up to 50,000 rows download at once, more land on the
// export's progress page (/exports/<id>). Renders nothing the member may not do.
import Link from "next/link";
import { useTranslations } from "next-intl";
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

type Words = ReturnType<typeof useTranslations<"dataTransfer">>;

function exportEntries(resourceId: string, filter: Record<string, string>, selectedIds: string[], locale: string, t: Words): ExportMenuEntry[] {
  const n = numberFormat(locale)!.format(selectedIds.length);
  const hasFilter = Object.keys(filter).length > 0;
  const entries: ExportMenuEntry[] = [{ label: t("allRows"), href: exportHref(resourceId, { scope: "all" }) }];
  if (hasFilter) entries.push({ label: t("filteredRows"), href: exportHref(resourceId, { scope: "filtered", filter }) });
  if (selectedIds.length > MAX_SELECTED_IDS) {
    entries.push({
      note: t("tooMany", { n, max: numberFormat(locale)!.format(MAX_SELECTED_IDS), filter: hasFilter ? "yes" : "no" }),
    });
  } else if (selectedIds.length > 0) {
    entries.push({ label: t("selectedRows", { n }), href: exportHref(resourceId, { scope: "selected", ids: selectedIds }) });
  }
  return entries;
}

export function ImportExportToolbar({ resourceId, canImport, canExport, filter, selectedIds = [], locale = "en-US" }: ImportExportToolbarProps) {
  const t = useTranslations("dataTransfer");
  if (!canImport && !canExport) return null;
  return (
    <div className="flex items-center gap-2" data-slot="import-export-toolbar">
      {canImport ? (
        <Link href={importHref(resourceId)} className={buttonVariants({ variant: "outline" })}>
          <Upload aria-hidden="true" /> {t("importCsv")}
        </Link>
      ) : null}
      {canExport ? <ExportMenu label={t("export")} entries={exportEntries(resourceId, filter, selectedIds, locale, t)} /> : null}
    </div>
  );
}
