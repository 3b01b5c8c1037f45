// Plugin jobs: the `plugins/<id>/jobs.ts` contract (core/jobs/plugin-jobs.ts) for every plugin, and the
// Hello plugin's digest job run for real — the app's own Inngest client and functions as served by
// /api/inngest, through the embedded executor and the SDK serve handler.
import "@/app/_plugins/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Inngest, InngestFunction } from "inngest";
import { pluginJobs } from "@/app/_plugins/jobs.generated";
import { rootDb } from "@/core/db/client";
import { createTestOrganization, enablePluginFor } from "@/core/testing/plugin-test-kit";
import { freePort } from "@/scripts/lib/free-port";
import { runOfEvent, startHarness, waitForRun, type Harness } from "../jobs/harness";

let h: Harness;
let send: (organizationId: string) => Promise<string>;

beforeAll(async () => {
  // What `npm run dev` does: the app's client in dev mode against the executor's URL.
  const port = await freePort();
  process.env.INNGEST_DEV = `http://127.0.0.1:${port}`;
  const { inngest } = (await import("@/inngest/client")) as { inngest: Inngest };
  const { helloDigestRequested } = await import("@/plugins/hello/jobs");
  h = await startHarness("plugin-jobs", () => Object.values(pluginJobs).flat() as InngestFunction.Any[], { client: inngest, port });
  send = async (organizationId) => (await inngest.send(helloDigestRequested.create({ organizationId }))).ids[0]!;
});

afterAll(async () => {
  await h?.close();
});

describe("the plugin jobs contract", () => {
  const all = Object.entries(pluginJobs).flatMap(([pluginId, fns]) => fns.map((fn) => ({ pluginId, fn })));

  it("collects Hello's functions", () => {
    expect(pluginJobs.hello?.map((fn) => fn.id())).toEqual(["hello-digest", "hello-digest-fan-out"]);
  });

  it.each(all.map((x) => [x.fn.id(), x] as const))("%s: id prefixed with its plugin, a name for the Jobs page, events carry organizationId", (_id, { pluginId, fn }) => {
    expect(fn.id().startsWith(`${pluginId}-`)).toBe(true);
    // The Jobs page shows the name; without one it would show the raw id.
    expect(fn.opts.name, `${fn.id()} has no name`).toMatch(/\S/);
    for (const trigger of (fn.opts.triggers ?? []) as Array<{ event?: string; schema?: { "~standard": { validate: (v: unknown) => unknown } } }>) {
      if (!trigger.event) continue;
      expect(trigger.schema, `${fn.id()}: trigger ${trigger.event} needs a schema`).toBeDefined();
      const result = trigger.schema!["~standard"].validate({}) as { issues?: Array<{ path?: unknown[] }> };
      expect(result.issues?.some((i) => i.path?.[0] === "organizationId"), `${fn.id()}: ${trigger.event} must require organizationId`).toBe(true);
    }
  });
});

describe("Hello's digest job", () => {
  it("counts and announces the organization's greetings, limited to one at a time per organization", async () => {
    const org = await createTestOrganization("Digest Clinic");
    await enablePluginFor(org, "hello");
    const unannounced = await rootDb().helloGreeting.count({ where: { organizationId: org.org.id, announcedAt: null } });
    expect(unannounced).toBeGreaterThan(0);
    const runId = await runOfEvent(h, "hello-digest", await send(org.org.id));
    const run = await waitForRun(runId);
    expect(run.status).toBe("completed");
    expect(run.output).toEqual({ greetingsToday: unannounced, announced: unannounced });
    expect(run.organizationId).toBe(org.org.id);
    expect(await rootDb().helloGreeting.count({ where: { organizationId: org.org.id, announcedAt: null } })).toBe(0);
    expect(await rootDb().jobConcurrency.findMany({ where: { runId }, select: { limit: true } })).toEqual([{ limit: 1 }]);
  });

  it("does nothing for an organization without Hello enabled, and says why", async () => {
    const org = await createTestOrganization("No Hello Clinic");
    const runId = await runOfEvent(h, "hello-digest", await send(org.org.id));
    const run = await waitForRun(runId);
    expect(run.status).toBe("completed");
    expect(run.output).toEqual({ skipped: "The hello plugin is not enabled for this organization." });
  });

  it("the daily fan-out is a time-zoned cron stored by the executor", async () => {
    const cron = await rootDb().jobCron.findFirst({ where: { functionId: "ritiko-hello-digest-fan-out" } });
    expect(cron?.cron).toBe("TZ=UTC 0 8 * * *");
    expect(cron!.nextAt.getUTCHours()).toBe(8);
  });
});
