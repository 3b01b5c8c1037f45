// Recording what the app answered to one call, in one transaction: the run is locked first, then the
// item (parallel items of one run serialize here); a run cancelled or ended meanwhile drops the outcome
// (like Inngest); a lost lease aborts (another worker owns the item now). Then, by outcome:
//   completed / failed      -> finishRun: the run ends, its queue is cleared, waiting parents answered,
//                              inngest/function.failed emitted for a failure;
//   retry                   -> retryAttempt: the same item again after a backoff, or the run fails once
//                              maxAttempts attempts have failed;
//   ops (the step protocol) -> applyOps: one handler per op kind (OP_HANDLERS); progress resets the
//                              per-step attempt counter, and the next call is queued unless a sleep, a
//                              wait, an invoked run or a parallel step will queue it when it ends.
import { Prisma } from "@/core/db/client";
import type { BackoffFn } from "./backoff";
import type { CallOutcome } from "./call";
import { sleepUntil } from "./duration";
import type { SdkEvent, StepOp } from "./protocol";
import { completeItem, LeaseLostError, type ClaimedItem, type QueueKind } from "./queue";
import type { FailureHandler } from "./registry";
import { afterRunEnded } from "./run-end";
import { continueIfIdle, lockRun, memoize, TERMINAL_STATUSES, toJson } from "./steps";
import { openWait, WaitConfigError } from "./waits";

type Tx = Prisma.TransactionClient;

/** What the executor knows of the run it called. */
export type RunInfo = {
  id: string;
  appId: string;
  functionId: string;
  attempt: number;
  maxAttempts: number;
  event: SdkEvent;
  failureHandler?: FailureHandler;
  organizationId: string | null;
  parentRunId: string | null;
  parentStepHash: string | null;
};

/** What recording needs from the executor that holds the registry and the backoff. */
export type RecordDeps = {
  backoff: BackoffFn;
  /** inngest/function.failed for a run that failed for good (starts its onFailure handler). */
  emitFailed: (tx: Tx, run: RunInfo, error: unknown) => Promise<void>;
  /** step.invoke(): true when the step was answered at once (e.g. unknown function). */
  invoke: (tx: Tx, run: RunInfo, op: StepOp) => Promise<boolean>;
};

/** One call's outcome being recorded: the transaction, the item and the run. */
type Recording = { tx: Tx; deps: RecordDeps; item: ClaimedItem; run: RunInfo };

export async function recordOutcome(db: { $transaction: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T> }, deps: RecordDeps, item: ClaimedItem, run: RunInfo, outcome: CallOutcome): Promise<void> {
  await db.$transaction(async (tx) => {
    const status = await lockRun(tx, run.id);
    if (!status || TERMINAL_STATUSES.includes(status)) {
      await completeItem(tx, item);
      return;
    }
    if (!(await completeItem(tx, item))) throw new LeaseLostError(item);
    const r: Recording = { tx, deps, item, run };
    switch (outcome.kind) {
      case "completed":
        return finishRun(r, "completed", { output: outcome.output });
      case "failed":
        return finishRun(r, "failed", { error: outcome.error });
      case "retry":
        return retryAttempt(r, outcome.error, outcome.retryAfterMs);
      case "ops":
        return applyOps(r, outcome.ops, outcome.retryAfterMs);
    }
  });
}

const enqueue = (r: Recording, kind: QueueKind, dueAt = new Date(), stepHash: string | null = null) =>
  r.tx.jobQueueItem.create({ data: { runId: r.run.id, kind, dueAt, stepHash } });

async function finishRun(r: Recording, status: "completed" | "failed", data: { output?: unknown; error?: unknown }) {
  const { tx, run } = r;
  await tx.jobRun.update({
    where: { id: run.id },
    data: {
      status,
      endedAt: new Date(),
      output: status === "completed" ? toJson(data.output) : undefined,
      // A completed run keeps no error of an earlier, retried attempt.
      error: status === "failed" ? toJson(data.error) : Prisma.DbNull,
    },
  });
  await tx.jobQueueItem.deleteMany({ where: { runId: run.id } });
  await afterRunEnded(tx, run, status === "completed" ? { data: data.output ?? null } : { error: serializeError(data.error) });
  if (status === "failed") await r.deps.emitFailed(tx, run, data.error);
}

/** A failed attempt: the same item again after a backoff (the same planned step, if one was asked for), or the run fails for good. */
async function retryAttempt(r: Recording, error: unknown, retryAfterMs?: number) {
  const { tx, run, item } = r;
  if (run.attempt + 1 >= run.maxAttempts) return finishRun(r, "failed", { error });
  await tx.jobRun.update({ where: { id: run.id }, data: { attempt: run.attempt + 1, error: toJson(error) } });
  const delay = retryAfterMs ?? r.deps.backoff(run.attempt);
  const again = item.kind === "planned" ? "planned" : item.kind === "sleep" ? "continue" : "retry";
  await enqueue(r, again, new Date(Date.now() + delay), item.kind === "planned" ? item.stepHash : null);
}

/** What one op did: memoized a result, left something that will queue the continuation, or ended the recording. */
type OpEffect = "progressed" | "scheduled" | "ended";
type OpHandler = (r: Recording, op: StepOp, retryAfterMs?: number) => Promise<OpEffect>;

const stepError = (op: StepOp) => op.error ?? { name: "Error", message: "Step failed" };

const OP_HANDLERS: Record<string, OpHandler> = {
  StepRun: async (r, op) => {
    await memoize(r.tx, r.run.id, op.id, { data: op.data });
    return "progressed";
  },
  StepError: async (r, op, retryAfterMs) => {
    // The SDK sends StepFailed on the final attempt; a StepError then is still treated as final.
    if (r.run.attempt + 1 < r.run.maxAttempts) {
      await retryAttempt(r, op.error, retryAfterMs);
      return "ended";
    }
    await memoize(r.tx, r.run.id, op.id, { error: stepError(op) });
    return "progressed";
  },
  // Final: memoized as an error, so the function sees the step throw and may catch it.
  StepFailed: async (r, op) => {
    await memoize(r.tx, r.run.id, op.id, { error: stepError(op) });
    return "progressed";
  },
  RunComplete: async (r, op) => {
    await finishRun(r, "completed", { output: op.data });
    return "ended";
  },
  // The SDK repeats a pending sleep on every call until it is memoized: queue its wake-up once.
  Sleep: async (r, op) => {
    const known = await r.tx.jobQueueItem.count({ where: { runId: r.run.id, kind: "sleep", stepHash: op.id } });
    if (!known) await enqueue(r, "sleep", sleepUntil(op.name ?? ""), op.id);
    return "scheduled";
  },
  StepPlanned: async (r, op) => {
    const known = await r.tx.jobQueueItem.count({ where: { runId: r.run.id, kind: "planned", stepHash: op.id } });
    const done = await r.tx.jobStep.count({ where: { runId: r.run.id, stepHash: op.id } });
    if (!known && !done) await enqueue(r, "planned", new Date(), op.id);
    return "scheduled";
  },
  WaitForEvent: async (r, op) => {
    try {
      await openWait(r.tx, r.run.id, op);
    } catch (err) {
      if (!(err instanceof WaitConfigError)) throw err;
      await finishRun(r, "failed", { error: { name: err.name, message: err.message } });
      return "ended";
    }
    return "scheduled";
  },
  InvokeFunction: async (r, op) => ((await r.deps.invoke(r.tx, r.run, op)) ? "progressed" : "scheduled"),
};

async function applyOps(r: Recording, ops: StepOp[], retryAfterMs?: number) {
  let progressed = false;
  let scheduled = false;
  for (const op of ops) {
    const handler = OP_HANDLERS[op.op];
    if (!handler) {
      // AI gateway, fetch gateway, signals, ...: not offered by the embedded executor. Failing loudly
      // beats a run that silently never finishes.
      return finishRun(r, "failed", {
        error: { name: "UnsupportedOp", message: `The embedded executor does not support step op ${op.op} (step ${op.displayName ?? op.id})` },
      });
    }
    const effect = await handler(r, op, retryAfterMs);
    if (effect === "ended") return;
    if (effect === "progressed") progressed = true;
    else scheduled = true;
  }
  // Progress resets the per-step attempt counter (Inngest retries per step) and clears the last error.
  if (progressed) await r.tx.jobRun.update({ where: { id: r.run.id }, data: { attempt: 0, error: Prisma.DbNull } });
  // Call again to discover what follows, unless other parallel steps, a sleep, a wait or an invoked
  // run are still pending: whichever of them finishes last schedules the continuation.
  if (progressed && !scheduled) await continueIfIdle(r.tx, r.run.id);
}

/** The SDK's serialized-error shape ({name, message, stack?, ...}) from whatever the run recorded. */
export function serializeError(error: unknown): Record<string, unknown> {
  if (error && typeof error === "object" && !Array.isArray(error)) {
    const e = error as Record<string, unknown>;
    return { ...e, name: typeof e.name === "string" && e.name ? e.name : "Error", message: typeof e.message === "string" ? e.message : JSON.stringify(error) };
  }
  return { name: "Error", message: typeof error === "string" ? error : JSON.stringify(error ?? null) };
}
