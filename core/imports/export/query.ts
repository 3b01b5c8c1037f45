// The export request as the URL gives it — ?scope=all|filtered|selected&ids=a,b&<the list's own filter
// params> — validated at the edge into an ExportQuery. Selected ids must be uuids (each resource also
// pins them to the caller's organization in SQL, so a foreign id simply exports nothing).
import { z } from "zod";
import type { ExportQuery } from "@/core/imports/types";

/**
 * The most ids an export of selected rows takes. They travel in the GET query string, and Node
 * refuses request headers over 16 KB (431) — 1,000 uuids are 37 KB. 300 uuids are ~11 KB, leaving
 * room for cookies and the rest. Above it the UI offers the current filter instead (the list's
 * "select all matching" is a filter anyway).
 */
export const MAX_SELECTED_IDS = 300;
/** Parameters that are about the export itself, not the list filter. */
const RESERVED = new Set(["scope", "ids"]);

const idsSchema = z
  .array(z.uuid("Selected ids must be record ids (uuids)"))
  .min(1, "Select at least one row to export")
  .max(MAX_SELECTED_IDS, `Export selected takes at most ${MAX_SELECTED_IDS} rows; export the current filter instead`);

export function parseExportQuery(params: URLSearchParams): { ok: true; query: ExportQuery } | { ok: false; error: string } {
  const scope = params.get("scope") ?? "all";
  if (scope === "all") return { ok: true, query: { scope: "all" } };
  if (scope === "selected") {
    const ids = params.getAll("ids").flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
    const parsed = idsSchema.safeParse([...new Set(ids)]);
    if (!parsed.success) return { ok: false, error: parsed.error.issues[0]!.message };
    return { ok: true, query: { scope: "selected", ids: parsed.data } };
  }
  if (scope === "filtered") {
    const filter: Record<string, string> = {};
    for (const [k, v] of params) if (!RESERVED.has(k) && !(k in filter)) filter[k] = v.slice(0, 500);
    return { ok: true, query: { scope: "filtered", filter } };
  }
  return { ok: false, error: `Unknown export scope "${scope.slice(0, 40)}": use all, filtered or selected` };
}

/** The query back as URL parameters (the toolbar's links). */
export function exportSearchParams(query: ExportQuery): URLSearchParams {
  const p = new URLSearchParams({ scope: query.scope });
  if (query.scope === "selected") p.set("ids", query.ids.join(","));
  if (query.scope === "filtered") for (const [k, v] of Object.entries(query.filter)) if (!RESERVED.has(k)) p.set(k, v);
  return p;
}
