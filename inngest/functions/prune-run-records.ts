// Keeps the Jobs page's history to RITIKO_JOB_RECORD_DAYS (default 30 days): once a night, the
// records of older runs go (inngest/run-records/store.ts pruneRunRecords).
import { cron } from "inngest";
import { inngest } from "@/inngest/client";
import { pruneRunRecords, recordDays } from "@/inngest/run-records/store";

export const pruneJobRunRecords = inngest.createFunction(
  { id: "core-job-records-retention", name: "Delete old job run records", concurrency: { limit: 1 }, triggers: [cron("43 3 * * *")] },
  async ({ step }) => ({ deleted: await step.run("delete-old-records", () => pruneRunRecords(recordDays())) }),
);
