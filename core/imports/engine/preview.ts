// The dry run, and the only pass over the file: every row of the stored file parsed and validated
// (engine/rows.ts), the valid ones staged for the commit (engine/staging.ts, which also finds
// duplicate keys), each batch planned by the resource in a READ ONLY transaction — nothing can be
// written to the resource, not even by a resource bug. Produces the counts { create, update, unchanged, reject }, the rejected rows
// (data_import_errors, phase "preview", capped; counts exact), totalRows, and progress per batch.
//
// With "update existing" off, rows whose key already exists plan as "unchanged" (they will be skipped).
// Statuses: uploaded | previewed | failed (without changes) -> previewing -> previewed, or failed with
// `error` when the preview itself cannot run (required fields unmapped, file removed...). A failed
// preview wrote nothing but its own error rows; the member can fix the mapping and preview again.
//
// One runner at a time: the claim sets a new runnerId, and every batch's write checks it under the row
// lock. A preview whose call the job runner gave up on (timed out) and retried stops at its next batch
// without writing: the retry starts again from the top, so the error rows are never doubled.
import { randomUUID } from "node:crypto";
import { rootDb } from "@/core/db/client";
import { missingRequired } from "../csv/mapping";
import { batchContext, errorText, loadImportOrThrow, resourceOf, type ImportRow } from "./context";
import { clearErrors, insertErrors } from "./errors";
import type { TxClient } from "@/core/db/tx";
import type { ParsedRow, PlanAlso, RowError, RowPlan, StagedPlan } from "../types";
import { duplicateError, readBatches, type RejectedRow } from "./rows";
import { clearStaging, NotOwner, stageRows } from "./staging";
import { statusFrom, statusTo } from "../lifecycle";
import { withBoundedHeap } from "./bounded-heap";

export type PreviewCounts = {
  create: number;
  update: number;
  unchanged: number;
  reject: number;
  /** What the commit would create besides the records, by kind ("categories": names; at most MAX_ALSO each). */
  also?: Record<string, string[]>;
};

const MAX_ALSO = 1_000;

const TX = { timeout: 300_000, maxWait: 30_000 } as const;

/** Statuses a preview may (re)start from: nothing has been written to the resource yet. */
export const PREVIEWABLE = ["uploaded", "previewing", "previewed", "failed"] as const;

/** The preview of an import (see above), with the heap's growth bounded while it runs (bounded-heap.ts). */
export function runPreview(importId: string): Promise<void> {
  return withBoundedHeap(() => previewImport(importId));
}

async function previewImport(importId: string): Promise<void> {
  const db = rootDb();
  // Claim: only an import that has written nothing may be previewed (again).
  const runner = randomUUID();
  const claimed = await db.$executeRaw`
    UPDATE data_imports SET ${statusTo("claimPreview")}, "rowsDone" = 0, "phaseStartedAt" = now(), preview = NULL, error = NULL, "updatedAt" = now(),
      "runnerId" = ${runner}::uuid
    WHERE id = ${importId}::uuid AND ${statusFrom("claimPreview")}
      AND "createdCount" = 0 AND "updatedCount" = 0 AND "resumeRow" = 1
      AND NOT EXISTS (SELECT 1 FROM data_import_changes c WHERE c."importId" = ${importId}::uuid)`;
  if (claimed === 0) return;
  const imp = await loadImportOrThrow(importId);
  try {
    await preview(imp, runner);
  } catch (err) {
    if (err instanceof Superseded) return;
    await failPreview(importId, errorText(err), runner);
    throw err;
  }
}

/** A newer preview run claimed the import: this one stops without writing anything more. */
class Superseded extends Error {}

async function failPreview(importId: string, error: string, runner: string) {
  await rootDb().$executeRaw`
    UPDATE data_imports SET ${statusTo("previewFailed")}, error = ${error}, "finishedAt" = now(), "updatedAt" = now()
    WHERE id = ${importId}::uuid AND ${statusFrom("previewFailed")} AND "runnerId" = ${runner}::uuid`;
}

async function preview(imp: ImportRow, runner: string): Promise<void> {
  const db = rootDb();
  const resource = await resourceOf(imp);
  const missing = missingRequired(imp.mapping, resource.fields);
  if (missing.length > 0) {
    await failPreview(imp.id, `Map a column to ${missing.length === 1 ? "the required field" : "each required field"}: ${missing.map((f) => f.label).join(", ")}.`, runner);
    return;
  }
  const ctx = await batchContext(imp);
  await clearErrors(db, imp.id, "preview");
  await clearStaging(db, imp.id);
  const counts: PreviewCounts = { create: 0, update: 0, unchanged: 0, reject: 0 };
  const also = new Map<string, Map<string, string>>();
  let stored = 0;
  let rows = 0;
  /** The batch's write: only while this runner still owns the previewing import. */
  const owned = <T>(fn: (tx: TxClient) => Promise<T>) =>
    db.$transaction(async (tx) => {
      const [owner] = await tx.$queryRaw<Array<{ runnerId: string | null; status: string }>>`
        SELECT "runnerId"::text AS "runnerId", status FROM data_imports WHERE id = ${imp.id}::uuid FOR UPDATE`;
      if (owner?.runnerId !== runner || owner.status !== "previewing") throw new Superseded();
      return fn(tx);
    }, TX);

  // The next batch is parsed and validated (app CPU) while this one is staged and planned (database).
  for await (const batch of readAhead(readBatches(imp, resource))) {
    const rejected: RejectedRow[] = [...batch.invalid];
    // 1. Stage the valid rows; a key staged before (earlier in the file) makes the row a duplicate.
    const staging = batch.valid.map((r, i) => ({ row: r.row, line: r.line, key: batch.keys[i]!, data: r.data, cells: batch.cellsOf.get(r.row) ?? [] }));
    const dups = await stageRows(imp.id, staging, { runnerId: runner, status: "previewing" }).catch((err: unknown) => {
      throw err instanceof NotOwner ? new Superseded() : err;
    });
    const dupOf = new Map(dups.map((d) => [d.row, d.firstRow]));
    const valid = dupOf.size === 0 ? batch.valid : batch.valid.filter((r) => {
      const first = dupOf.get(r.row);
      if (first === undefined) return true;
      rejected.push({ row: r.row, line: r.line, cells: batch.cellsOf.get(r.row) ?? [], errors: [duplicateError(imp, resource, r, first)] });
      return false;
    });
    // 2. Plan them, read-only: set-based over the staging table when the resource can, else row by row.
    if (valid.length > 0) {
      const planned = await db.$transaction(async (tx) => {
        await tx.$executeRaw`SET TRANSACTION READ ONLY`;
        return resource.staged
          ? resource.staged.plan(tx, ctx, { importId: imp.id, fromRow: valid[0]!.row, toRow: batch.lastRow })
          : planRows(await resource.plan(tx, ctx, valid), valid);
      }, TX);
      counts.create += planned.create;
      counts.update += planned.update;
      counts.unchanged += planned.unchanged;
      for (const e of planned.rejected) rejected.push({ row: e.row, line: e.line, cells: batch.cellsOf.get(e.row) ?? [], errors: [e] });
      // Names repeat across batches (a later batch plans the same new category again): once each, case-insensitively.
      for (const [kind, names] of Object.entries(planned.also ?? {})) {
        const seen = also.get(kind) ?? new Map<string, string>();
        for (const n of names) if (seen.size < MAX_ALSO && !seen.has(n.toLowerCase())) seen.set(n.toLowerCase(), n);
        also.set(kind, seen);
      }
    }
    rejected.sort((a, b) => a.row - b.row);
    counts.reject += rejected.length;
    rows += batch.count;
    // 3. Its errors and the progress.
    stored += await owned(async (tx) => {
      const n = await insertErrors(tx, imp.id, "preview", rejected, stored);
      await tx.$executeRaw`UPDATE data_imports SET "rowsDone" = ${rows}, "updatedAt" = now() WHERE id = ${imp.id}::uuid`;
      return n;
    });
  }
  if (also.size) counts.also = Object.fromEntries([...also].map(([kind, names]) => [kind, [...names.values()]]));
  await db.$executeRaw`
    UPDATE data_imports SET ${statusTo("previewDone")}, preview = ${JSON.stringify(counts)}::jsonb, "totalRows" = ${rows}, "rowsDone" = ${rows}, "updatedAt" = now()
    WHERE id = ${imp.id}::uuid AND ${statusFrom("previewDone")} AND "runnerId" = ${runner}::uuid`;
}

/**
 * The items of `source`, with the next one already being produced while the consumer works on the
 * current one: one item ahead, never more (memory stays at two batches). An error of the source
 * surfaces when its item is reached.
 */
export async function* readAhead<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const it = source[Symbol.asyncIterator]();
  let next = it.next();
  // Not yet awaited: keep an early rejection from being reported as unhandled.
  next.catch(() => undefined);
  try {
    for (;;) {
      const r = await next;
      if (r.done) return;
      next = it.next();
      next.catch(() => undefined);
      yield r.value;
    }
  } finally {
    await it.return?.();
  }
}

/** The generic plan (one entry per row) as counts and rejected rows. */
function planRows(result: { plans: (RowPlan | RowError)[]; also?: PlanAlso }, rows: ParsedRow<unknown>[]): StagedPlan {
  const out: StagedPlan = { create: 0, update: 0, unchanged: 0, rejected: [], also: result.also };
  result.plans.forEach((plan, i) => {
    const r = rows[i]!;
    if (typeof plan === "string") out[plan]++;
    else out.rejected.push({ ...plan, row: r.row, line: plan.line ?? r.line });
  });
  return out;
}
