// Where the Import and Export entries of a list page point: the upload page for the resource, and the
// export route with the scope (all, the list's current filter, or selected ids).
import { exportSearchParams } from "@/core/imports/export/query";
import type { ExportQuery } from "@/core/imports/types";

export function importHref(resourceId: string): string {
  return `/imports/new?resource=${encodeURIComponent(resourceId)}`;
}

export function exportHref(resourceId: string, query: ExportQuery): string {
  return `/api/exports/${encodeURIComponent(resourceId)}?${exportSearchParams(query).toString()}`;
}

/** Only the filter parameters that are set (an empty filter exports like "all"). */
export function filterParams(filter: Record<string, string | undefined | null>): Record<string, string> {
  return Object.fromEntries(Object.entries(filter).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
}
