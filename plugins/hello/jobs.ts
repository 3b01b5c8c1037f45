// Hello's background jobs (the `jobs.ts` file-name contract, see core/jobs/plugin-jobs.ts): a daily
// cron fans out one digest event per organization that has Hello enabled, and the digest job, limited
// per organization, counts the day's greetings and announces the ones not yet announced.
import { eventType, cron } from "inngest";
import { z } from "zod";
import { rootDb } from "@/core/db/client";
import { scopedDb } from "@/core/db/scoped";
import { perOrganization, pluginJobId, skipUnlessEnabled } from "@/core/jobs/plugin-jobs";
import { inngest } from "@/inngest/client";

export const helloDigestRequested = eventType("hello/digest.requested", {
  schema: z.object({ organizationId: z.uuid() }),
});

export const helloDigest = inngest.createFunction(
  { id: pluginJobId("hello", "digest"), name: "Hello: daily digest", concurrency: perOrganization(1), triggers: [helloDigestRequested] },
  async ({ event, step }) => {
    const { organizationId } = event.data;
    const skipped = await step.run("check-enabled", () => skipUnlessEnabled("hello", organizationId));
    if (skipped) return skipped;
    const greetingsToday = await step.run("count", () =>
      scopedDb(organizationId).helloGreeting.count({ where: { createdAt: { gte: new Date(Date.now() - 86_400_000) } } }),
    );
    const announced = await step.run("announce", async () => {
      const { count } = await scopedDb(organizationId).helloGreeting.updateMany({ where: { announcedAt: null }, data: { announcedAt: new Date() } });
      return count;
    });
    return { greetingsToday, announced };
  },
);

export const helloDigestFanOut = inngest.createFunction(
  { id: pluginJobId("hello", "digest-fan-out"), name: "Hello: start the daily digests", triggers: [cron("TZ=UTC 0 8 * * *")] },
  async ({ step }) => {
    const organizationIds = await step.run("organizations", async () =>
      (await rootDb().pluginInstallation.findMany({ where: { pluginId: "hello", enabled: true }, select: { organizationId: true } })).map((r) => r.organizationId),
    );
    if (organizationIds.length) {
      await step.sendEvent("digests", organizationIds.map((organizationId) => helloDigestRequested.create({ organizationId })));
    }
    return { organizations: organizationIds.length };
  },
);

export const functions = [helloDigest, helloDigestFanOut];
