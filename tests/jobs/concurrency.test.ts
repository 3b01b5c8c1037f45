// Concurrency limits with keys through the embedded executor and the REAL SDK serve handler: a limit
// caps the steps executing at once per key, and a per-organization key keeps one organization's backlog
// from delaying another organization's jobs.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rootDb } from "@/core/db/client";
import { runOfEvent, startHarness, waitForRun, type Harness } from "./harness";
import { sleep, until } from "@/tests/helpers/wait";

/** Steps executing right now, and the most seen at once, per bucket. */
const live: Record<string, number> = {};
const peak: Record<string, number> = {};
const finishedAt: Record<string, number> = {};

/**
 * Gates the test opens: a step holds until its gate opens, so "two at once" and "the quiet run
 * finished while the backlog waited" are states the test waits for, not timings it hopes for.
 */
const gates = new Map<string, { open: () => void; opened: Promise<void> }>();
function gate(name: string) {
  let g = gates.get(name);
  if (!g) {
    let open!: () => void;
    const opened = new Promise<void>((r) => (open = r));
    gates.set(name, (g = { open, opened }));
  }
  return g;
}

async function busy(bucket: string, hold: Promise<void>) {
  live[bucket] = (live[bucket] ?? 0) + 1;
  peak[bucket] = Math.max(peak[bucket] ?? 0, live[bucket]!);
  await hold;
  live[bucket]!--;
}

let h: Harness;

beforeAll(async () => {
  h = await startHarness(
    "concurrency",
    (inngest) => [
      inngest.createFunction({ id: "global-two", concurrency: 2, triggers: [{ event: "test/global-two" }] }, async ({ event, step }) => {
        await step.run("work", () => busy(`global:${event.data.batch}`, gate(`global:${event.data.batch}`).opened));
      }),
      inngest.createFunction(
        { id: "per-org", concurrency: { limit: 1, key: "event.data.organizationId" }, triggers: [{ event: "test/per-org" }] },
        async ({ event, step }) => {
          const { organizationId, batch, tag } = event.data as { organizationId: string; batch: string; tag: string };
          await step.run("work", async () => {
            await busy(`org:${batch}:${organizationId}`, gate(`org:${batch}:${organizationId}`).opened);
          });
          finishedAt[tag] = Date.now();
        },
      ),
    ],
    { executor: { concurrency: 10, batchSize: 20 } },
  );
});

afterAll(async () => {
  await h?.close();
});

async function sendMany(name: string, list: Array<Record<string, unknown>>) {
  const { ids } = await h.inngest.send(list.map((data) => ({ name, data })));
  return ids;
}

describe("concurrency limits", () => {
  it("never runs more than `limit` steps of the function at once, and does use the limit", async () => {
    const batch = randomUUID();
    const ids = await sendMany("test/global-two", Array.from({ length: 6 }, () => ({ batch })));
    const runs = await Promise.all(ids.map((id) => runOfEvent(h, "global-two", id)));
    // Two steps hold at the gate: the limit is used ...
    await until("two steps at once", () => live[`global:${batch}`] === 2, 20_000);
    // ... and while they hold, the executor keeps polling; a third step would show in the peak.
    await sleep(500);
    gate(`global:${batch}`).open();
    for (const id of runs) expect((await waitForRun(id)).status).toBe("completed");
    expect(peak[`global:${batch}`]).toBe(2);
  });

  it("limits each organization separately: one organization's backlog does not hold up another's run", async () => {
    const batch = randomUUID();
    const [busyOrg, quietOrg] = [randomUUID(), randomUUID()];
    gate(`org:${batch}:${quietOrg}`).open(); // the quiet organization's step does not wait
    const backlog = await sendMany(
      "test/per-org",
      Array.from({ length: 8 }, (_, i) => ({ organizationId: busyOrg, batch, tag: `busy-${i}` })),
    );
    const [quiet] = await sendMany("test/per-org", [{ organizationId: quietOrg, batch, tag: "quiet" }]);
    const runs = await Promise.all([...backlog, quiet!].map((id) => runOfEvent(h, "per-org", id)));
    // The quiet organization's run, sent after all eight, completes while the busy organization's
    // first step still holds at its gate and the other seven wait behind it.
    expect((await waitForRun(runs[8]!)).status).toBe("completed");
    expect(live[`org:${batch}:${busyOrg}`]).toBe(1);
    expect(Object.keys(finishedAt).filter((t) => t.startsWith("busy-"))).toEqual([]);
    gate(`org:${batch}:${busyOrg}`).open();
    for (const id of runs) expect((await waitForRun(id)).status).toBe("completed");
    // One at a time within an organization.
    expect(peak[`org:${batch}:${busyOrg}`]).toBe(1);
    expect(peak[`org:${batch}:${quietOrg}`]).toBe(1);
    // The key is stored per run, with the function's limit.
    const keys = await rootDb().jobConcurrency.findMany({ where: { runId: runs[0]! } });
    expect(keys).toEqual([{ runId: runs[0], key: JSON.stringify([`${h.appId}-per-org`, "event.data.organizationId", busyOrg]), limit: 1 }]);
  });
});
