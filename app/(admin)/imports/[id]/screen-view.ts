// The import page's data: the service's view of the import (core/imports/service.ts getImportView,
// which checks the organization and the resource permission) plus the few facts only this page
// needs, read through the organization-scoped client: whether an undo was asked for and is still
// pending, who undid it, when the phase started, and whether the mapping was re-applied from a
// mapping saved before this upload.
// Consistency: the service's view and this page's own read are two reads of a row a job may change
// in between (the undo job answers within milliseconds; mixing reads from either side of its answer
// would show neither the Undo button, nor "Undoing…", nor the refusal). So the row's updatedAt is read
// before and after the view, and the pair is read again (up to 3 times) when it moved meanwhile.
import "server-only";
import { z } from "zod";
import type { ImportScreenView, ImportStatus, CsvDelimiter, CsvEncoding } from "@/components/imports/types";
import type { OrgContext } from "@/core/auth/context";
import { rootDb } from "@/core/db/client";
import { headerSignature } from "@/core/imports/csv/mapping";
import { getImportView } from "@/core/imports/service";
import { resourceWord } from "@/core/imports/words";
import { memberLanguage } from "@/core/i18n/languages";

export type ImportPageView = ImportScreenView & {
  /** Undo was asked for and its job has not finished yet. */
  undoPending: boolean;
  canUndo: boolean;
  canCommit: boolean;
  fileRemovedMessage: string | null;
};

export async function loadScreenView(ctx: OrgContext, id: string): Promise<ImportPageView | null> {
  const readRow = (importId: string) =>
    ctx.db.dataImport.findFirst({
      where: { id: importId },
      select: { status: true, error: true, undoneById: true, phaseStartedAt: true, createdAt: true, updatedAt: true, resource: true, createdCount: true, updatedCount: true },
    });
  if (!z.uuid().safeParse(id).success) return null;
  let view: Awaited<ReturnType<typeof getImportView>> = null;
  let extra: Awaited<ReturnType<typeof readRow>> = null;
  for (let attempt = 0; attempt < 3; attempt++) {
    const before = await readRow(id);
    if (!before) return null;
    view = await getImportView(ctx, id);
    if (!view) return null;
    extra = await readRow(id);
    if (!extra) return null;
    // Unchanged across the view's read: the view and the row agree.
    if (before.updatedAt.getTime() === extra.updatedAt.getTime()) break;
  }
  if (!view || !extra) return null;
  const [undoneBy, saved] = await Promise.all([
    extra.undoneById ? rootDb().user.findUnique({ where: { id: extra.undoneById }, select: { name: true } }) : null,
    view.headers.length
      ? ctx.db.importMapping.findFirst({ where: { resource: extra.resource, headerSignature: headerSignature(view.headers) }, select: { updatedAt: true } })
      : null,
  ]);
  const status = extra.status as ImportStatus;
  const undoPending = extra.undoneById !== null && status !== "undone";
  // The service re-checks all of it (and the journal) when Undo is clicked.
  const canUndo = ["completed", "cancelled", "failed"].includes(status) && extra.undoneById === null && extra.createdCount + extra.updatedCount > 0;
  const phase = view.errors[0]?.phase ?? (["committing", "completed", "cancelled", "undone"].includes(status) ? "commit" : "preview");
  const errorCount = phase === "commit" ? view.progress.rejected : (view.progress.preview?.reject ?? view.errors.length);
  // The resource's words in the member's language (the mapping works on field keys, never labels).
  const word = (text: string) => resourceWord(view.resource.id, memberLanguage(ctx), text);
  return {
    id: view.id,
    resource: { id: view.resource.id, label: word(view.resource.label) },
    fileName: view.fileName,
    status,
    fileAvailable: view.file !== null,
    fileRemovedMessage: view.fileRemovedMessage,
    encoding: (view.encoding ?? "utf-8") as CsvEncoding,
    delimiter: (view.delimiter ?? ",") as CsvDelimiter,
    hasHeader: view.hasHeader,
    headerRow: view.headerRow,
    headers: view.headers,
    sampleRows: view.sampleRows,
    mapping: view.mapping,
    // Saved before this upload: the mapping the member chose last time for these headers.
    mappingFromSaved: saved !== null && saved.updatedAt.getTime() < extra.createdAt.getTime(),
    fields: view.resource.fields.map((f) => ({ ...f, label: word(f.label), ...(f.hint ? { hint: word(f.hint) } : {}) })),
    updateExisting: view.updateExisting,
    resourceOptionDefs: view.resourceOptionDefs.map(({ key, label, description }) => ({ key, label: word(label), description: word(description) })),
    resourceOptions: view.resourceOptions,
    mode: view.mode,
    progress: { ...view.progress, status, error: extra.error },
    errors: view.errors.map(({ row, line, column, field, reason }) => ({ row, line, column, field, reason })),
    errorCount: Math.max(errorCount, view.errors.length),
    createdByName: view.createdBy,
    createdAt: view.createdAt,
    phaseStartedAt: extra.phaseStartedAt?.toISOString() ?? null,
    finishedAt: view.finishedAt,
    undoneAt: view.undoneAt,
    undoneByName: undoneBy?.name ?? null,
    undoPending,
    canUndo,
    canCommit: view.can.commit,
  };
}
