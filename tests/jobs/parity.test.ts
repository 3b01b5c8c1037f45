// Protocol parity suite: the embedded executor against the REAL inngest@4.24.0 serve handler.
//
// "Parity" here means: for each scenario, the sequence of POST /api/inngest calls our executor makes —
// URL, headers, body (version, event(s), memoized steps, ctx) — and the SDK's answers to them (status,
// headers, ops) are what the real Inngest server would exchange with the same SDK, request by request.
// The expectations come from reading the real server (github.com/inngest/inngest, commit 253303cd):
//   pkg/execution/driver/request.go             the call body (SDKRequest, SDKRequestContext, FunctionStack)
//   pkg/execution/driver/driver.go              MarshalV1: how the body is filled (stack, steps, user, JCS)
//   pkg/execution/driver/httpdriver/*.go        request headers, stepId query param, signing, ShouldRetry
//   pkg/execution/executor/executor.go          stackIndex, ForceStepPlan, sleep/invoke/StepFailed handling
//   pkg/execution/executor/finalize.go, util.go inngest/function.failed, IsStepRetryable
//   pkg/execution/state/opcode.go, pause.go     what is memoized for each op
//   pkg/backoff/backoff.go, pkg/event/*.go, pkg/deploy/deploy.go, docs/SDK_SPEC.md
//   tests/sdk_step_test.go, sdk_retry_test.go, sdk_no_retry_test.go, sdk_wait_for_event_test.go,
//   tests/js/src/inngest/sdk_parallel_test.ts   request-by-request expectations (the scenarios below
//                                               reuse their step ids, so their golden hashes apply)
// Golden values live in ./parity-expectations.ts. Checks are ours, written from what those files say.
//
// Where we knowingly differ from the real server, the test PINS our behaviour (so a change is noticed)
// and the comment says what Inngest does. Remaining divergences:
//   1. ctx has no fn_id / env / step_id / qi_id / request_id / job_id, and the body has no top-level
//      use_api / defers (request.go). fn_id is left out on purpose: with it the SDK checkpoints through
//      /v1/checkpoint, which we do not serve — so one step per request, never several (no checkpointing).
//   2. version: we send 2 from the first call; Inngest sends -1 (consts.RequestVersionUnknown, set in
//      executor.go) on the first call, lets the SDK decide, then echoes the SDK's x-inngest-req-version
//      (also as a request header). With 4.24 both end at version 2.
//   3. Request headers: only content-type (+ x-inngest-signature when signed). Inngest also sends X-Run-ID,
//      X-Inngest-Step-ID, x-inngest-req-version, x-request-id, x-inngest-job-id, x-inngest-generation-id,
//      account-id, traceparent/tracestate (httpdriver.go do()); the in-band sync PUT lacks
//      X-Inngest-Server-Kind (deploy.go Ping).
//   4. Event shape: no `user: {}` (driver.go MarshalV1 always adds it). Ids are UUIDs, not ULIDs. (Fixed:
//      an event sent without an id now has one id, send()'s answer and event.id alike, as on Inngest —
//      the SDK's x-inngest-event-id-seed only deduplicates the send's retries.)
//   5. sleep / waitForEvent results are memoized as {data: null} / {data: <event>}; Inngest stores bare
//      null / the bare event (executor.go SaveStep(..., "null"), pause.go GetResumeData, SDK_SPEC §5.3.2-3).
//      The SDK reads both the same (api/schema.js stepSchema falls back to {data: v}).
//   6. Parallelism: after a call reported >1 step, Inngest sets ForceStepPlan for the REST of the run
//      (executor.go HandleGeneratorResponse; SDK_SPEC §5.5), so every later call has
//      disable_immediate_execution true and even a lone step is StepPlanned then run in its own call. We
//      set it only on the planned calls (stepId=<hash>): the step after a parallel group runs in the
//      discovery call, one call fewer. stack.current: Inngest sends the stack index of the step that
//      scheduled the call (executor.go stackIndex, e.g. 0 for every planned step of the first group); we
//      send the stack length. inngest@4.24 does not read `current`.
//   7. inngest/function.failed data lacks `events` and `_inngest: {status}`; its event id is
//      "inngest/function.failed:<run id>", not the run id (finalize.go).
//   8. (Fixed) A 200/206 answer without x-inngest-sdk is now refused and retried, as Inngest does
//      ("not an SDK response", httpdriver.go ErrNotSDK, headers.IsSDK).
//   9. Memoized step errors keep every field the SDK sent (e.g. __serialized); Inngest keeps only
//      name/message/stack/data/noRetry/cause (state/driver_response.go UserError). A StepError whose
//      error says noRetry is retried by us, not by Inngest (util.go IsStepRetryable) — 4.24 sends
//      StepFailed in that case, so it does not arise with this SDK.
//  10. Backoff jitter is up to 10% of the table delay; Inngest adds 0-30 s (backoff.go TableBackoff).
//      step.invoke without timeout waits forever; Inngest expires it after a year (opcode.go).
//  11. (Fixed) An executor now claims only its own app's queue items and crons (queue.ts claimDue,
//      schedule.ts fireDueCrons), as Inngest routes a run only to its app. The `served` counters below
//      still check that every call of a run is in this transcript.
// Not covered here: flow control (throttle, rateLimit, debounce, batch, priority, singleton), AI/fetch
// gateway ops, signals, use_api payload trimming.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { NonRetriableError } from "inngest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rootDb } from "@/core/db/client";
import { callFunction } from "@/inngest/executor/call";
import type { CallBody, StepOp } from "@/inngest/executor/protocol";
import { canonicalJson, verifySignature } from "@/inngest/executor/signature";
import { runOfEvent, startHarness, waitForRun, type Exchange, type Harness } from "./harness";
import { sleep, until } from "@/tests/helpers/wait";
import {
  BODY_KEYS,
  CALL_REQUEST_HEADERS,
  CTX_KEYS,
  EVENT_KEYS,
  FUNCTION_FAILED_DATA_KEYS,
  GOLDEN_HASHES,
  SDK_RESPONSE_HEADERS,
  SDK_VERSION,
  SYNC_REQUEST_HEADERS,
} from "./parity-expectations";

/** The SDK's step hash: sha1 hex of the step id (SDK_SPEC §5.1.2; repeats get ":n"). */
const hashId = (id: string) => createHash("sha1").update(id).digest("hex");

// How many times each step body ran, keyed "<event key>:<step>".
const counts: Record<string, number> = {};
const bump = (key: string) => (counts[key] = (counts[key] ?? 0) + 1);
/**
 * Counts, on the app side, the calls that reached a run's handler: a call made by any other executor
 * would be missing from our transcript, and comparing both counts turns that into a clear failure.
 */
const served = (runId: string) => bump(`served:${runId}`);

type Data = { key: string; id?: string; timeout?: string };

let h: Harness;
/** When each exchange was recorded (= when its answer arrived). */
const seenAt = new WeakMap<Exchange, number>();

beforeAll(async () => {
  h = await startHarness("parity", (inngest) => {
    // tests/js/src/inngest/sdk_step_test.ts without the sleep (the sleep has its own scenario).
    const seq = inngest.createFunction({ id: "seq", triggers: [{ event: "parity/seq" }] }, async ({ event, step, runId }) => {
      served(runId);
      const { key } = event.data as Data;
      const data = await step.run("first step", () => (bump(`${key}:first`), "first step"));
      await step.run("second step", () => (bump(`${key}:second`), { first: data, second: true }));
      return { name: event.name, body: "ok" };
    });
    const repeat = inngest.createFunction({ id: "repeat", triggers: [{ event: "parity/repeat" }] }, async ({ step, runId }) => {
      served(runId);
      const out: number[] = [];
      for (let i = 0; i < 3; i++) out.push(await step.run("first step", () => i));
      return out;
    });
    // tests/js/src/inngest/sdk_retry_test.ts: the step fails once, then the function body fails once.
    const retry = inngest.createFunction({ id: "retry", retries: 2, triggers: [{ event: "parity/retry" }] }, async ({ event, step, runId }) => {
      served(runId);
      const { key } = event.data as Data;
      const data = await step.run("first step", () => {
        if (bump(`${key}:step`) === 1) throw new Error("broken");
        return `yes: ${counts[`${key}:step`]}`;
      });
      if (bump(`${key}:fn`) === 1) throw new Error("broken func");
      return { name: event.name, body: "ok", data };
    });
    const doomed = inngest.createFunction(
      {
        id: "doomed",
        retries: 1,
        triggers: [{ event: "parity/doomed" }],
        onFailure: async ({ event, error, runId }) => {
          served(runId);
          return { name: event.name, errorMessage: error.message };
        },
      },
      async ({ event, step, runId }) => {
        served(runId);
        await step.run("always-fails", () => {
          bump(`${(event.data as Data).key}:always-fails`);
          throw new Error("boom");
        });
      },
    );
    const plain = inngest.createFunction({ id: "plain", retries: 1, triggers: [{ event: "parity/plain" }] }, async ({ runId }) => {
      served(runId);
      throw new Error("plain boom");
    });
    const nonret = inngest.createFunction({ id: "nonret", triggers: [{ event: "parity/nonret" }] }, async ({ runId }) => {
      served(runId);
      throw new NonRetriableError("nope");
    });
    // tests/js/src/inngest/sdk_no_retry_test.ts: a NonRetriableError in a step, caught by the function.
    const nonretStep = inngest.createFunction({ id: "nonret-step", triggers: [{ event: "parity/nonret-step" }] }, async ({ step, runId }) => {
      served(runId);
      try {
        await step.run("first step", () => {
          throw new NonRetriableError("no retry plz");
        });
      } catch {
        return "ok";
      }
      return "not reached";
    });
    // The step id of sdk_step_test's sleep ("for 2s"), so its golden hash applies; 1 s keeps it short.
    const sleeper = inngest.createFunction({ id: "sleeper", triggers: [{ event: "parity/sleep" }] }, async ({ step, runId }) => {
      served(runId);
      await step.sleep("for 2s", "1s");
      return "awake";
    });
    // tests/js/src/inngest/sdk_wait_for_event_test.ts.
    const waiter = inngest.createFunction({ id: "waiter", triggers: [{ event: "parity/wait" }] }, async ({ event, step, runId }) => {
      served(runId);
      const result = await step.waitForEvent("test/resume", {
        event: "parity/resume",
        if: "async.data.resume == true && async.data.id == event.data.id",
        timeout: (event.data as Data).timeout ?? "10s",
      });
      return { result: result?.data ?? null };
    });
    const child = inngest.createFunction({ id: "child", triggers: [{ event: "parity/child.direct" }] }, async ({ event, step, runId }) => {
      served(runId);
      return step.run("double", () => (event.data as { n: number }).n * 2);
    });
    const parent = inngest.createFunction({ id: "parent", triggers: [{ event: "parity/parent" }] }, async ({ step, runId }) => {
      served(runId);
      const doubled = await step.invoke("call-child", { function: child, data: { n: 21 } });
      return { doubled };
    });
    // tests/js/src/inngest/sdk_parallel_test.ts.
    const par = inngest.createFunction({ id: "par", triggers: [{ event: "parity/par" }] }, async ({ event, step, runId }) => {
      served(runId);
      const { key } = event.data as Data;
      const [a, b, c] = await Promise.all(["a", "b", "c"].map((s) => step.run(s, () => (bump(`${key}:${s}`), s))));
      const d = await step.run("d", () => (bump(`${key}:d`), "d"));
      return { a, b, c, d };
    });
    return [seq, repeat, retry, doomed, plain, nonret, nonretStep, sleeper, waiter, child, parent, par];
  });
  const push = h.transcript.push.bind(h.transcript);
  h.transcript.push = (...items: Exchange[]) => {
    for (const x of items) seenAt.set(x, Date.now());
    return push(...items);
  };
});

let hClosed = false;
afterAll(async () => {
  if (!hClosed) await h?.close();
});

const bodyOf = (x: Exchange) => x.requestBody as CallBody;
const opsOf = (x: Exchange) => x.responseBody as StepOp[];
const fnId = (fn: string) => `${h.appId}-${fn}`;

/** Sends the event with the SDK's send() and returns [run id, key]. */
async function trigger(fn: string, name: string, data: Partial<Data> = {}): Promise<[string, string]> {
  const key = randomUUID();
  const { ids } = await h.inngest.send({ name, data: { key, ...data } });
  return [await runOfEvent(h, fn, ids[0]!), key];
}

/** The run's calls in order, checked against what the app served (see `served`). */
function callsOf(runId: string): Exchange[] {
  const calls = h.callsOf(runId);
  const why = `run ${runId}: calls recorded by our executor vs calls the app served (another executor sharing the database made the difference)`;
  expect(calls.length, why).toBe(counts[`served:${runId}`] ?? 0);
  return calls;
}

/** Runs to the end and returns the run's calls (exchanges) in order. */
async function runToEnd(fn: string, name: string, data: Partial<Data> = {}) {
  const [runId, key] = await trigger(fn, name, data);
  const run = await waitForRun(runId);
  return { runId, key, run, calls: callsOf(runId) };
}

/** The checks every call of every scenario must pass. */
function expectWellFormedCall(x: Exchange, runId: string) {
  const body = bodyOf(x);
  expect(x.method).toBe("POST");
  expect(Object.keys(body).sort()).toEqual(BODY_KEYS.ours);
  expect(Object.keys(body.ctx).sort()).toEqual(CTX_KEYS.ours);
  expect(Object.keys(body.event).sort()).toEqual(EVENT_KEYS.ours);
  expect(body.version).toBe(2);
  expect(body.ctx.run_id).toBe(runId);
  expect(body.ctx.use_api).toBe(false);
  expect(body.events).toEqual([body.event]);
  // The stack lists exactly the memoized steps (MarshalV1 sends only steps that are in the stack).
  expect([...body.ctx.stack.stack].sort()).toEqual(Object.keys(body.steps).sort());
}

describe("1. sequential steps", () => {
  it("runs each step once; call N+1 memoizes step N under sha1(id), in stack order", async () => {
    const { runId, key, run, calls } = await runToEnd("seq", "parity/seq");
    expect(run.status).toBe("completed");
    const h1 = GOLDEN_HASHES["first step"];
    const h2 = GOLDEN_HASHES["second step"];
    expect(hashId("first step")).toBe(h1);

    expect(calls.map((x) => x.status)).toEqual([206, 206, 200]);
    calls.forEach((x) => expectWellFormedCall(x, runId));
    expect(calls.map((x) => bodyOf(x).ctx.attempt)).toEqual([0, 0, 0]);
    expect(calls.map((x) => bodyOf(x).ctx.max_attempts)).toEqual([5, 5, 5]); // default 4 retries + 1
    expect(calls.map((x) => bodyOf(x).ctx.disable_immediate_execution)).toEqual([false, false, false]);
    expect(calls.map((x) => bodyOf(x).ctx.stack)).toEqual([
      { stack: [], current: 0 },
      { stack: [h1], current: 1 },
      { stack: [h1, h2], current: 2 },
    ]);
    expect(calls.map((x) => bodyOf(x).steps)).toEqual([
      {},
      { [h1]: { data: "first step" } },
      { [h1]: { data: "first step" }, [h2]: { data: { first: "first step", second: true } } },
    ]);
    // Every call carries the same triggering event.
    for (const x of calls) expect(bodyOf(x).event).toEqual(bodyOf(calls[0]!).event);
    expect(bodyOf(calls[0]!).event).toMatchObject({ name: "parity/seq", data: { key }, id: expect.any(String), ts: expect.any(Number) });

    expect(opsOf(calls[0]!)).toEqual([expect.objectContaining({ op: "StepRun", id: h1, name: "first step", displayName: "first step", data: "first step" })]);
    expect(opsOf(calls[1]!)).toEqual([expect.objectContaining({ op: "StepRun", id: h2, displayName: "second step", data: { first: "first step", second: true } })]);
    expect(calls[2]!.responseBody).toEqual({ name: "parity/seq", body: "ok" });
    expect(counts[`${key}:first`]).toBe(1);
    expect(counts[`${key}:second`]).toBe(1);
  });

  it("hashes a repeated step id as id, id:1, id:2 (SDK_SPEC §5.1.2)", async () => {
    const { run, calls } = await runToEnd("repeat", "parity/repeat");
    expect(run.output).toEqual([0, 1, 2]);
    const ids = [hashId("first step"), hashId("first step:1"), hashId("first step:2")];
    expect(calls.slice(0, 3).map((x) => opsOf(x)[0]?.id)).toEqual(ids);
    expect(bodyOf(calls[3]!).ctx.stack.stack).toEqual(ids);
  });
});

describe("2. a step that fails once (tests/sdk_retry_test.go)", () => {
  it("StepError with no-retry:false, retried with attempt+1; attempt resets after the step succeeds", async () => {
    const { runId, run, calls } = await runToEnd("retry", "parity/retry");
    const h1 = GOLDEN_HASHES["first step"];
    expect(run.status).toBe("completed");
    expect(calls.map((x) => [x.status, bodyOf(x).ctx.attempt])).toEqual([
      [206, 0], // StepError
      [206, 1], // the step again: StepRun
      [500, 0], // attempt reset: the function body fails
      [200, 1], // the function retried
    ]);
    calls.forEach((x) => expectWellFormedCall(x, runId));
    expect(calls.map((x) => bodyOf(x).ctx.max_attempts)).toEqual([3, 3, 3, 3]);

    expect(opsOf(calls[0]!)).toEqual([expect.objectContaining({ op: "StepError", id: h1, name: "first step", error: expect.objectContaining({ name: "Error", message: "broken" }) })]);
    expect(calls[0]!.responseHeaders["x-inngest-no-retry"]).toBe("false");
    // The failed attempt memoizes nothing.
    expect(bodyOf(calls[1]!).steps).toEqual({});
    expect(opsOf(calls[1]!)).toEqual([expect.objectContaining({ op: "StepRun", id: h1, data: "yes: 2" })]);
    expect(calls[1]!.responseHeaders["x-inngest-no-retry"]).toBeUndefined();
    expect(bodyOf(calls[2]!).steps).toEqual({ [h1]: { data: "yes: 2" } });
    expect(bodyOf(calls[2]!).ctx.stack).toEqual({ stack: [h1], current: 1 });
    expect(calls[2]!.responseHeaders["x-inngest-no-retry"]).toBe("false");
    expect(calls[2]!.responseBody).toMatchObject({ name: "Error", message: "broken func" });
    expect(bodyOf(calls[3]!).steps).toEqual({ [h1]: { data: "yes: 2" } });
    expect(calls[3]!.responseBody).toEqual({ name: "parity/retry", body: "ok", data: "yes: 2" });
  });
});

describe("3. final failure and onFailure", () => {
  it("StepError, then StepFailed on the last attempt; the memoized error fails the run (400) and inngest/function.failed starts onFailure", async () => {
    const { runId, key, run, calls } = await runToEnd("doomed", "parity/doomed");
    const hs = hashId("always-fails");
    expect(run.status).toBe("failed");
    expect(run.error).toMatchObject({ name: "Error", message: "boom" });
    expect(calls.map((x) => [x.status, bodyOf(x).ctx.attempt, x.responseHeaders["x-inngest-no-retry"]])).toEqual([
      [206, 0, "false"],
      [206, 1, "true"],
      [400, 0, "true"],
    ]);
    calls.forEach((x) => expectWellFormedCall(x, runId));
    expect(opsOf(calls[0]!)).toEqual([expect.objectContaining({ op: "StepError", id: hs })]);
    expect(opsOf(calls[1]!)).toEqual([expect.objectContaining({ op: "StepFailed", id: hs, error: expect.objectContaining({ name: "Error", message: "boom" }) })]);
    // Memoized as {error}, like Inngest (opcode.go Output wraps StepFailed in "error"); the SDK throws it
    // in the function, which then fails for good without a retry.
    expect(bodyOf(calls[2]!).steps).toEqual({ [hs]: { error: expect.objectContaining({ name: "Error", message: "boom" }) } });
    expect(bodyOf(calls[2]!).ctx.stack).toEqual({ stack: [hs], current: 1 });
    expect(calls[2]!.responseBody).toMatchObject({ name: "Error", message: "boom" });
    expect(counts[`${key}:always-fails`]).toBe(2);

    // onFailure: the <fnId>-failure function, triggered by inngest/function.failed.
    let failureRunId = "";
    await until("the onFailure run", async () => {
      const r = await rootDb().jobRun.findFirst({ where: { functionId: fnId("doomed-failure"), event: { data: { path: ["run_id"], equals: runId } } } });
      failureRunId = r?.id ?? "";
      return Boolean(r);
    });
    const failureRun = await waitForRun(failureRunId);
    expect(failureRun.status).toBe("completed");
    expect(failureRun.output).toEqual({ name: "inngest/function.failed", errorMessage: "boom" });
    const [failureCall, ...more] = callsOf(failureRunId);
    expect(more).toHaveLength(0);
    expectWellFormedCall(failureCall!, failureRunId);
    expect(failureCall!.url.searchParams.get("fnId")).toBe(fnId("doomed-failure"));
    const failed = bodyOf(failureCall!).event;
    expect(failed.name).toBe("inngest/function.failed");
    expect(failed.data).toEqual({
      function_id: fnId("doomed"),
      run_id: runId,
      error: expect.objectContaining({ name: "Error", message: "boom" }),
      event: bodyOf(calls[0]!).event,
    });
    // DIVERGENCE (7): Inngest's data also has `events` and `_inngest: {status}`, and the event id is the run id.
    expect(Object.keys(failed.data as object).sort()).toEqual(FUNCTION_FAILED_DATA_KEYS.ours);
    expect(failed.id).toBe(`inngest/function.failed:${runId}`);
  });

  it("a function that throws: 500 (no-retry:false), and on the last attempt the SDK itself answers 400 no-retry:true", async () => {
    const { runId, run, calls } = await runToEnd("plain", "parity/plain");
    expect(run.status).toBe("failed");
    expect(calls.map((x) => [x.status, bodyOf(x).ctx.attempt, bodyOf(x).ctx.max_attempts, x.responseHeaders["x-inngest-no-retry"]])).toEqual([
      [500, 0, 2, "false"],
      [400, 1, 2, "true"],
    ]);
    calls.forEach((x) => expectWellFormedCall(x, runId));
    for (const x of calls) expect(x.responseBody).toMatchObject({ name: "Error", message: "plain boom" });
  });
});

describe("4. NonRetriableError", () => {
  it("thrown by the function: 400 with x-inngest-no-retry: true, and no retry", async () => {
    const { runId, run, calls } = await runToEnd("nonret", "parity/nonret");
    expect(run.status).toBe("failed");
    expect(run.error).toMatchObject({ name: "NonRetriableError", message: "nope" });
    await sleep(300); // a retry would come after the 50 ms test backoff
    const after = callsOf(runId);
    expect(after).toHaveLength(1);
    expect(calls).toHaveLength(1);
    expectWellFormedCall(after[0]!, runId);
    expect(after[0]!.status).toBe(400);
    expect(after[0]!.responseHeaders["x-inngest-no-retry"]).toBe("true");
    expect(after[0]!.responseBody).toMatchObject({ name: "NonRetriableError", message: "nope" });
  });

  it("thrown by a step (tests/sdk_no_retry_test.go): StepFailed at attempt 0, then the error is memoized for try/catch", async () => {
    const { runId, run, calls } = await runToEnd("nonret-step", "parity/nonret-step");
    const h1 = GOLDEN_HASHES["first step"];
    expect(run.status).toBe("completed");
    expect(run.output).toBe("ok");
    expect(calls.map((x) => [x.status, bodyOf(x).ctx.attempt])).toEqual([
      [206, 0],
      [200, 0],
    ]);
    calls.forEach((x) => expectWellFormedCall(x, runId));
    // inngest@4.24 reports StepFailed (older SDKs: StepError with noRetry, as in the Go test).
    expect(opsOf(calls[0]!)).toEqual([expect.objectContaining({ op: "StepFailed", id: h1, error: expect.objectContaining({ name: "NonRetriableError", message: "no retry plz" }) })]);
    expect(calls[0]!.responseHeaders["x-inngest-no-retry"]).toBe("true");
    expect(bodyOf(calls[1]!).steps).toEqual({ [h1]: { error: expect.objectContaining({ name: "NonRetriableError", message: "no retry plz" }) } });
    expect(bodyOf(calls[1]!).ctx.stack).toEqual({ stack: [h1], current: 1 });
    expect(calls[1]!.responseBody).toBe("ok");
  });
});

describe("5. sleep", () => {
  it("Sleep op with the duration in `name`; after it, the sleep step is memoized with null data", async () => {
    const { runId, run, calls } = await runToEnd("sleeper", "parity/sleep");
    const hs = GOLDEN_HASHES["for 2s"];
    expect(run.status).toBe("completed");
    expect(calls.map((x) => x.status)).toEqual([206, 200]);
    calls.forEach((x) => expectWellFormedCall(x, runId));
    // inngest@4.24 puts the duration in `name` (SDK_SPEC §5.3.2 says opts.duration; the SDK wins).
    expect(opsOf(calls[0]!)).toEqual([expect.objectContaining({ op: "Sleep", id: hs, name: "1s", displayName: "for 2s" })]);
    // DIVERGENCE (5): Inngest memoizes a bare null (tests/sdk_step_test.go: hashes["sleep"]: nil).
    expect(bodyOf(calls[1]!).steps).toEqual({ [hs]: { data: null } });
    expect(bodyOf(calls[1]!).ctx.stack).toEqual({ stack: [hs], current: 1 });
    expect(bodyOf(calls[1]!).ctx.attempt).toBe(0);
    expect(calls[1]!.responseBody).toBe("awake");
    // Nothing calls the function while it sleeps.
    expect(seenAt.get(calls[1]!)! - seenAt.get(calls[0]!)!).toBeGreaterThanOrEqual(1000);
  });
});

describe("6. waitForEvent (tests/sdk_wait_for_event_test.go)", () => {
  const hw = GOLDEN_HASHES["test/resume"];
  const waitOp = (timeout: string) => ({
    op: "WaitForEvent",
    id: hw,
    name: "parity/resume",
    displayName: "test/resume",
    opts: { timeout, if: "async.data.resume == true && async.data.id == event.data.id" },
  });

  it("WaitForEvent op (event in `name`, opts.timeout/if); only the matching event resumes, memoized as the step's data", async () => {
    const id = randomUUID();
    const [runId] = await trigger("waiter", "parity/wait", { id, timeout: "10s" });
    await until("the WaitForEvent answer", () => h.callsOf(runId).length === 1);
    const [first] = h.callsOf(runId);
    expectWellFormedCall(first!, runId);
    expect(first!.status).toBe(206);
    expect(opsOf(first!)).toEqual([expect.objectContaining(waitOp("10s"))]);

    await h.inngest.send({ name: "parity/resume", data: { id: "lol what in the world?!", resume: true } });
    await sleep(300);
    expect(callsOf(runId)).toHaveLength(1);

    const { ids } = await h.inngest.send({ name: "parity/resume", data: { id, resume: true } });
    const run = await waitForRun(runId);
    expect(run.output).toEqual({ result: { id, resume: true } });
    const calls = callsOf(runId);
    expect(calls.map((x) => x.status)).toEqual([206, 200]);
    expectWellFormedCall(calls[1]!, runId);
    // DIVERGENCE (5): Inngest memoizes the bare event, not {data: event} (pause.go GetResumeData).
    const resumed = (bodyOf(calls[1]!).steps[hw] as { data: { id: string } }).data;
    expect(resumed).toEqual({ id: expect.any(String), name: "parity/resume", data: { id, resume: true }, ts: expect.any(Number) });
    // (4, fixed) The event id the function sees is the id send() returned.
    expect(resumed.id).toBe(ids[0]);
    expect(bodyOf(calls[1]!).ctx.stack).toEqual({ stack: [hw], current: 1 });
    expect(calls[1]!.responseBody).toEqual({ result: { id, resume: true } });
  });

  it("on timeout, the step is memoized with null", async () => {
    const { runId, run, calls } = await runToEnd("waiter", "parity/wait", { id: randomUUID(), timeout: "1s" });
    expect(run.output).toEqual({ result: null });
    expect(calls.map((x) => x.status)).toEqual([206, 200]);
    calls.forEach((x) => expectWellFormedCall(x, runId));
    expect(opsOf(calls[0]!)).toEqual([expect.objectContaining(waitOp("1s"))]);
    expect(bodyOf(calls[1]!).steps).toEqual({ [hw]: { data: null } });
    expect(seenAt.get(calls[1]!)! - seenAt.get(calls[0]!)!).toBeGreaterThanOrEqual(1000);
  });
});

describe("7. invoke", () => {
  it("InvokeFunction op (opts.function_id, payload); the child runs for inngest/function.invoked; its result is memoized as {data}", async () => {
    const { runId, run, calls } = await runToEnd("parent", "parity/parent");
    const hi = hashId("call-child");
    expect(run.output).toEqual({ doubled: 42 });
    expect(calls.map((x) => x.status)).toEqual([206, 200]);
    calls.forEach((x) => expectWellFormedCall(x, runId));
    expect(opsOf(calls[0]!)).toEqual([expect.objectContaining({ op: "InvokeFunction", id: hi, displayName: "call-child", opts: { function_id: fnId("child"), payload: { data: { n: 21 } } } })]);
    expect(bodyOf(calls[1]!).steps).toEqual({ [hi]: { data: 42 } });
    expect(bodyOf(calls[1]!).ctx.stack).toEqual({ stack: [hi], current: 1 });

    const childRun = await rootDb().jobRun.findFirstOrThrow({ where: { parentRunId: runId } });
    const childCalls = callsOf(childRun.id);
    expect(childCalls.map((x) => x.status)).toEqual([206, 200]);
    childCalls.forEach((x) => expectWellFormedCall(x, childRun.id));
    expect(childCalls[0]!.url.searchParams.get("fnId")).toBe(fnId("child"));
    const invoked = bodyOf(childCalls[0]!).event;
    expect(invoked.name).toBe("inngest/function.invoked");
    // The correlation id is "<run id>.<step hash>", as in executor.go handleGeneratorInvokeFunction.
    expect(invoked.data).toEqual({
      n: 21,
      _inngest: expect.objectContaining({ fn_id: fnId("child"), correlation_id: `${runId}.${hi}`, source_app_id: h.appId, source_fn_id: fnId("parent") }),
    });
    expect(childCalls[1]!.responseBody).toBe(42);
  });
});

describe("8. parallel steps (tests/js/src/inngest/sdk_parallel_test.ts)", () => {
  it("StepPlanned ops, then one call per step with stepId=<hash> and disable_immediate_execution", async () => {
    const { runId, key, run, calls } = await runToEnd("par", "parity/par");
    const [ha, hb, hc, hd] = ["a", "b", "c", "d"].map(hashId) as [string, string, string, string];
    expect(run.output).toEqual({ a: "a", b: "b", c: "c", d: "d" });
    calls.forEach((x) => expectWellFormedCall(x, runId));
    // DIVERGENCE (6): Inngest makes 7 calls — with ForceStepPlan on, "d" is StepPlanned, then run alone.
    expect(calls).toHaveLength(6);

    const [discover, ...rest] = calls;
    expect(discover!.url.searchParams.get("stepId")).toBe("step");
    expect(discover!.status).toBe(206);
    expect(opsOf(discover!).map((op) => [op.op, op.id, op.displayName])).toEqual([
      ["StepPlanned", ha, "a"],
      ["StepPlanned", hb, "b"],
      ["StepPlanned", hc, "c"],
    ]);

    const planned = rest.slice(0, 3);
    expect(planned.map((x) => x.url.searchParams.get("stepId")).sort()).toEqual([ha, hb, hc].sort());
    for (const x of planned) {
      const stepId = x.url.searchParams.get("stepId")!;
      const body = bodyOf(x);
      expect(body.ctx.disable_immediate_execution).toBe(true);
      expect(body.ctx.attempt).toBe(0);
      expect(body.steps[stepId]).toBeUndefined();
      // DIVERGENCE (6): Inngest sends current = 0 here (the group was planned from an empty stack).
      expect(body.ctx.stack.current).toBe(body.ctx.stack.stack.length);
      expect(x.status).toBe(206);
      const letter = ["a", "b", "c"][[ha, hb, hc].indexOf(stepId)];
      expect(opsOf(x)).toEqual([expect.objectContaining({ op: "StepRun", id: stepId, data: letter })]);
    }

    // Once all three are memoized (in completion order), the run is called again to discover what follows.
    const [afterGroup, last] = rest.slice(3);
    expect(afterGroup!.url.searchParams.get("stepId")).toBe("step");
    const completion = bodyOf(afterGroup!).ctx.stack.stack;
    expect([...completion].sort()).toEqual([ha, hb, hc].sort());
    expect(bodyOf(afterGroup!).steps).toEqual({ [ha]: { data: "a" }, [hb]: { data: "b" }, [hc]: { data: "c" } });
    expect(bodyOf(afterGroup!).ctx.stack.current).toBe(3);
    // DIVERGENCE (6): Inngest keeps disable_immediate_execution true for the rest of the run.
    expect(bodyOf(afterGroup!).ctx.disable_immediate_execution).toBe(false);
    expect(opsOf(afterGroup!)).toEqual([expect.objectContaining({ op: "StepRun", id: hd, data: "d" })]);
    expect(last!.status).toBe(200);
    expect(bodyOf(last!).ctx.stack).toEqual({ stack: [...completion, hd], current: 4 });

    for (const s of ["a", "b", "c", "d"]) expect(counts[`${key}:${s}`]).toBe(1);
  });
});

describe("9-10. URLs and headers", () => {
  it("the app runs the SDK version these expectations were recorded for", () => {
    const pkg = JSON.parse(readFileSync(path.resolve("node_modules/inngest/package.json"), "utf8")) as { version: string };
    expect(pkg.version).toBe(SDK_VERSION);
  });

  it("every call goes to the synced step runtime URL (fnId, stepId=step), planned steps replacing only stepId", () => {
    const sync = h.transcript.find((x) => x.method === "PUT");
    expect(sync).toBeDefined();
    expect(sync!.requestHeaders).toEqual(SYNC_REQUEST_HEADERS.ours);
    expect(sync!.responseHeaders["x-inngest-sync-kind"]).toBe("in_band");
    const functions = (sync!.responseBody as { functions: Array<{ id: string; steps: { step: { runtime: { url: string } } } }> }).functions;
    const runtimeUrl = new Map(functions.map((f) => [f.id, f.steps.step.runtime.url]));
    expect(runtimeUrl.get(fnId("seq"))).toBeDefined();

    const calls = h.transcript.filter((x) => x.method === "POST");
    expect(calls.length).toBeGreaterThan(30);
    for (const x of calls) {
      const synced = new URL(runtimeUrl.get(x.url.searchParams.get("fnId") ?? "")!);
      expect(synced.searchParams.get("stepId")).toBe("step");
      expect([...x.url.searchParams.keys()]).toEqual(["fnId", "stepId"]);
      expect(x.url.origin + x.url.pathname).toBe(synced.origin + synced.pathname);
      const stepId = x.url.searchParams.get("stepId");
      if (bodyOf(x).ctx.disable_immediate_execution) expect(stepId).toMatch(/^[0-9a-f]{40}$/);
      else expect(x.url.toString()).toBe(synced.toString());
    }
  });

  it("calls carry content-type JSON only; every SDK answer carries the SDK's headers", () => {
    const calls = h.transcript.filter((x) => x.method === "POST");
    for (const x of calls) {
      // DIVERGENCE (3): no X-Run-ID, X-Inngest-Step-ID, x-inngest-req-version, x-request-id, ...
      expect(x.requestHeaders).toEqual(CALL_REQUEST_HEADERS.ours);
      expect(x.responseHeaders).toMatchObject(SDK_RESPONSE_HEADERS);
      expect(x.responseHeaders["server-timing"]).toMatch(/^handler/);
      expect(x.responseHeaders["x-inngest-signature"]).toBeUndefined(); // dev mode: nothing signed
      // x-inngest-no-retry only on failures: StepError / StepFailed (206) and errors (400 / 500).
      const failed = x.status >= 400 || (x.status === 206 && opsOf(x).some((op) => op.op === "StepError" || op.op === "StepFailed"));
      expect(x.responseHeaders["x-inngest-no-retry"] !== undefined).toBe(failed);
    }
    const statuses = new Set(calls.map((x) => x.status));
    expect([...statuses].sort()).toEqual([200, 206, 400, 500]);
  });
});

describe("9. signed mode", () => {
  const signingKey = `signkey-test-${randomBytes(32).toString("hex")}`;
  let s: Harness;

  beforeAll(async () => {
    // One executor at a time: the dev-mode one would otherwise claim these runs too, and call the
    // signed app unsigned (claims are not per app).
    await h.close();
    hClosed = true;
    s = await startHarness(
      "parity-signed",
      (inngest) => [
        inngest.createFunction({ id: "signed-seq", triggers: [{ event: "parity/signed" }] }, async ({ event, step, runId }) => {
          served(runId);
          await step.run("first step", () => "first step");
          if ((event.data as { fail?: boolean }).fail) throw new NonRetriableError("signed nope");
          return "ok";
        }),
      ],
      { signingKey, eventKey: `evt-${randomUUID()}` },
    );
  });

  afterAll(async () => {
    await s?.close();
  });

  it("every request carries a valid X-Inngest-Signature over the canonical body; the SDK signs its answers", async () => {
    expect(s.inngest.mode).toBe("cloud");
    const runIds: string[] = [];
    for (const fail of [false, true]) {
      const { ids } = await s.inngest.send({ name: "parity/signed", data: { fail } });
      const runId = await runOfEvent(s, "signed-seq", ids[0]!);
      expect((await waitForRun(runId)).status).toBe(fail ? "failed" : "completed");
      runIds.push(runId);
    }
    for (const id of runIds) expect(s.callsOf(id).length).toBe(counts[`served:${id}`]);
    const calls = runIds.flatMap((id) => s.callsOf(id));
    expect(calls.map((x) => x.status)).toEqual([206, 200, 206, 400]);
    const exchanges = [...s.transcript.filter((x) => x.method === "PUT"), ...calls];
    expect(exchanges.length).toBe(5);
    for (const x of exchanges) {
      expect(verifySignature(x.requestHeaders["x-inngest-signature"] ?? null, canonicalJson(x.requestBody), signingKey)).toBeNull();
      // The SDK signs every answer to a verified request, errors included.
      expect(x.responseHeaders["x-inngest-signature"]).toMatch(/^t=\d+&s=[0-9a-f]{64}$/);
    }
    for (const x of calls) {
      expect(Object.keys(x.requestHeaders).sort()).toEqual(CALL_REQUEST_HEADERS.oursSigned);
      expect(x.requestHeaders["content-type"]).toBe("application/json");
      expect(x.responseHeaders).toMatchObject(SDK_RESPONSE_HEADERS);
    }
    expect(calls[3]!.responseHeaders["x-inngest-no-retry"]).toBe("true");
  });
});

describe("pinned divergences", () => {
  it("(8, fixed) a 200 answer without x-inngest-sdk is not taken for the SDK's: the attempt is retried, as on Inngest", async () => {
    const impostor = http.createServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end('"not the SDK"'));
    await new Promise<void>((resolve) => impostor.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = impostor.address() as AddressInfo;
      const body: CallBody = {
        version: 2,
        event: { id: "e1", name: "parity/x", data: {}, ts: Date.now() },
        events: [],
        steps: {},
        ctx: { run_id: randomUUID(), attempt: 0, max_attempts: 1, disable_immediate_execution: false, use_api: false, stack: { stack: [], current: 0 } },
      };
      const outcome = await callFunction(`http://127.0.0.1:${port}/api/inngest?fnId=x&stepId=step`, body, 5_000);
      expect(outcome).toEqual({ kind: "retry", error: { name: "ProtocolError", message: "HTTP 200 without the x-inngest-sdk header: not an answer of the Inngest SDK" } });
    } finally {
      await new Promise((resolve) => impostor.close(resolve));
    }
  });
});
