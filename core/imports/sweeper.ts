// The sweeper of imports and exports (run every minute by the "core-work-sweeper" job, jobs.ts): finds
// work left in a running state whose job is gone — its run was lost with a crashed job runner, cancelled
// on the Jobs page, or ended while the work was not finished — and resumes it by sending its event
// again (core/jobs/stall.ts explains the thresholds and why a re-send never harms a live run). What
// happens to the data: nothing is rolled back here. A resumed commit continues after the last
// committed batch; a resumed preview or export starts again from the top (they write only their own
// results). Work stalled for longer than GIVE_UP_MS is failed with what to do next; an import whose
// cancel was requested is cancelled at once (batches committed stay, and can be undone). It also
// removes the staged rows (engine/staging.ts) of finished imports that their commit left behind.
import { rootDb } from "@/core/db/client";
import { GIVE_UP_MS, resumeEventId, stallAfterMs } from "@/core/jobs/stall";
import { log } from "@/core/log";
import { inngest } from "@/inngest/client";
import { exportRequested } from "./export/events";
import { failExport } from "./export/run";
import { dropOrphanStaging, dropStaging, leftoverStaging } from "./engine/staging";
import { importCommitRequested, importPreviewRequested } from "./job-events";
import { RUNNING, statusFrom, statusIn, statusTo } from "./lifecycle";

export type SweepResult = { resumed: string[]; failed: string[]; cancelled: string[] };

type StalledImport = { id: string; organizationId: string; status: "previewing" | "committing"; cancelRequested: boolean; heartbeatAt: Date };
type StalledExport = { id: string; organizationId: string; heartbeatAt: Date };

type Send = (event: { name: string; data: Record<string, unknown>; id?: string }) => Promise<unknown>;

/** `send` is the app's Inngest client's (tests pass a recorder). */
export async function sweepStalledWork(now = new Date(), send: Send = (e) => inngest.send(e)): Promise<SweepResult> {
  const result: SweepResult = { resumed: [], failed: [], cancelled: [] };
  const cutoff = new Date(now.getTime() - stallAfterMs());
  const giveUp = new Date(now.getTime() - GIVE_UP_MS);
  const db = rootDb();

  const imports = await db.$queryRaw<StalledImport[]>`
    SELECT id::text AS id, "organizationId"::text AS "organizationId", status, "cancelRequested", "updatedAt" AS "heartbeatAt"
    FROM data_imports WHERE ${statusIn(RUNNING)} AND "updatedAt" < ${cutoff}`;
  for (const imp of imports) {
    const since = imp.heartbeatAt.toISOString();
    if (imp.status === "committing" && imp.cancelRequested) {
      // A live runner's next batch sees the status under the row lock and stops; none is running here.
      const n = await db.$executeRaw`
        UPDATE data_imports SET ${statusTo("sweptCancelled")}, "finishedAt" = now(), "updatedAt" = now()
        WHERE id = ${imp.id}::uuid AND ${statusFrom("sweptCancelled")} AND "updatedAt" = ${imp.heartbeatAt}`;
      if (n) result.cancelled.push(imp.id);
    } else if (imp.heartbeatAt < giveUp) {
      const error =
        imp.status === "previewing"
          ? `The preview stopped at ${since} and could not be resumed for an hour (is the job runner running?). Nothing was written; preview again.`
          : `The import stopped at ${since} and could not be resumed for an hour (is the job runner running?). The rows committed before stay and can be undone; import the rest of the file again.`;
      const n = await db.$executeRaw`
        UPDATE data_imports SET ${statusTo("sweptFailed")}, error = ${error}, "finishedAt" = now(), "updatedAt" = now()
        WHERE id = ${imp.id}::uuid AND ${statusFrom("sweptFailed")} AND status = ${imp.status} AND "updatedAt" = ${imp.heartbeatAt}`;
      if (n) result.failed.push(imp.id);
    } else {
      const event = imp.status === "previewing" ? importPreviewRequested : importCommitRequested;
      await send(event.create({ organizationId: imp.organizationId, importId: imp.id }, { id: resumeEventId("import", imp.id, imp.heartbeatAt) }));
      result.resumed.push(imp.id);
    }
  }

  const exports = await db.$queryRaw<StalledExport[]>`
    SELECT id::text AS id, "organizationId"::text AS "organizationId", "heartbeatAt"
    FROM data_exports WHERE status IN ('queued', 'running') AND "heartbeatAt" < ${cutoff}`;
  for (const exp of exports) {
    if (exp.heartbeatAt < giveUp) {
      await failExport(exp.organizationId, exp.id, `The export stopped at ${exp.heartbeatAt.toISOString()} and could not be resumed for an hour (is the job runner running?). Export again.`);
      result.failed.push(exp.id);
    } else {
      await send(exportRequested.create({ organizationId: exp.organizationId, exportId: exp.id }, { id: resumeEventId("export", exp.id, exp.heartbeatAt) }));
      result.resumed.push(exp.id);
    }
  }
  // Staged rows of finished imports that the commit's own clean-up missed (it crashed in between).
  for (const id of await leftoverStaging()) await dropStaging(id);
  await dropOrphanStaging();
  if (result.resumed.length || result.failed.length || result.cancelled.length) log.warn("jobs.stalled_work_swept", result);
  return result;
}
