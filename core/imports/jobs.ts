// The import jobs, run by Inngest (or the embedded executor):
//   core-import-preview  the dry run, one step (runPreview streams the whole file; it is read-only and
//                        restarts from the top if retried).
//   core-import-commit   a loop of steps, each runCommit(id, { deadline: now + 80 s }): a step commits
//                        batches until its deadline and returns; the next step resumes from the
//                        checkpoint in the database, so a retried or replayed step never re-applies a
//                        batch. Cancel is the import's cancelRequested flag, checked before every batch:
//                        the run ends within one batch of the member's click.
//   core-import-undo     runUndo, one step (one transaction).
//   core-import-retention hourly: deletes stored files past their retention period.
//   core-work-sweeper    every minute: resumes imports and exports whose run was lost (sweeper.ts).
// Concurrency is per organization, so one organization's big import never holds up another's.
// A run that fails after its retries marks the import failed with the reason (onFailure); batches
// already committed stay, and the import can be undone.
import { cron, type Inngest, type InngestFunction } from "inngest";
import { rootDb } from "@/core/db/client";
import { perOrganization } from "@/core/jobs/plugin-jobs";
import { jobStepMs } from "@/core/jobs/step-length";
import { log } from "@/core/log";
import { inngest } from "@/inngest/client";
import { errorText } from "./engine/context";
import { runCommit } from "./engine/commit";
import { runPreview } from "./engine/preview";
import { runUndo } from "./engine/undo";
import { importCommitRequested, importPreviewRequested, importUndoRequested } from "./job-events";
import { deleteExpiredFiles } from "./storage";
import { sweepStalledWork } from "./sweeper";
import { statusFrom, statusIn, statusTo, type ImportStatus } from "./lifecycle";

/**
 * How long one commit step may keep writing before handing over to the next step (RITIKO_JOB_STEP_MS,
 * core/jobs/step-length.ts, default 80 s; the run command checks it against the executor's request
 * timeout at start-up). As long as is safe:
 * every step re-reads the file from row 1 up to its checkpoint (resumeRow; the CSV is parsed, not
 * seeked), so short steps make a 1M-row import re-parse the file many times. The bound is the
 * executor's HTTP call timeout (inngest/executor/executor.ts requestTimeoutMs, 2 min by default; a
 * call cut off is retried, wasting the step): a step runs until the batch that passes the deadline
 * ends, so it takes the deadline + one batch (up to BATCH_SIZE rows, longer when skip_invalid halves
 * a refused batch) + the call's overhead. 80 s leaves 40 s of that margin under 120 s.
 */
export const COMMIT_STEP_MS = jobStepMs();

type FailureEvent = { event: { data: { event: { data: { importId: string } } } }; error: unknown };

async function markFailed(importId: string, statuses: ImportStatus[], error: string) {
  await rootDb().$executeRaw`
    UPDATE data_imports SET ${statusTo("jobFailed")}, error = ${error}, "finishedAt" = now(), "updatedAt" = now()
    WHERE id = ${importId}::uuid AND ${statusFrom("jobFailed")} AND ${statusIn(statuses)}`;
}

export function createImportFunctions(client: Inngest): InngestFunction.Any[] {
  const preview = client.createFunction(
    {
      id: "core-import-preview",
      name: "Import preview",
      concurrency: perOrganization(2),
      retries: 2,
      triggers: [importPreviewRequested],
      onFailure: async ({ event, error }: FailureEvent) => {
        await markFailed(event.data.event.data.importId, ["previewing"], `The preview failed: ${errorText(error)}`);
      },
    },
    async ({ event, step }) => {
      await step.run("preview", () => runPreview(event.data.importId));
      return { importId: event.data.importId };
    },
  );

  const commit = client.createFunction(
    {
      id: "core-import-commit",
      name: "Import commit",
      // One commit at a time per organization: two would compete for the same records' locks.
      concurrency: perOrganization(1),
      retries: 3,
      triggers: [importCommitRequested],
      onFailure: async ({ event, error }: FailureEvent) => {
        await markFailed(
          event.data.event.data.importId,
          ["previewed", "committing"],
          `The import stopped: ${errorText(error)}. Batches committed before stay and can be undone.`,
        );
      },
    },
    async ({ event, step }) => {
      let steps = 0;
      for (;;) {
        const res = await step.run(`commit-${++steps}`, () => runCommit(event.data.importId, { deadline: Date.now() + COMMIT_STEP_MS }));
        if (res.done) break;
      }
      return { importId: event.data.importId, steps };
    },
  );

  const undo = client.createFunction(
    {
      id: "core-import-undo",
      name: "Import undo",
      concurrency: perOrganization(1),
      retries: 2,
      triggers: [importUndoRequested],
      onFailure: async ({ event, error }: FailureEvent) => {
        const importId = event.data.event.data.importId;
        log.error("imports.undo_failed", { importId, err: error });
        await rootDb().$executeRaw`UPDATE data_imports SET error = ${`Undo failed, nothing was changed: ${errorText(error)}`}, "undoneById" = NULL WHERE id = ${importId}::uuid`;
      },
    },
    async ({ event, step }) => {
      const res = await step.run("undo", () => runUndo(event.data.importId));
      return { importId: event.data.importId, undone: res.ok, conflicts: res.ok ? 0 : res.conflicts.length };
    },
  );

  const retention = client.createFunction(
    { id: "core-import-retention", name: "Delete expired import and export files", concurrency: { limit: 1 }, triggers: [cron("17 * * * *")] },
    async ({ step }) => ({ deleted: await step.run("delete-expired", () => deleteExpiredFiles()) }),
  );

  const sweeper = client.createFunction(
    { id: "core-work-sweeper", name: "Resume stalled imports and exports", concurrency: { limit: 1 }, triggers: [cron("* * * * *")] },
    async ({ step }) => step.run("sweep", () => sweepStalledWork()),
  );

  return [preview, commit, undo, retention, sweeper];
}

export const importFunctions = createImportFunctions(inngest);
