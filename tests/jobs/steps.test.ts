// step.waitForEvent, step.invoke and step.sendEvent through the embedded executor's HTTP service and the
// REAL inngest SDK serve handler (tests/jobs/harness.ts): the events that resume runs are sent with the
// SDK's own send(), as an app would.
import { randomUUID } from "node:crypto";
import { NonRetriableError } from "inngest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rootDb } from "@/core/db/client";
import { runOfEvent, startHarness, waitForRun, type Harness } from "./harness";
import { sleep, until } from "@/tests/helpers/wait";

const counts: Record<string, number> = {};
const bump = (key: string) => (counts[key] = (counts[key] ?? 0) + 1);

let h: Harness;

beforeAll(async () => {
  h = await startHarness("steps", (inngest) => {
    const approval = inngest.createFunction({ id: "approval", triggers: [{ event: "test/order.placed" }] }, async ({ event, step }) => {
      await step.run("before", () => bump(`before:${event.data.orderId}`));
      const approved = await step.waitForEvent("wait-approval", { event: "test/order.approved", match: "data.orderId", timeout: event.data.timeout });
      await step.run("after", () => bump(`after:${event.data.orderId}`));
      return { approvedBy: approved ? (approved.data as { by: string }).by : null };
    });
    const double = inngest.createFunction({ id: "double", triggers: [{ event: "test/double.direct" }] }, async ({ event, step }) => {
      const n = (event.data as { n: number; fail?: boolean; slow?: boolean }).n;
      if ((event.data as { fail?: boolean }).fail) throw new NonRetriableError(`cannot double ${n}`);
      if ((event.data as { slow?: boolean }).slow) await step.sleep("slowly", "3s");
      return step.run("double", () => n * 2);
    });
    const caller = inngest.createFunction({ id: "caller", retries: 0, triggers: [{ event: "test/caller" }] }, async ({ event, step }) => {
      const data = event.data as { n: number; fail?: boolean; slow?: boolean; organizationId?: string };
      try {
        // 1 s only where the timeout is the point (the slow child sleeps 3 s first); otherwise a loaded
        // CI box's two executor round trips must not count as a timeout (the pooled pass once took over 1 s).
        const timeout = data.slow ? "1s" : "60s";
        const doubled = await step.invoke("invoke-double", { function: double, data: { n: data.n, fail: data.fail, slow: data.slow }, timeout });
        return { doubled };
      } catch (err) {
        return { error: (err as Error).name, message: (err as Error).message };
      }
    });
    const notifier = inngest.createFunction({ id: "notifier", triggers: [{ event: "test/notify" }] }, async ({ event, step }) => {
      const sent = await step.sendEvent("fan-out", [
        { name: "test/notified", data: { key: event.data.key, i: 1 } },
        { name: "test/notified", data: { key: event.data.key, i: 2 } },
      ]);
      return { ids: sent.ids.length };
    });
    const notified = inngest.createFunction({ id: "notified", triggers: [{ event: "test/notified" }] }, async ({ event, step }) =>
      step.run("count", () => bump(`notified:${event.data.key}`)),
    );
    return [approval, double, caller, notifier, notified];
  });
});

afterAll(async () => {
  await h?.close();
});

async function send(name: string, data: Record<string, unknown>) {
  const { ids } = await h.inngest.send({ name, data });
  return ids[0]!;
}

describe("step.waitForEvent", () => {
  it("resumes with the matching event, ignoring events that do not match", async () => {
    const orderId = randomUUID();
    const runId = await runOfEvent(h, "approval", await send("test/order.placed", { orderId, timeout: "1m" }));
    await until("the wait to be recorded", async () => (await rootDb().jobWait.count({ where: { runId } })) === 1);
    const run = await rootDb().jobRun.findUniqueOrThrow({ where: { id: runId } });
    expect(run.status).toBe("running");
    // Waiting holds no queue item but its timeout.
    expect(await rootDb().jobQueueItem.findMany({ where: { runId }, select: { kind: true } })).toEqual([{ kind: "wait-timeout" }]);

    await send("test/order.approved", { orderId: randomUUID(), by: "someone else" });
    await sleep(300);
    expect((await rootDb().jobRun.findUniqueOrThrow({ where: { id: runId } })).status).toBe("running");

    await send("test/order.approved", { orderId, by: "dr-lee" });
    const done = await waitForRun(runId);
    expect(done.status).toBe("completed");
    expect(done.output).toEqual({ approvedBy: "dr-lee" });
    expect(counts[`before:${orderId}`]).toBe(1);
    expect(counts[`after:${orderId}`]).toBe(1);
    expect(await rootDb().jobWait.count({ where: { runId } })).toBe(0);
    expect(await rootDb().jobQueueItem.count({ where: { runId } })).toBe(0);
  });

  it("resumes with null when the timeout passes first, and a late event changes nothing", async () => {
    const orderId = randomUUID();
    const started = Date.now();
    const runId = await runOfEvent(h, "approval", await send("test/order.placed", { orderId, timeout: "1s" }));
    const done = await waitForRun(runId);
    expect(done.status).toBe("completed");
    expect(done.output).toEqual({ approvedBy: null });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    await send("test/order.approved", { orderId, by: "too-late" });
    await sleep(300);
    expect(counts[`after:${orderId}`]).toBe(1);
    expect((await rootDb().jobRun.findUniqueOrThrow({ where: { id: runId } })).output).toEqual({ approvedBy: null });
  });

  it("only matches events that arrive after the wait started", async () => {
    const orderId = randomUUID();
    // The approval is sent first; the run's wait starts afterwards and must not see it.
    await send("test/order.approved", { orderId, by: "early" });
    const runId = await runOfEvent(h, "approval", await send("test/order.placed", { orderId, timeout: "1s" }));
    expect((await waitForRun(runId)).output).toEqual({ approvedBy: null });
  });
});

describe("step.invoke", () => {
  it("runs the invoked function and returns its output to the caller", async () => {
    const organizationId = randomUUID();
    const runId = await runOfEvent(h, "caller", await send("test/caller", { n: 21, organizationId }));
    const done = await waitForRun(runId);
    expect(done.output).toEqual({ doubled: 42 });
    const child = await rootDb().jobRun.findFirstOrThrow({ where: { parentRunId: runId }, include: { event: true } });
    expect(child.functionId).toBe(`${h.appId}-double`);
    expect(child.status).toBe("completed");
    expect(child.output).toBe(42);
    // The child belongs to the caller's organization and carries Inngest's invocation metadata.
    expect(child.organizationId).toBe(organizationId);
    expect(child.event.name).toBe("inngest/function.invoked");
    expect(child.event.data).toMatchObject({ n: 21, _inngest: { source_fn_id: `${h.appId}-caller`, source_run_id: runId } });
  });

  it("throws the invoked run's error in the caller", async () => {
    const runId = await runOfEvent(h, "caller", await send("test/caller", { n: 1, fail: true }));
    const done = await waitForRun(runId);
    expect(done.status).toBe("completed");
    expect(done.output).toMatchObject({ error: "NonRetriableError", message: expect.stringContaining("cannot double 1") });
    const child = await rootDb().jobRun.findFirstOrThrow({ where: { parentRunId: runId } });
    expect(child.status).toBe("failed");
  });

  it("throws InngestInvokeTimeoutError when the invoked run outlives the timeout, and its late result is ignored", async () => {
    const runId = await runOfEvent(h, "caller", await send("test/caller", { n: 5, slow: true }));
    const done = await waitForRun(runId);
    expect(done.output).toMatchObject({ error: "InngestInvokeTimeoutError", message: expect.stringContaining("Timed out") });
    const child = await rootDb().jobRun.findFirstOrThrow({ where: { parentRunId: runId } });
    expect((await waitForRun(child.id)).output).toBe(10);
    // The child finishing later does not resume or change the caller.
    await sleep(200);
    const after = await rootDb().jobRun.findUniqueOrThrow({ where: { id: runId } });
    expect(after.output).toEqual(done.output);
    expect(await rootDb().jobQueueItem.count({ where: { runId } })).toBe(0);
  });
});

describe("step.sendEvent", () => {
  it("sends events through the executor's event API, starting their functions once", async () => {
    const key = randomUUID();
    const runId = await runOfEvent(h, "notifier", await send("test/notify", { key }));
    expect((await waitForRun(runId)).output).toEqual({ ids: 2 });
    await until("both notified runs", async () => counts[`notified:${key}`] === 2);
    const events = await rootDb().jobEvent.findMany({ where: { name: "test/notified", data: { path: ["key"], equals: key } } });
    expect(events).toHaveLength(2);
  });
});
