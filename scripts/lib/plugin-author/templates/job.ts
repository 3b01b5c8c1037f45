// jobs.ts (an Inngest function per organization, triggered by an event) and its test through the
// embedded executor with the test kit's runJob.
import type { Template } from "./types";

export const job: Template = (n) => [
  {
    path: "jobs.ts",
    content: `// ${n.title}'s background jobs (the \`jobs.ts\` file-name contract, core/jobs/plugin-jobs.ts): send
// ${n.id}/tally.requested with an organizationId and the tally counts that organization's records,
// one run at a time per organization, skipped where the plugin is disabled. Add \`cron(...)\` triggers
// for periodic work (plugins/hello/jobs.ts fans a daily cron out per organization).
import { eventType } from "inngest";
import { z } from "zod";
import { scopedDb } from "@/core/db/scoped";
import { perOrganization, pluginJobId, skipUnlessEnabled } from "@/core/jobs/plugin-jobs";
import { inngest } from "@/inngest/client";

export const tallyRequested = eventType("${n.id}/tally.requested", {
  schema: z.object({ organizationId: z.uuid() }),
});

export const tally = inngest.createFunction(
  { id: pluginJobId("${n.id}", "tally"), name: "${n.title}: count the records", concurrency: perOrganization(1), triggers: [tallyRequested] },
  async ({ event, step }) => {
    const { organizationId } = event.data;
    const skipped = await step.run("check-enabled", () => skipUnlessEnabled("${n.id}", organizationId));
    if (skipped) return skipped;
    const records = await step.run("count", () => scopedDb(organizationId).${n.camel}Record.count());
    return { records };
  },
);

export const functions = [tally];
`,
  },
  {
    path: "tests/jobs.test.ts",
    content: `// The tally job run for real: the app's Inngest client, the embedded executor (tests/kit/jobs.ts).
import "@/app/_plugins/runtime";
import { describe, expect, it } from "vitest";
import { createTestOrganization, enablePluginFor } from "@/core/testing/plugin-test-kit";
import { runJob } from "@/tests/kit/jobs";
import { tallyRequested } from "../jobs";
import { createRecord } from "../records";

describe("the ${n.title} tally job", () => {
  it("counts the organization's records, and skips where the plugin is disabled", async () => {
    const org = await createTestOrganization();
    await enablePluginFor(org, "${n.id}");
    await createRecord(await org.as("owner"), { name: "One", note: "" });
    await createRecord(await org.as("owner"), { name: "Two", note: "" });
    const run = await runJob("${n.id}-tally", tallyRequested.create({ organizationId: org.org.id }));
    expect([run.status, run.output]).toEqual(["completed", { records: 2 }]);

    const off = await createTestOrganization("Off Clinic");
    const skipped = await runJob("${n.id}-tally", tallyRequested.create({ organizationId: off.org.id }));
    expect(skipped.output).toEqual({ skipped: "The ${n.id} plugin is not enabled for this organization." });
  });
});
`,
  },
];
