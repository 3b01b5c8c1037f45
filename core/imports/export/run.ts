// The body of a background export, callable without Inngest (the job, tests): streams the resource's
// rows page by page as CSV into a stored file (core/imports/storage), recording rowsDone after every
// page for the progress bar. Status: queued -> running -> completed (fileId set) | failed (error set).
//
// When it fails midway, storeFile keeps nothing of the partial file; a retried run starts again from
// the first row (an export writes nothing but its own file, so a restart is harmless).
// One writer at a time: the claim sets a new runnerId and every progress write (the heartbeat the
// sweeper watches) checks it; a run superseded by a newer one (a retry after a timed-out call, the
// sweeper's resume) stops, and its partial file is discarded.
import { randomUUID } from "node:crypto";
import { rootDb } from "@/core/db/client";
import { importResource } from "@/core/imports/registry";
import { deleteFile, storeFile } from "@/core/imports/storage";
import type { ExportQuery } from "@/core/imports/types";
import { utcToZonedLocal } from "@/core/time/zoned";
import { exportCsv, utf8 } from "./stream";

/** Exports are plain text of at most a few million rows: 2 GiB is a guard, not a product limit. */
const MAX_EXPORT_BYTES = 2 * 1024 * 1024 * 1024;

/** "inventory-items-2026-12-01.csv": the resource and the organization's local date. */
export function exportFileName(resourceId: string, timeZone: string, now = new Date()): string {
  return `${resourceId.replace(/[^a-z0-9]+/gi, "-")}-${utcToZonedLocal(now, timeZone).slice(0, 10)}.csv`;
}

export async function runExport(organizationId: string, exportId: string): Promise<{ status: "completed" | "skipped"; rows?: number }> {
  const db = rootDb();
  const runner = randomUUID();
  const claimed = await db.$queryRaw<Array<{ resource: string; query: ExportQuery; createdById: string | null }>>`
    UPDATE data_exports SET status = 'running', "rowsDone" = 0, "runnerId" = ${runner}::uuid, "heartbeatAt" = now()
    WHERE "organizationId" = ${organizationId}::uuid AND id = ${exportId}::uuid AND status IN ('queued', 'running')
    RETURNING resource, query, "createdById"::text AS "createdById"`;
  const row = claimed[0];
  if (!row) return { status: "skipped" };
  const resource = await importResource(row.resource);
  if (!resource?.export) throw new Error(`"${row.resource}" can no longer be exported (its plugin was removed?)`);
  const org = await db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { timezone: true } });
  const src = { definition: resource.export, organizationId, query: row.query };
  const total = await resource.export.count({ organizationId, tx: db as never }, row.query);
  const mine = { organizationId, id: exportId, runnerId: runner, status: "running" };
  await db.dataExport.updateMany({ where: mine, data: { totalRows: total, heartbeatAt: new Date() } });
  let rows = 0;
  let file: { fileId: string };
  try {
    file = await storeFile({
      organizationId,
      purpose: "export",
      name: exportFileName(row.resource, org.timezone),
      createdById: row.createdById,
      source: utf8(
        exportCsv(src, {
          onPage: async (n) => {
            rows = n;
            const { count } = await db.dataExport.updateMany({ where: mine, data: { rowsDone: n, heartbeatAt: new Date() } });
            if (count === 0) throw new Superseded();
          },
        }),
      ),
      maxBytes: MAX_EXPORT_BYTES,
    });
  } catch (err) {
    if (err instanceof Superseded) return { status: "skipped" };
    throw err;
  }
  const done = await db.dataExport.updateMany({
    where: mine,
    // Rows may have been added while it ran: the file holds `rows`, which is the truth to show.
    data: { status: "completed", fileId: file.fileId, rowsDone: rows, totalRows: Math.max(total, rows), finishedAt: new Date() },
  });
  if (done.count === 0) {
    // Superseded after its last page: the newer run writes its own file, nothing refers to this one.
    await deleteFile(organizationId, file.fileId);
    return { status: "skipped" };
  }
  return { status: "completed", rows };
}

/** A newer run claimed the export (or it was cancelled/failed meanwhile): this run stops. */
class Superseded extends Error {}

export async function failExport(organizationId: string, exportId: string, error: string): Promise<void> {
  await rootDb().dataExport.updateMany({
    where: { organizationId, id: exportId, status: { in: ["queued", "running"] } },
    data: { status: "failed", error: error.slice(0, 2000), finishedAt: new Date() },
  });
}
