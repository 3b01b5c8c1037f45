// The background-job write path through the real executor: enabling inventory hands over to the
// initial-import job (outbox -> event -> embedded executor -> the app's Inngest function), whose
// set-based insert of the starter catalog is audited as one batch with the job as actor.
import "@/app/_plugins/runtime";
import type { Inngest, InngestFunction } from "inngest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pluginJobs } from "@/app/_plugins/jobs.generated";
import { rootDb } from "@/core/db/client";
import { enablePluginFor, runJobsToCompletion } from "@/core/testing/plugin-test-kit";
import { freePort } from "@/scripts/lib/free-port";
import { startHarness, waitForRun, type Harness } from "@/tests/jobs/harness";
import { until } from "@/tests/helpers/wait";
import { STARTER_CATALOG } from "@/plugins/inventory/jobs/starter-catalog";
import { auditClinic, entriesOf, expectIntact } from "./helpers";

let h: Harness;
beforeAll(async () => {
  const port = await freePort();
  process.env.INNGEST_DEV = `http://127.0.0.1:${port}`;
  const { inngest } = (await import("@/inngest/client")) as { inngest: Inngest };
  h = await startHarness("audit-jobs", () => Object.values(pluginJobs).flat() as InngestFunction.Any[], { client: inngest, port });
});
afterAll(async () => {
  await h?.close();
});

describe("background jobs", () => {
  it("records the items the initial-import job creates, with the job as actor and source job", async () => {
    const org = await auditClinic("Job Clinic");
    await enablePluginFor(org, "inventory");
    await runJobsToCompletion();
    const runs = () => rootDb().jobRun.findMany({ where: { functionId: "ritiko-inventory-initial-import", organizationId: org.org.id } });
    await until("the import run", async () => (await runs()).length === 1);
    const [run] = await runs();
    expect((await waitForRun(run!.id)).status).toBe("completed");
    const created = await entriesOf(org.org.id, { targetType: "inventory.item", action: "created" });
    expect(created).toHaveLength(STARTER_CATALOG.length);
    for (const e of created) expect(e).toMatchObject({ actorType: "job", actorLabel: "job inventory-initial-import", source: "job" });
    expect(created.some((e) => e.targetLabel?.endsWith("(MED-PARA-500)"))).toBe(true);
    await expectIntact(org.org.id);
  }, 60_000);
});
