// Shapes of the Inngest SDK protocol (inngest@4.24) as the embedded executor uses them. Only what we
// read or send is typed; see ../../../shared/notes/inngest.md and the SDK's InngestCommHandler.

/** Step op codes the SDK returns in a 206 body (StepOpCode in the SDK). */
export type StepOp = {
  op: string;
  /** The step hash (sha1 of the user-facing step id, with a counter suffix for repeats). */
  id: string;
  name?: string;
  displayName?: string;
  data?: unknown;
  error?: unknown;
  opts?: Record<string, unknown>;
};

/** One function as declared in the in-band sync (register) payload. */
export type SyncedFunction = {
  id: string;
  name?: string;
  triggers: Array<{ event?: string; expression?: string; cron?: string }>;
  /**
   * v4.24 declares retries on the step ("step"), not on the function. `attempts` is the number of
   * RETRIES (the SDK option `retries`); absent -> the server default.
   */
  steps: Record<string, { id: string; name?: string; runtime: { type?: string; url: string }; retries?: { attempts?: number } }>;
  /** Older payload shape, honoured when the step carries no retries. */
  retries?: { attempts?: number };
  /** cancelOn entries (`match` is already turned into `if` by the SDK). */
  cancel?: Array<{ event: string; if?: string; timeout?: string }>;
  /** Idempotency key expression (CEL) evaluated on the triggering event. */
  idempotency?: string;
  /** As given to createFunction: a number, one {limit, key?, scope?} or an array of up to two. */
  concurrency?: number | ConcurrencyOption | ConcurrencyOption[];
};

export type ConcurrencyOption = { limit: number; key?: string; scope?: "fn" | "env" | "account" };

export type SyncPayload = {
  app_id: string;
  functions: SyncedFunction[];
  url?: string;
};

/** Body of a function call (POST <stepUrl>): what pkg/execution/driver/request.go sends. */
export type CallBody = {
  version: number;
  event: SdkEvent;
  events: SdkEvent[];
  steps: Record<string, { data: unknown } | { error: unknown }>;
  ctx: {
    run_id: string;
    attempt: number;
    max_attempts: number;
    disable_immediate_execution: boolean;
    // Always false: the SDK would otherwise fetch events and steps from an Inngest API we do not run.
    use_api: false;
    stack: { stack: string[]; current: number };
    // ctx.fn_id is deliberately absent: its presence makes the SDK checkpoint through /v1/checkpoint.
  };
};

export type SdkEvent = { id: string; name: string; data: unknown; ts: number };

/** Dedupe keys the executor derives itself (an SDK send's seed) rather than ones the sender chose. */
export const SEED_KEY_PREFIX = "seed:";

/**
 * The id a function sees as event.id: the sender's own id when it gave one, else the stored event's id
 * — the same id the event API answered the sender with.
 */
export function sdkEventId(event: { id: string; dedupeKey: string | null }): string {
  return event.dedupeKey && !event.dedupeKey.startsWith(SEED_KEY_PREFIX) ? event.dedupeKey : event.id;
}

/** The execution version we ask for (V2, the SDK's preferred async version in 4.24). */
export const EXECUTION_VERSION = 2;

/** Inngest server default when a function does not declare `retries`. */
export const DEFAULT_RETRIES = 4;

/** Lifecycle / system event names. */
export const EVENT_FUNCTION_FAILED = "inngest/function.failed";
/** Emitted for every cancelled run (cancelOn or the cancellation API), as Inngest does. */
export const EVENT_FUNCTION_CANCELLED = "inngest/function.cancelled";
export const EVENT_CRON = "inngest/scheduled.timer";
export const EVENT_FUNCTION_INVOKED = "inngest/function.invoked";

/** What an invoking step receives when the invoked run does not finish within its timeout. */
export const INVOKE_TIMEOUT_ERROR = { name: "InngestInvokeTimeoutError", message: "Timed out waiting for invoked function to complete" };

export const HEADER_SIGNATURE = "x-inngest-signature";
export const HEADER_SDK = "x-inngest-sdk";

export const HEADER_NO_RETRY = "x-inngest-no-retry";
export const HEADER_RETRY_AFTER = "retry-after";
export const HEADER_SYNC_KIND = "x-inngest-sync-kind";

/**
 * The call for one queue item: the step URL (with stepId for a planned parallel step) and the body —
 * the event, every memoized step (data or error) and the stack in memoization order, as Inngest's
 * driver sends them. A planned item asks the SDK to run just that step (disable_immediate_execution).
 */
export function callRequest(
  run: { id: string; attempt: number; maxAttempts: number; stepUrl: string; event: { id: string; dedupeKey: string | null; name: string; data: unknown; ts: Date } },
  steps: ReadonlyArray<{ stepHash: string; data: unknown; error: unknown }>,
  item: { kind: string; stepHash: string | null },
): { url: string; body: CallBody; event: SdkEvent } {
  const event: SdkEvent = { id: sdkEventId(run.event), name: run.event.name, data: run.event.data, ts: run.event.ts.getTime() };
  const stack = steps.map((s) => s.stepHash);
  const body: CallBody = {
    version: EXECUTION_VERSION,
    event,
    events: [event],
    steps: Object.fromEntries(steps.map((s) => [s.stepHash, s.error !== null ? { error: s.error } : { data: s.data ?? null }])),
    ctx: {
      run_id: run.id,
      attempt: run.attempt,
      max_attempts: run.maxAttempts,
      disable_immediate_execution: item.kind === "planned",
      use_api: false,
      stack: { stack, current: stack.length },
    },
  };
  const url = new URL(run.stepUrl);
  if (item.kind === "planned" && item.stepHash) url.searchParams.set("stepId", item.stepHash);
  return { url: url.toString(), body, event };
}
