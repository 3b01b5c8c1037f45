// Inventory's lifecycle through the real job path: enabling hands over (after commit, through the
// outbox) to the initial-import job run by the embedded executor; disabling cancels the organization's
// queued inventory jobs (cancelOn). The app's own Inngest client and functions, as /api/inngest serves them.
import "@/app/_plugins/runtime";
import type { Inngest, InngestFunction } from "inngest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pluginJobs } from "@/app/_plugins/jobs.generated";
import { rootDb } from "@/core/db/client";
import { createTestOrganization, disablePluginFor, enablePluginFor, runJobsToCompletion } from "@/core/testing/plugin-test-kit";
import { freePort } from "@/scripts/lib/free-port";
import { startHarness, waitForRun, type Harness } from "@/tests/jobs/harness";
import { until } from "@/tests/helpers/wait";
import { STARTER_CATALOG } from "../jobs/starter-catalog";

let h: Harness;

beforeAll(async () => {
  const port = await freePort();
  // What `npm run dev` gives the app: its client talks to the executor (dev mode here, no keys).
  process.env.INNGEST_DEV = `http://127.0.0.1:${port}`;
  const { inngest } = (await import("@/inngest/client")) as { inngest: Inngest };
  h = await startHarness("inventory-lifecycle", () => Object.values(pluginJobs).flat() as InngestFunction.Any[], { client: inngest, port });
});

afterAll(async () => {
  await h?.close();
});

const importRuns = (organizationId: string) => rootDb().jobRun.findMany({ where: { functionId: "ritiko-inventory-initial-import", organizationId } });

describe("enabling inventory", () => {
  it("runs the initial import once: the starter catalog, in the organization's default categories", async () => {
    const org = await createTestOrganization("Import Clinic");
    await enablePluginFor(org, "inventory");
    await runJobsToCompletion();
    await until("the import run", async () => (await importRuns(org.org.id)).length === 1);
    const [run] = await importRuns(org.org.id);
    expect((await waitForRun(run!.id)).output).toEqual({ created: STARTER_CATALOG.length, skipped: 0 });
    const items = await rootDb().inventoryItem.findMany({ where: { organizationId: org.org.id }, include: { category: true } });
    expect(items).toHaveLength(STARTER_CATALOG.length);
    expect(items.find((i) => i.sku === "MED-PARA-500")?.category?.slug).toBe("medications");

    // Disable and enable again: the import is idempotent per organization (no second run, no duplicates).
    await disablePluginFor(org, "inventory");
    await enablePluginFor(org, "inventory");
    await runJobsToCompletion();
    await new Promise((r) => setTimeout(r, 500));
    expect(await importRuns(org.org.id)).toHaveLength(1);
    expect(await rootDb().inventoryItem.count({ where: { organizationId: org.org.id } })).toBe(STARTER_CATALOG.length);
  });
});

describe("disabling inventory", () => {
  it("cancels the organization's queued inventory jobs, and only that organization's", async () => {
    // Keep runs queued: the worker stops, the event API still accepts events.
    await h.executor.executor.stop();
    try {
      const [a, b] = [await createTestOrganization("Cancel A"), await createTestOrganization("Cancel B")];
      await enablePluginFor(a, "inventory");
      await enablePluginFor(b, "inventory");
      await runJobsToCompletion();
      await until("both queued imports", async () => (await importRuns(a.org.id)).length === 1 && (await importRuns(b.org.id)).length === 1);
      await disablePluginFor(a, "inventory");
      // The cancel hand-over is delivered although the plugin is now disabled for A (whileDisabled).
      await runJobsToCompletion();
      const [runA] = await importRuns(a.org.id);
      const [runB] = await importRuns(b.org.id);
      await until("A's import cancelled", async () => (await rootDb().jobRun.findUniqueOrThrow({ where: { id: runA!.id } })).status === "cancelled");
      expect((await rootDb().jobRun.findUniqueOrThrow({ where: { id: runB!.id } })).status).toBe("queued");
      h.executor.executor.start();
      expect((await waitForRun(runB!.id)).status).toBe("completed");
      expect(await rootDb().inventoryItem.count({ where: { organizationId: a.org.id } })).toBe(0);
    } finally {
      h.executor.executor.start();
    }
  });
});
