// Runs the SDK middleware cannot see end (inngest/run-records): a run failed for good by the job
// runner itself (its calls timed out, or the app never answered) and a run cancelled outside the Jobs
// page (cancelOn, Inngest's dashboard or API). Inngest, self-hosted `inngest start` and the embedded
// executor all emit these lifecycle events; the record of such a run, if it is still "running", takes
// the outcome. Records already ended (the middleware saw the failure, the page cancelled it) stay.
import { z } from "zod";
import { inngest } from "@/inngest/client";
import { endRunFromBackend } from "@/inngest/run-records/store";

const lifecycle = z.object({
  run_id: z.string().min(1),
  error: z.object({ name: z.string().optional(), message: z.string().optional() }).loose().nullish(),
});

export const recordRunEnded = inngest.createFunction(
  {
    id: "core-job-run-ended",
    name: "Record a job run the job runner ended",
    triggers: [{ event: "inngest/function.failed" }, { event: "inngest/function.cancelled" }],
  },
  async ({ event }) => {
    const data = lifecycle.parse(event.data);
    const status = event.name === "inngest/function.cancelled" ? "cancelled" : "failed";
    const error = data.error ? { name: data.error.name ?? "Error", message: data.error.message ?? status } : null;
    const updated = await endRunFromBackend(data.run_id, status, error);
    return { runId: data.run_id, status, updated };
  },
);
