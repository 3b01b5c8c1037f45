// Undo of an import, from its journal (data_import_changes): records it created are removed, records
// it updated get their `before` back. ONE transaction for the whole undo:
//   phase 1: the resource's findUndoConflicts over the journal in pages (locking the records FOR
//            UPDATE, so nobody changes them between the check and the undo). Any conflict -> the
//            transaction ends having changed nothing, and the refusal names the first 20 records.
//   phase 2: the resource's undoBatch over the same pages (set-based, with its events), then the
//            import is marked undone.
// A failure anywhere rolls everything back: either the whole import is undone or none of it.
// The same function rolls back the batches of an all-or-nothing commit that failed mid-way.
import { rootDb } from "@/core/db/client";
import type { TxClient } from "@/core/db/tx";
import { kickOutbox } from "@/core/events/outbox-signal";
import type { BatchContext, ImportResource, RecordChange, UndoConflict } from "../types";
import { BATCH_SIZE, batchContext, loadImport, resourceOf } from "./context";
import { statusFrom, statusTo, UNDOABLE, type ImportStatus } from "../lifecycle";

/** How many conflicting records a refusal names. */
export const CONFLICTS_SHOWN = 20;
const TX = { timeout: 600_000, maxWait: 30_000 } as const;

export type UndoOutcome = { ok: true } | { ok: false; conflicts: UndoConflict[] };

type Refusal = { conflicts: UndoConflict[]; total: number };

async function* journalPages(tx: TxClient, importId: string): AsyncGenerator<RecordChange[]> {
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const rows = await tx.$queryRaw<Array<{ recordId: string; action: "created" | "updated"; before: unknown; after: unknown }>>`
      SELECT "recordId"::text AS "recordId", action, before, after FROM data_import_changes
      WHERE "importId" = ${importId}::uuid AND "recordId" > ${after}::uuid ORDER BY "recordId" LIMIT ${BATCH_SIZE}`;
    if (rows.length === 0) return;
    yield rows;
    after = rows.at(-1)!.recordId;
    if (rows.length < BATCH_SIZE) return;
  }
}

/**
 * Undoes the journal inside `tx`. Returns null when done, or the refusal (nothing changed — the
 * caller's transaction is still usable, phase 1 only read and locked).
 */
export async function undoJournal(tx: TxClient, importId: string, resource: ImportResource, ctx: BatchContext): Promise<Refusal | null> {
  const conflicts: UndoConflict[] = [];
  let total = 0;
  for await (const page of journalPages(tx, importId)) {
    const found = await resource.findUndoConflicts(tx, ctx, page);
    total += found.length;
    for (const c of found) if (conflicts.length < CONFLICTS_SHOWN) conflicts.push(c);
  }
  if (total > 0) return { conflicts, total };
  for await (const page of journalPages(tx, importId)) await resource.undoBatch(tx, ctx, page);
  return null;
}

export function refusalText(r: Refusal): string {
  const named = r.conflicts.map((c) => `${c.label} ${c.reason}`).join("; ");
  const more = r.total > r.conflicts.length ? `; and ${r.total - r.conflicts.length} more` : "";
  return `Undo refused, nothing was changed: ${r.total} record${r.total === 1 ? "" : "s"} changed after the import: ${named}${more}.`;
}

export async function runUndo(importId: string): Promise<UndoOutcome> {
  const db = rootDb();
  const imp = await loadImport(importId);
  if (!imp || !UNDOABLE.includes(imp.status as ImportStatus)) return { ok: false, conflicts: [] };
  const resource = await resourceOf(imp);
  // Events of the undo are the undoing user's (undoImport records who asked), else the importer's.
  const ctx = await batchContext(imp, imp.undoneById ?? imp.createdById);
  const refusal = await db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<Array<{ status: string }>>`SELECT status FROM data_imports WHERE id = ${importId}::uuid FOR UPDATE`;
    if (!locked || !UNDOABLE.includes(locked.status as ImportStatus)) return { conflicts: [], total: 0, stale: true };
    const r = await undoJournal(tx, importId, resource, ctx);
    if (r) return { ...r, stale: false };
    await tx.$executeRaw`
      UPDATE data_imports SET ${statusTo("undo")}, "undoneAt" = now(), "undoneById" = ${imp.undoneById ?? imp.createdById}::uuid, error = NULL, "updatedAt" = now()
      WHERE id = ${importId}::uuid AND ${statusFrom("undo")}`;
    return null;
  }, TX);
  if (!refusal) {
    kickOutbox();
    return { ok: true };
  }
  if (!refusal.stale) {
    await db.$executeRaw`UPDATE data_imports SET error = ${refusalText(refusal)}, "undoneById" = NULL, "updatedAt" = now() WHERE id = ${importId}::uuid`;
  }
  return { ok: false, conflicts: refusal.conflicts };
}
