// The CSV export of the viewer's current filter, streamed: entries are read in keyset batches and
// written through csvStream (core/imports/csv/write.ts: cells starting with = + - @ tab CR are
// escaped against formula injection), so the server never holds the whole log.
import { csvStream } from "@/core/imports/csv/write";
import { toReadableStream, utf8 } from "@/core/imports/export/stream";
import type { FieldChange } from "./chain/types";
import { streamEntries, type AuditEntryView } from "./queries/entries";
import type { AuditFilter } from "./queries/filters";

export const EXPORT_HEADER = ["seq", "time", "actor type", "actor", "actor id", "action", "target type", "target id", "target", "changes", "source", "request id", "ip", "import id", "hash"];

const value = (v: unknown) => (v === null || v === undefined ? "∅" : typeof v === "string" ? v : JSON.stringify(v));

export function describeChange(c: FieldChange): string {
  if (c.redacted === "secret") return `${c.field}: changed (secret, not recorded)`;
  return `${c.field}: ${value(c.before)} → ${value(c.after)}`;
}

function exportRow(e: AuditEntryView): string[] {
  return [String(e.seq), e.at, e.actorType, e.actorLabel, e.actorId ?? "", e.action, e.targetType, e.targetId ?? "", e.targetLabel ?? "", e.changes.map(describeChange).join("; "),
    e.source ?? "", e.requestId ?? "", e.ip ?? "", e.importId ?? "", e.hash];
}

async function* rows(organizationId: string, timeZone: string, filter: AuditFilter) {
  for await (const e of streamEntries(organizationId, timeZone, filter)) yield exportRow(e);
}

/**
 * audit-<slug>-<date>.csv with the slug reduced to [a-z0-9._-] (as core/imports/export/http.ts does
 * for its file names): the name goes into a quoted Content-Disposition header, so a quote, CR/LF or
 * non-ASCII character in a slug must not reach it. A slug with nothing left gives audit-<date>.csv.
 */
export function exportFileName(slug: string, now = new Date()): string {
  const safe = slug.toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^[-.]+|[-.]+$/g, "");
  return `${safe ? `audit-${safe}` : "audit"}-${now.toISOString().slice(0, 10)}.csv`;
}

export function exportResponse(organizationId: string, timeZone: string, filter: AuditFilter, fileName: string): Response {
  const body = toReadableStream(utf8(csvStream(EXPORT_HEADER, rows(organizationId, timeZone, filter), { bom: true })));
  return new Response(body, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${fileName.replace(/[^a-zA-Z0-9._-]/g, "_")}"`, "cache-control": "no-store" },
  });
}
