// The SDK middleware that keeps the app's own record of every job run (inngest/run-records/store.ts),
// so the Jobs page works the same whichever Inngest drives the app: the embedded executor, a
// self-hosted `inngest start` or Inngest Cloud. It sees each call from the inside — the run and its
// event, every step the code gives a name, attempts, outputs and errors — and writes when the SDK
// starts executing (beginCall) and when the call answers (endCall). The SDK makes a new instance per
// call, so the fields below are that call's state.
//
// Recording never fails a job: a write that fails is logged and the call goes on. Runs whose event
// names no organization (crons, the backend's own lifecycle events) are not recorded: the Jobs page is
// per organization, and nobody would read them.
import { Middleware } from "inngest";
import { isUuid } from "@/core/db/ids";
import { log } from "@/core/log";
import { beginCall, continueCall, endCall, type CallEnd, type RunStart, type SerializedError, type StepWrite } from "./store";

/** Inngest's default when a function does not declare `retries`. */
const DEFAULT_RETRIES = 4;
/** Step kinds that park the run until a time or an event: recorded as "waiting" when planned. */
const PARKING_STEPS = new Set(["sleep", "waitForEvent", "waitForSignal", "invoke"]);
const MAX_STACK = 2_000;

// The hooks below run inside the job's own call: nothing in them may throw (a value JSON cannot write,
// a circular error) and fail the step it only describes.
export function serializeError(err: unknown): SerializedError {
  if (err instanceof Error) {
    return { name: err.name, message: err.message, ...(err.stack ? { stack: err.stack.slice(0, MAX_STACK) } : {}) };
  }
  if (typeof err === "string") return { name: "Error", message: err };
  try {
    return { name: "Error", message: JSON.stringify(err) ?? String(err) };
  } catch {
    return { name: "Error", message: String(err) };
  }
}

/** The size of the value as JSON; null when it cannot be written as JSON. */
function byteLength(value: unknown): number | null {
  try {
    const json = JSON.stringify(value ?? null);
    return json === undefined ? 0 : Buffer.byteLength(json);
  } catch {
    return null;
  }
}

type FnLike = { id(prefix?: string): string; name: string; opts: { retries?: number; idempotency?: string } };
type CtxLike = { runId: string; attempt: number; maxAttempts?: number; event: { id?: string; name: string; data?: unknown; ts?: number } };

/** The record of a call's run, or null when the run is not recorded (no organization on its event). */
export function runStartOf(ctx: CtxLike, fn: FnLike, appId: string): RunStart | null {
  const data = ctx.event.data as { organizationId?: unknown } | undefined;
  const organizationId = data?.organizationId;
  if (typeof organizationId !== "string" || !isUuid(organizationId)) return null;
  return {
    runId: ctx.runId,
    organizationId,
    appId,
    functionId: fn.id(),
    functionName: fn.name,
    eventId: ctx.event.id ?? null,
    eventName: ctx.event.name,
    eventData: ctx.event.data ?? {},
    eventTs: typeof ctx.event.ts === "number" ? new Date(ctx.event.ts) : null,
    attempt: ctx.attempt + 1,
    maxAttempts: typeof ctx.maxAttempts === "number" ? ctx.maxAttempts : (fn.opts.retries ?? DEFAULT_RETRIES) + 1,
    idempotency: typeof fn.opts.idempotency === "string" ? fn.opts.idempotency : null,
  };
}

export class RunRecorder extends Middleware.BaseMiddleware {
  readonly id = "ritiko-run-records";
  private run: RunStart | null = null;
  private steps = new Map<string, StepWrite>();
  private outcome: CallEnd["outcome"] = null;
  private retryError: SerializedError | null = null;
  private waiting: CallEnd["waiting"] = null;
  /** No step memoized yet and the first attempt: the run's first call. */
  private firstCall = false;

  override async wrapRequest({ next }: Middleware.WrapRequestArgs) {
    try {
      return await next();
    } finally {
      await this.flush();
    }
  }

  override transformFunctionInput(arg: Middleware.TransformFunctionInputArgs) {
    this.firstCall = Object.keys(arg.steps).length === 0 && arg.ctx.attempt === 0;
    return arg;
  }

  override async onMemoizationEnd({ ctx, fn }: Middleware.OnMemoizationEndArgs) {
    if (this.run) return;
    const run = runStartOf(ctx as unknown as CtxLike, fn as unknown as FnLike, this.client.id);
    this.run = run;
    if (!run) return;
    try {
      if (this.firstCall || !(await continueCall(run))) await beginCall(run);
    } catch (err) {
      log.warn("jobs.run_record_failed", { runId: run.runId, phase: "begin", error: (err as Error).message });
    }
  }

  override transformStepInput(arg: Middleware.TransformStepInputArgs) {
    const type = String(arg.stepInfo.stepType);
    if (PARKING_STEPS.has(type)) {
      const name = arg.stepOptions.id;
      if (arg.stepInfo.memoized) {
        // Its time came (or its event did): the waiting row, if any, is completed.
        this.steps.set(arg.stepInfo.hashedId, this.step(arg.stepInfo.hashedId, name, type, "completed", 1, new Date(), new Date()));
      } else {
        this.waiting = { type, step: name };
        this.steps.set(arg.stepInfo.hashedId, this.step(arg.stepInfo.hashedId, name, type, "waiting", 1, new Date(), null));
      }
    }
    return arg;
  }

  override onStepStart({ ctx, stepInfo }: Middleware.OnStepStartArgs) {
    const name = stepInfo.options.id;
    this.steps.set(stepInfo.hashedId, this.step(stepInfo.hashedId, name, String(stepInfo.stepType), "running", ctx.attempt + 1, new Date(), null));
  }

  override onStepComplete({ stepInfo, output }: Middleware.OnStepCompleteArgs) {
    const s = this.steps.get(stepInfo.hashedId);
    if (!s) return;
    Object.assign(s, { status: "completed", endedAt: new Date(), outputBytes: byteLength(output), error: null });
  }

  override onStepError({ stepInfo, error, isFinalAttempt }: Middleware.OnStepErrorArgs) {
    const s = this.steps.get(stepInfo.hashedId);
    if (!s) return;
    Object.assign(s, { status: isFinalAttempt ? "failed" : "retrying", endedAt: new Date(), error: serializeError(error) });
    if (!isFinalAttempt) this.retryError = serializeError(error);
  }

  override onRunComplete({ output }: Middleware.OnRunCompleteArgs) {
    // An output JSON cannot write is not kept, and its size stays unknown (null).
    this.outcome = { status: "completed", output, outputBytes: byteLength(output) };
    this.waiting = null;
  }

  override onRunError({ error, isFinalAttempt }: Middleware.OnRunErrorArgs) {
    if (isFinalAttempt) this.outcome = { status: "failed", error: serializeError(error) };
    else this.retryError = serializeError(error);
    this.waiting = null;
  }

  private step(stepId: string, name: string, type: string, status: StepWrite["status"], attempt: number, startedAt: Date, endedAt: Date | null): StepWrite {
    return { stepId, name, type, status, attempt, startedAt, endedAt, outputBytes: null, error: null };
  }

  private async flush() {
    const run = this.run;
    if (!run) return;
    try {
      await endCall({
        runId: run.runId,
        organizationId: run.organizationId,
        outcome: this.outcome,
        retryError: this.retryError,
        waiting: this.waiting,
        steps: [...this.steps.values()],
      });
    } catch (err) {
      log.warn("jobs.run_record_failed", { runId: run.runId, phase: "end", error: (err as Error).message });
    }
  }
}
