// Durable cron scheduling (job_crons). sync stores each cron trigger with its next fire time; every
// executor tick fires the due ones: claimed FOR UPDATE SKIP LOCKED, so one ticker fires a row while the
// others skip it, and nextAt moves to the first fire time after NOW — a tick missed while no executor
// ran fires once, not once per missed time. The run's event is inngest/scheduled.timer, deduplicated
// per (function, cron, scheduled time) as a second guard.
import { Prisma, type RootDb } from "@/core/db/client";
import { nextCronTime } from "./cron";
import { createRun } from "./ingest";
import { EVENT_CRON, type SdkEvent } from "./protocol";
import type { ConcurrencySpec } from "./concurrency";
import type { FailureHandler, RegisteredFunction } from "./registry";

/** Stores the app's cron triggers; rows of crons the app no longer declares are removed. */
export async function syncCrons(db: RootDb, appId: string, fns: readonly RegisteredFunction[], now = new Date()): Promise<void> {
  const wanted = fns.flatMap((fn) => fn.crons.map((cron) => ({ fn, cron })));
  await db.$transaction(async (tx) => {
    for (const { fn, cron } of wanted) {
      const nextAt = nextCronTime(cron, now);
      // A known cron keeps its nextAt (a missed fire must still happen); its run settings are refreshed.
      await tx.$executeRaw`
        INSERT INTO job_crons ("functionId", cron, "appId", "stepUrl", "maxAttempts", "failureHandler", concurrency, "nextAt", "updatedAt")
        VALUES (${fn.id}, ${cron}, ${appId}, ${fn.stepUrl}, ${fn.maxAttempts}, ${fn.failureHandler ? JSON.stringify(fn.failureHandler) : null}::jsonb,
                ${fn.concurrency.length ? JSON.stringify(fn.concurrency) : null}::jsonb, ${nextAt}, now())
        ON CONFLICT ("functionId", cron) DO UPDATE
          SET "appId" = EXCLUDED."appId", "stepUrl" = EXCLUDED."stepUrl", "maxAttempts" = EXCLUDED."maxAttempts",
              "failureHandler" = EXCLUDED."failureHandler", concurrency = EXCLUDED.concurrency, "updatedAt" = now()`;
    }
    const ids = wanted.map(({ fn }) => fn.id);
    const crons = wanted.map(({ cron }) => cron);
    await tx.$executeRaw`
      DELETE FROM job_crons WHERE "appId" = ${appId}
        AND ("functionId", cron) NOT IN (SELECT * FROM unnest(${ids}::text[], ${crons}::text[]))`;
  });
}

export type CronFire = { functionId: string; cron: string; scheduledAt: Date; runId: string | null };

/** Fires every due cron once and schedules its next time. Safe to call from many processes at once. */
export async function fireDueCrons(db: RootDb, appId: string, limit = 50): Promise<CronFire[]> {
  return db.$transaction(
    async (tx) => {
      const due = await tx.$queryRaw<
        Array<{ functionId: string; cron: string; appId: string; stepUrl: string; maxAttempts: number; failureHandler: FailureHandler | null; concurrency: ConcurrencySpec[] | null; nextAt: Date }>
      >`
        SELECT "functionId", cron, "appId", "stepUrl", "maxAttempts", "failureHandler", concurrency, "nextAt" FROM job_crons
        WHERE "appId" = ${appId} AND "nextAt" <= now()
        ORDER BY "nextAt"
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED`;
      const fired: CronFire[] = [];
      for (const row of due) {
        let next: Date;
        try {
          next = nextCronTime(row.cron, new Date());
        } catch {
          // Unparseable (should have failed at sync): park it far away rather than spin on it.
          next = new Date(Date.now() + 365 * 86_400_000);
        }
        await tx.jobCron.update({ where: { functionId_cron: { functionId: row.functionId, cron: row.cron } }, data: { nextAt: next } });
        const data = { cron: row.cron };
        const dedupeKey = `cron:${row.functionId}:${row.cron}:${row.nextAt.toISOString()}`;
        const inserted = await tx.$queryRaw<Array<{ id: string; ts: Date }>>`
          INSERT INTO job_events (id, name, data, "dedupeKey")
          VALUES (gen_random_uuid(), ${EVENT_CRON}, ${JSON.stringify(data)}::jsonb, ${dedupeKey})
          ON CONFLICT ("dedupeKey") DO NOTHING
          RETURNING id::text AS id, ts`;
        const ev = inserted[0];
        let runId: string | null = null;
        if (ev) {
          const event: SdkEvent = { id: dedupeKey, name: EVENT_CRON, data, ts: ev.ts.getTime() };
          const fn = {
            appId: row.appId,
            id: row.functionId,
            stepUrl: row.stepUrl,
            maxAttempts: row.maxAttempts,
            failureHandler: row.failureHandler ?? undefined,
            concurrency: row.concurrency ?? [],
          };
          runId = await createRun(tx, fn, ev.id, event);
        }
        fired.push({ functionId: row.functionId, cron: row.cron, scheduledAt: row.nextAt, runId });
      }
      return fired;
    },
    { isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted },
  );
}
