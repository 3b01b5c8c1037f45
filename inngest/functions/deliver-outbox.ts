// Outbox delivery as an Inngest job: on a `ritiko/outbox.kick` event and every minute. When Inngest
// runs this, the in-process dispatcher can be switched off (RITIKO_OUTBOX_DISPATCHER=off).
// deliverOutboxBatch() is safe to run concurrently (SKIP LOCKED claims with leases); the concurrency
// limit of 1 only keeps runs from piling up behind each other.
import "@/app/_plugins/runtime";
import { cron } from "inngest";
import { deliverOutboxBatch, type DeliveryCounts } from "@/core/events/outbox";
import { inngest, outboxKick } from "@/inngest/client";

const BATCH = 50;
/** Full batches delivered back to back in one run before leaving the rest to the next run. */
const MAX_BATCHES = 10;

export const deliverOutbox = inngest.createFunction(
  {
    id: "deliver-outbox",
    name: "Deliver events to their handlers",
    concurrency: { limit: 1 },
    triggers: [outboxKick, cron("* * * * *")],
  },
  async () => {
    const total: DeliveryCounts = { claimed: 0, delivered: 0, retried: 0, failed: 0, skipped: 0, released: 0, leaseLost: 0 };
    for (let i = 0; i < MAX_BATCHES; i++) {
      const counts = await deliverOutboxBatch({ limit: BATCH });
      for (const key of Object.keys(total) as Array<keyof DeliveryCounts>) total[key] += counts[key];
      if (counts.claimed < BATCH) break;
    }
    return total;
  },
);
