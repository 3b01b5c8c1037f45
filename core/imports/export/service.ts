// Exports for pages and routes (every function takes the member's OrgContext and checks access):
//   startExport   up to STREAM_LIMIT rows: the CSV stream itself; more: a queued background export
//                 (DataExport row + Inngest event) whose page shows progress and, when done, the link.
//   listExports / getExportView   the organization's exports, for /exports and /exports/<id>.
//   exportDownload the finished file's bytes, streamed from storage.
import type { OrgContext } from "@/core/auth/context";
import { rootDb } from "@/core/db/client";
import { isUuid } from "@/core/db/ids";
import { log } from "@/core/log";
import { importResource } from "@/core/imports/registry";
import { fileInfo, readFile } from "@/core/imports/storage";
import type { ExportQuery } from "@/core/imports/types";
import { inngest } from "@/inngest/client";
import { exportableResource, exportableResourceIds } from "./access";
import { exportRequested } from "./events";
import { parseExportQuery } from "./query";
import { exportFileName } from "./run";
import { exportCsv, utf8 } from "./stream";

/** Larger exports run in the background (a download of more rows risks a proxy timeout). */
export const STREAM_LIMIT = 50_000;

export type ExportStart =
  | { ok: true; kind: "stream"; filename: string; rows: number; body: AsyncIterable<Uint8Array> }
  | { ok: true; kind: "background"; exportId: string; rows: number }
  | { ok: false; status: 400 | 403 | 404 | 503; error: string };

export async function startExport(ctx: OrgContext, resourceId: string, params: URLSearchParams, opts: { streamLimit?: number } = {}): Promise<ExportStart> {
  const found = await exportableResource(ctx, resourceId);
  if (!found.ok) return found;
  const parsed = parseExportQuery(params);
  if (!parsed.ok) return { ok: false, status: 400, error: parsed.error };
  const { resource } = found;
  if (parsed.query.scope === "filtered") {
    const bad = resource.export.checkFilter?.(parsed.query.filter);
    if (bad) return { ok: false, status: 400, error: `Invalid filter ${bad}` };
  }
  const organizationId = ctx.organization.id;
  const rows = await resource.export.count({ organizationId, tx: rootDb() as never }, parsed.query);
  if (rows <= (opts.streamLimit ?? STREAM_LIMIT)) {
    const body = utf8(exportCsv({ definition: resource.export, organizationId, query: parsed.query }));
    return { ok: true, kind: "stream", filename: exportFileName(resource.id, ctx.organization.timezone), rows, body };
  }
  const created = await rootDb().dataExport.create({
    data: { organizationId, resource: resource.id, query: parsed.query as object, totalRows: rows, createdById: ctx.user.id },
    select: { id: true },
  });
  try {
    await inngest.send(exportRequested.create({ organizationId, exportId: created.id }));
  } catch (err) {
    log.error("imports.export.send_failed", { err, organizationId, exportId: created.id });
    await rootDb().dataExport.updateMany({ where: { organizationId, id: created.id }, data: { status: "failed", error: "The background job could not be started. Try again in a moment.", finishedAt: new Date() } });
    return { ok: false, status: 503, error: "The export could not be started in the background. Try again in a moment." };
  }
  return { ok: true, kind: "background", exportId: created.id, rows };
}

export type ExportView = {
  id: string;
  resource: string;
  /** "Inventory items". */
  resourceLabel: string;
  status: string;
  query: ExportQuery;
  totalRows: number | null;
  rowsDone: number;
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  createdBy: string | null;
  /** Set once completed and while the file is kept (retention). */
  download: { href: string; name: string; size: number; expiresAt: Date } | null;
};


type ExportRow = { id: string; resource: string; status: string; query: unknown; totalRows: number | null; rowsDone: number; error: string | null; createdAt: Date; finishedAt: Date | null; fileId: string | null; createdById: string | null };

async function toView(organizationId: string, r: ExportRow, names: Map<string, string>): Promise<ExportView> {
  const file = r.status === "completed" && r.fileId ? await fileInfo(organizationId, r.fileId) : null;
  return {
    id: r.id,
    resource: r.resource,
    resourceLabel: (await importResource(r.resource))?.label ?? r.resource,
    status: r.status,
    query: r.query as ExportQuery,
    totalRows: r.totalRows,
    rowsDone: r.rowsDone,
    error: r.error,
    createdAt: r.createdAt,
    finishedAt: r.finishedAt,
    createdBy: r.createdById ? (names.get(r.createdById) ?? "A former member") : null,
    download: file ? { href: `/api/exports/files/${r.id}`, name: file.name, size: file.size, expiresAt: file.expiresAt } : null,
  };
}

async function userNames(ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => Boolean(x)))];
  if (wanted.length === 0) return new Map();
  const users = await rootDb().user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

/** The organization's exports of resources the member may export, newest first. */
export async function listExports(ctx: OrgContext, opts: { limit?: number } = {}): Promise<ExportView[]> {
  const allowed = [...(await exportableResourceIds(ctx))];
  const rows = await ctx.db.dataExport.findMany({ where: { resource: { in: allowed } }, orderBy: { createdAt: "desc" }, take: opts.limit ?? 100 });
  const names = await userNames(rows.map((r) => r.createdById));
  return Promise.all(rows.map((r) => toView(ctx.organization.id, r, names)));
}

/** One export of the organization, or null (unknown id, another organization's, or not exportable for the member). */
export async function getExportView(ctx: OrgContext, id: string): Promise<ExportView | null> {
  if (!isUuid(id)) return null;
  const row = await ctx.db.dataExport.findFirst({ where: { id } });
  if (!row || !(await exportableResource(ctx, row.resource)).ok) return null;
  return toView(ctx.organization.id, row, await userNames([row.createdById]));
}

/** The finished file of an export, streamed from storage; null when there is none (yet, or anymore). */
export async function exportDownload(ctx: OrgContext, id: string): Promise<{ name: string; size: number; body: AsyncIterable<Uint8Array> } | null> {
  const view = await getExportView(ctx, id);
  if (!view?.download) return null;
  const row = await ctx.db.dataExport.findFirst({ where: { id }, select: { fileId: true } });
  return { name: view.download.name, size: view.download.size, body: await readFile(ctx.organization.id, row!.fileId!) };
}
