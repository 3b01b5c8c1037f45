// The commit: the rows the preview staged (engine/staging.ts) written in batches of BATCH_SIZE staged
// rows — the file is not read again. Each batch is ONE transaction holding everything it changes: the
// resource's set-based write and its events (staged.commit, or commitBatch with emitMany), the undo
// journal rows, the batch's rejected rows, and the import's counters and checkpoint (resumeRow). A crash before the commit of a batch leaves none of
// it; after, all of it — so a resumed run starts exactly after the last committed batch and never
// applies a row twice. The transaction first locks the import row and checks the checkpoint it
// expects, so two runners can never both apply the same batch.
//
// runCommit(id, { deadline }) stops after the batch that passes the deadline and returns
// { done: false }; calling it again resumes from the checkpoint (the job does one call per step).
//
// One runner at a time: every call claims the import with a new runnerId, and every batch checks it
// under the row lock. A call still running after the job runner gave up on it (its request timed out,
// the job runner died) is superseded by the retry and stops at its next batch — without ending the
// job: a superseded call answers { done: false }, so a job that still listens to it goes on with a new
// step (which claims the import again) instead of finishing while the import is still "committing".
//
// Cancel (cancelRequested, set by the member) is checked before every batch, and again under the
// import's row lock in the batch's transaction — a cancel that came while a batch was being written
// (it waits for that batch's lock) stops the very next one: the import becomes "cancelled"; batches
// already committed stay, and can be undone like a completed import.
//
// Failures of a batch in the database:
//   - skip_invalid: the batch is retried in halves, recursively, inside the same transaction with
//     savepoints, until the rows the database refuses are isolated (each half still one set-based
//     write); they are recorded as errors and the rest is committed.
//   - all_or_nothing: the batches already committed are undone (engine/undo.ts, one transaction) and
//     the import is marked failed with the reason: nothing of the file stays. Should a record written
//     by an earlier batch have been changed by someone meanwhile, it cannot be undone safely: the
//     import is then failed with what was kept and why, and can be undone once the conflict is gone.
import { randomUUID } from "node:crypto";
import { rootDb } from "@/core/db/client";
import { isConnectionError, isDataError, sqlState } from "@/core/db/errors";
import type { TxClient } from "@/core/db/tx";
import { EventHandlerError, EventPayloadError } from "@/core/events/emit";
import { kickOutbox } from "@/core/events/outbox-signal";
import type { BatchContext, ImportResource, RecordChange, RowError, StagedResult } from "../types";
import { BATCH_SIZE, batchContext, errorText, loadImportOrThrow, MAX_STORED_ERRORS, resourceOf, type ImportRow } from "./context";
import { clearErrors, insertErrors, storedErrorCount } from "./errors";
import type { RejectedRow } from "./rows";
import { dropStaging, loadStaged, nextRange, stagedCells, stagedCount, stagedRowNumbers, type StagedRange } from "./staging";
import { refusalText, undoJournal } from "./undo";
import { statusFrom, statusIn, statusTo } from "../lifecycle";
import { withBoundedHeap } from "./bounded-heap";

const TX = { timeout: 300_000, maxWait: 30_000 } as const;

/** The import left "committing" (cancelled, failed, completed by another runner): this runner stops, the job ends. */
class NotCommitting extends Error {}
/** A newer runner claimed the import (or moved its checkpoint): this runner stops, the job goes on. */
class Superseded extends Error {}
/** The member asked to cancel: read under the row lock, so a cancel that came during a batch stops the very next one. */
class CancelRequested extends Error {}
/** all_or_nothing: a row was refused while writing. */
class RowRefused extends Error {
  constructor(readonly rowError: RowError) {
    super(`row ${rowError.row}: ${rowError.reason}`);
  }
}

/** The commit of an import (see above), with the heap's growth bounded while it runs (bounded-heap.ts). */
export function runCommit(importId: string, opts: { deadline?: number } = {}): Promise<{ done: boolean }> {
  return withBoundedHeap(() => commitImport(importId, opts));
}

async function commitImport(importId: string, opts: { deadline?: number }): Promise<{ done: boolean }> {
  const db = rootDb();
  let imp = await loadImportOrThrow(importId);
  if (imp.status === "previewed") {
    if (imp.mode === "all_or_nothing" && (imp.preview?.reject ?? 0) > 0) {
      await db.$executeRaw`
        UPDATE data_imports SET ${statusTo("refuseCommit")}, "finishedAt" = now(), "updatedAt" = now(),
          error = ${`All or nothing: the preview rejected ${imp.preview!.reject} row(s), so nothing was imported. Fix them (download the error file) or choose "skip bad rows".`}
        WHERE id = ${importId}::uuid AND ${statusFrom("refuseCommit")}`;
      return { done: true };
    }
    const claimed = await db.$executeRaw`
      UPDATE data_imports SET ${statusTo("claimCommit")}, "rowsDone" = 0, "phaseStartedAt" = now(), "resumeRow" = 1, "resumeOffset" = NULL,
        "createdCount" = 0, "updatedCount" = 0, "unchangedCount" = 0, "rejectedCount" = 0, error = NULL, "updatedAt" = now()
      WHERE id = ${importId}::uuid AND ${statusFrom("claimCommit")}`;
    // Errors of an earlier, rolled-back attempt belong to no commit any more.
    if (claimed > 0) await clearErrors(db, importId, "commit");
    imp = await loadImportOrThrow(importId);
  }
  if (imp.status !== "committing") return { done: true };
  if (imp.cancelRequested) {
    await markCancelled(importId);
    return { done: true };
  }
  // Claim (waits for a batch in flight of an older runner, whose next batch then sees it superseded).
  const runner = randomUUID();
  const [claim] = await db.$queryRaw<Array<{ resumeRow: number }>>`
    UPDATE data_imports SET "runnerId" = ${runner}::uuid, "updatedAt" = now()
    WHERE id = ${importId}::uuid AND ${statusIn(["committing"])} RETURNING "resumeRow"`;
  if (!claim) return { done: true };
  imp = { ...imp, resumeRow: claim.resumeRow };
  const resource = await resourceOf(imp);
  const ctx = await batchContext(imp);
  let stored = await storedErrorCount(importId, "commit");
  let expected = imp.resumeRow;
  const totalRows = imp.totalRows ?? 0;

  for (;;) {
    const [state] = await db.$queryRaw<Array<{ status: string; cancelRequested: boolean; runnerId: string | null }>>`
      SELECT status, "cancelRequested", "runnerId"::text AS "runnerId" FROM data_imports WHERE id = ${importId}::uuid`;
    if (state?.status !== "committing") return { done: true };
    if (state.runnerId !== runner) return { done: false };
    if (state.cancelRequested) {
      await markCancelled(importId);
      return { done: true };
    }
    const range = await nextRange(db, importId, expected, BATCH_SIZE, totalRows);
    if (!range) break;
    try {
      stored += await commitBatchTx(imp, resource, ctx, range, { runner, expected }, stored);
    } catch (err) {
      if (err instanceof NotCommitting) return { done: true };
      if (err instanceof Superseded) return { done: false };
      if (err instanceof CancelRequested) {
        await markCancelled(importId);
        return { done: true };
      }
      // A refusal of the data undoes everything; a transient failure (connection, deadlock) is thrown
      // for the job to retry the batch from the checkpoint.
      if (imp.mode === "all_or_nothing" && (err instanceof RowRefused || isRowDataError(err))) {
        const reason = err instanceof RowRefused ? `row ${err.rowError.row}: ${err.rowError.reason}` : `the batch of rows ${expected}-${range.toRow} failed: ${errorText(err)}`;
        try {
          await compensate(imp, resource, ctx, reason);
        } catch (e) {
          if (!(e instanceof NotCommitting)) throw e;
        }
        return { done: true };
      }
      throw err;
    }
    kickOutbox();
    expected = range.toRow + 1;
    if (opts.deadline !== undefined && Date.now() >= opts.deadline) return { done: false };
  }
  await db.$executeRaw`
    UPDATE data_imports SET ${statusTo("commitDone")}, "finishedAt" = now(), "updatedAt" = now()
    WHERE id = ${importId}::uuid AND ${statusFrom("commitDone")}`;
  await dropStaging(importId);
  return { done: true };
}

async function markCancelled(importId: string) {
  await rootDb().$executeRaw`
    UPDATE data_imports SET ${statusTo("commitCancelled")}, "finishedAt" = now(), "updatedAt" = now()
    WHERE id = ${importId}::uuid AND ${statusFrom("commitCancelled")}`;
  await dropStaging(importId);
}

/** One batch (a range of staged rows), one transaction. Returns how many error rows it stored. */
async function commitBatchTx(imp: ImportRow, resource: ImportResource, ctx: BatchContext, range: StagedRange, claim: { runner: string; expected: number }, stored: number): Promise<number> {
  return rootDb().$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<Array<{ resumeRow: number; status: string; runnerId: string | null; cancelRequested: boolean }>>`
      SELECT "resumeRow", status, "runnerId"::text AS "runnerId", "cancelRequested" FROM data_imports WHERE id = ${imp.id}::uuid FOR UPDATE`;
    if (!locked || locked.status !== "committing") throw new NotCommitting();
    if (locked.runnerId !== claim.runner || locked.resumeRow !== claim.expected) throw new Superseded();
    if (locked.cancelRequested) throw new CancelRequested();
    const allOrNothing = imp.mode === "all_or_nothing";
    // Rows of the range that are not staged were rejected by the preview (all_or_nothing never gets
    // here with any: a preview with rejected rows refuses the commit up front). They count as rejected
    // again, and their preview errors go to the commit's error file.
    const staged = await stagedCount(tx, range);
    const invalid = range.toRow - range.fromRow + 1 - staged;
    if (allOrNothing && invalid > 0) throw new RowRefused({ row: range.fromRow, reason: `${invalid} row(s) of rows ${range.fromRow}-${range.toRow} are invalid` });
    const result: StagedResult = staged === 0 ? { created: 0, updated: 0, unchanged: 0, rejected: [] } : allOrNothing ? await writeRange(tx, resource, ctx, range) : await isolate(tx, resource, ctx, range);
    if (allOrNothing && result.rejected.length > 0) throw new RowRefused(result.rejected[0]!);

    let storedNow = invalid > 0 ? await copyPreviewErrors(tx, imp.id, range, stored) : 0;
    if (result.rejected.length > 0) {
      const cells = await stagedCells(tx, imp.id, result.rejected.map((e) => e.row));
      const refused: RejectedRow[] = result.rejected.map((e) => ({ row: e.row, line: e.line, cells: cells.get(e.row) ?? [], errors: [e] })).sort((a, b) => a.row - b.row);
      storedNow += await insertErrors(tx, imp.id, "commit", refused, stored + storedNow);
    }
    await tx.$executeRaw`
      UPDATE data_imports SET "rowsDone" = "rowsDone" + ${range.toRow - range.fromRow + 1}, "createdCount" = "createdCount" + ${result.created},
        "updatedCount" = "updatedCount" + ${result.updated}, "unchangedCount" = "unchangedCount" + ${result.unchanged},
        "rejectedCount" = "rejectedCount" + ${invalid + result.rejected.length}, "resumeRow" = ${range.toRow + 1}, "updatedAt" = now()
      WHERE id = ${imp.id}::uuid`;
    return storedNow;
  }, TX);
}

/**
 * The resource's write of the staged rows of a range: set-based over the staging table when it has a
 * staged implementation (it journals itself), else the rows loaded back for commitBatch, whose changes
 * are journaled here in one multi-row INSERT.
 */
async function writeRange(tx: TxClient, resource: ImportResource, ctx: BatchContext, range: StagedRange): Promise<StagedResult> {
  if (resource.staged) return resource.staged.commit(tx, ctx, range);
  const rows = await loadStaged<Record<string, unknown>>(tx, range);
  const result = await resource.commitBatch(tx, ctx, rows);
  await journal(tx, range.importId, result.changes);
  const created = result.changes.filter((c) => c.action === "created").length;
  return { created, updated: result.changes.length - created, unchanged: result.unchanged, rejected: result.rejected };
}

async function journal(tx: TxClient, importId: string, changes: RecordChange[]) {
  if (changes.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO data_import_changes ("importId", "recordId", action, before, after)
    SELECT ${importId}::uuid, t.record_id, t.action, t.before::jsonb, t.after::jsonb
    FROM unnest(${changes.map((c) => c.recordId)}::uuid[], ${changes.map((c) => c.action)}::text[],
                ${changes.map((c) => (c.before == null ? null : JSON.stringify(c.before)))}::text[],
                ${changes.map((c) => JSON.stringify(c.after))}::text[]) AS t(record_id, action, before, after)`;
}

/** The preview's stored errors of the range's rows, as the commit's (within the cap). */
async function copyPreviewErrors(tx: TxClient, importId: string, range: StagedRange, stored: number): Promise<number> {
  const room = MAX_STORED_ERRORS - stored;
  if (room <= 0) return 0;
  return tx.$executeRaw`
    INSERT INTO data_import_errors ("importId", phase, "rowNumber", line, "column", field, reason, cells)
    SELECT "importId", 'commit', "rowNumber", line, "column", field, reason, cells FROM data_import_errors
    WHERE "importId" = ${importId}::uuid AND phase = 'preview' AND "rowNumber" BETWEEN ${range.fromRow} AND ${range.toRow}
    ORDER BY id LIMIT ${room}`;
}

let savepoints = 0;

/**
 * skip_invalid: the range's write under a savepoint; when the database refuses it, roll back to the
 * savepoint and try each half of its staged rows, down to single rows, which are then rejected with
 * the database's reason. Everything stays in the batch's one transaction.
 */
async function isolate(tx: TxClient, resource: ImportResource, ctx: BatchContext, range: StagedRange): Promise<StagedResult> {
  const sp = `import_sp_${++savepoints}`;
  await tx.$executeRawUnsafe(`SAVEPOINT ${sp}`);
  try {
    const result = await writeRange(tx, resource, ctx, range);
    await tx.$executeRawUnsafe(`RELEASE SAVEPOINT ${sp}`);
    return result;
  } catch (err) {
    // Only a refusal of the data is a reason to blame rows. Anything else (connection lost, timeout,
    // deadlock, serialization failure, a bug) fails the whole batch: its transaction rolls back and
    // the job retries it from the checkpoint, rather than rejecting good rows.
    if (!isRowDataError(err)) throw err;
    await tx.$executeRawUnsafe(`ROLLBACK TO SAVEPOINT ${sp}`);
    await tx.$executeRawUnsafe(`RELEASE SAVEPOINT ${sp}`);
    const rows = await stagedRowNumbers(tx, range);
    if (rows.length <= 1) {
      const [r] = await loadStaged(tx, range);
      return { created: 0, updated: 0, unchanged: 0, rejected: r ? [{ row: r.row, line: r.line, reason: `The database refused this row: ${errorText(err)}` }] : [] };
    }
    const mid = rows[Math.ceil(rows.length / 2)]!;
    const a = await isolate(tx, resource, ctx, { ...range, toRow: mid - 1 });
    const b = await isolate(tx, resource, ctx, { ...range, fromRow: mid });
    return { created: a.created + b.created, updated: a.updated + b.updated, unchanged: a.unchanged + b.unchanged, rejected: [...a.rejected, ...b.rejected] };
  }
}

/**
 * Whether the error is the database (or a plugin) refusing the rows' data — a reason to blame rows:
 * PostgreSQL classes 22 (data exception: value too long, bad date...) and 23 (integrity constraint:
 * check, foreign key, unique), a trigger's RAISE (P0001), an event payload the rows made invalid.
 * A plugin's in-transaction handler failing (EventHandlerError) is judged by its cause: a data
 * refusal as above, a zod/payload error, or a plain Error its own code threw (a deliberate veto) is
 * about the rows; a database error of any other class — 40 (serialization 40001, deadlock 40P01),
 * 53 (resources), 55 (lock timeout 55P03), 57 (statement timeout 57014, shutdown), 08 (connection) —
 * or another SQLSTATE is transient and NOT a row error: the batch rolls back and the job retries it,
 * rather than bisecting and rejecting good rows. An error marked `transient` (e.g. inventory's
 * ConcurrentItemInsert) is never a row error either.
 */
export function isRowDataError(err: unknown): boolean {
  if (isTransientMarked(err)) return false;
  if (err instanceof EventPayloadError || isZodError(err)) return true;
  if (err instanceof EventHandlerError) {
    const cause = err.cause;
    if (isTransientMarked(cause)) return false;
    if (cause instanceof EventPayloadError || isZodError(cause)) return true;
    if (sqlState(cause)) return isDataError(cause);
    // No SQLSTATE: the plugin's own code refused (a plain Error), unless it is a connection-level
    // failure of the driver (ECONNRESET...), which is transient.
    return cause instanceof Error && !isConnectionError(cause);
  }
  return isDataError(err);
}

const isTransientMarked = (err: unknown) => (err as { transient?: unknown } | null)?.transient === true;
const isZodError = (err: unknown) => err instanceof Error && err.name === "ZodError";

/** all_or_nothing failed mid-way: undo the committed batches, then fail with the reason. */
async function compensate(imp: ImportRow, resource: ImportResource, ctx: BatchContext, reason: string) {
  const db = rootDb();
  const refusal = await db.$transaction(async (tx) => {
    const r = await undoJournal(tx, imp.id, resource, ctx);
    if (r) return r;
    // Rolled back whole, so the failed import shows what is true of the data: nothing done — every
    // commit counter 0 (rows done included: the progress bar does not claim rows that were undone),
    // no commit error rows, no journal; the error names the row and reason that stopped it, and the
    // preview's counts and errors stay as the preview found them.
    await tx.$executeRaw`DELETE FROM data_import_changes WHERE "importId" = ${imp.id}::uuid`;
    await clearErrors(tx, imp.id, "commit");
    const marked = await tx.$executeRaw`
      UPDATE data_imports SET ${statusTo("commitFailed")}, "finishedAt" = now(), "updatedAt" = now(), "createdCount" = 0, "updatedCount" = 0,
        "unchangedCount" = 0, "rejectedCount" = 0, "rowsDone" = 0, "resumeRow" = 1,
        error = ${`All or nothing: ${reason}. The rows written before were rolled back: nothing was imported.`}
      WHERE id = ${imp.id}::uuid AND ${statusFrom("commitFailed")}`;
    // The import left "committing" meanwhile (the job gave up, a sweep): roll the rollback back too,
    // so its rows, journal and counters stay as its status says — never rows undone under counters
    // that still count them.
    if (marked !== 1) throw new NotCommitting();
    return null;
  }, { timeout: 600_000, maxWait: 30_000 });
  if (refusal) {
    await db.$executeRaw`
      UPDATE data_imports SET ${statusTo("commitFailed")}, "finishedAt" = now(), "updatedAt" = now(),
        error = ${`All or nothing: ${reason}. The rows written before could NOT be rolled back automatically — ${refusalText(refusal)} Undo the import once those records are resolved.`}
      WHERE id = ${imp.id}::uuid AND ${statusFrom("commitFailed")}`;
  }
  kickOutbox();
  await dropStaging(imp.id);
}
