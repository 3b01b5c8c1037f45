// The embedded executor: drives function runs through the Inngest SDK protocol against the app's own
// serve endpoint, with every state change in PostgreSQL (prisma/schema/jobs.prisma).
//
// The step loop, one queue item at a time:
//   1. CLAIM due items with a lease (queue.ts).
//   2. CALL the function with the event, the memoized steps and ctx (protocol.ts callRequest, call.ts).
//      A "sleep" item first memoizes its sleep step (data null) — that is how the SDK learns the sleep
//      is over; a "planned" item asks for one step explicitly (stepId=<hash>) after the SDK reported
//      StepPlanned.
//   3. RECORD the outcome in one transaction, fenced by the lease (record.ts, by outcome and op kind):
//      memoize step results, schedule the next call (now, after a backoff, or at a sleep's end), or
//      finish the run.
// A worker that dies between 2 and 3 leaves its lease to expire; the item is then claimed again and
// the call repeats with the same memoized steps. Steps memoized before are never re-run; a step whose
// result was not yet recorded runs again (at least once, like Inngest itself).
//
// Flow features: `if` on triggers and cancelOn (expression.ts, parsed at sync), cron triggers fired by
// the claims (once per poll interval) from job_crons (schedule.ts, cron.ts), cancelOn and idempotency
// at ingestion (ingest.ts), concurrency limits with keys at claim time (concurrency.ts, queue.ts),
// step.waitForEvent (waits.ts), step.invoke (a child run linked to the waiting step, run-end.ts), and
// inngest/function.failed emitted when a run fails for good, starting its onFailure handler.
// step.sendEvent needs nothing here: the SDK runs it as a step that POSTs to the event API (server.ts).
//
// The worker loop keeps up to `concurrency` calls in flight (default 10) and claims again as they end:
// calls to the app are I/O-bound, a long call holds one slot and never the others, and items of one
// run still serialize on the run's row lock when their outcomes are recorded. With a signing key, every
// request to the app is signed like Inngest's (signature.ts).
//
// Database outages (outage.ts, core/db/errors.ts): the worker loop backs off (500 ms doubling to
// 10 s) and logs the outage once when it starts and once when it ends. An outcome the app already
// returned is not thrown away when its transaction cannot reach the database: it is kept in memory and
// recorded as soon as the database answers, so the run goes on at once instead of after the lease (the
// call is not repeated). An item that fails before its call is handed back (released) the same way.
// Both are bounded by the item's lease, which also bounds a graceful stop during an outage.
// A running worker loop also beats a heartbeat (heartbeat.ts), so the Jobs page can tell a call in
// progress from a lease left behind by a dead executor.
import { randomUUID } from "node:crypto";
import { Prisma, rootDb, type RootDb } from "@/core/db/client";
import { isConnectionError } from "@/core/db/errors";
import { log } from "@/core/log";
import { inngestBackoff, type BackoffFn } from "./backoff";
import { callFunction } from "./call";
import { sleepUntil } from "./duration";
import { beat, forgetDeadExecutors, HEARTBEAT_INTERVAL_MS, retire } from "./heartbeat";
import { createRun, ingestEvent, ingestEvents, ingestEventInTx, type IngestResult } from "./ingest";
import { DatabaseOutage, outageDelay, whileUnreachable } from "./outage";
import { callRequest, EVENT_FUNCTION_FAILED, EVENT_FUNCTION_INVOKED, INVOKE_TIMEOUT_ERROR, type CallBody, type SdkEvent, type StepOp } from "./protocol";
import { claimDue, completeItem, LeaseLostError, releaseItem, type ClaimedItem } from "./queue";
import { recordOutcome, serializeError, type RecordDeps, type RunInfo } from "./record";
import { cancelMatchingRuns, type CancellationBody } from "./cancellations";
import { FunctionRegistry, syncApp, type FailureHandler } from "./registry";
import { fireDueCrons, syncCrons } from "./schedule";
import { signingFetch } from "./signature";
import { lockRun, memoize, TERMINAL_STATUSES } from "./steps";
import { DEFAULT_POLL_MS, DEFAULT_REQUEST_TIMEOUT_MS, defaultLeaseMs, LEASE_MARGIN_MS, leaseFits } from "./timing";

export type ExecutorOptions = {
  /** The app's serve endpoint, e.g. http://127.0.0.1:3000/api/inngest. */
  serveUrl: string;
  db?: RootDb;
  /** How long a claim holds an item (default requestTimeoutMs + 30 s, timing.ts). Must exceed requestTimeoutMs by LEASE_MARGIN_MS. */
  leaseMs?: number;
  /** Longest a single function call may take (default 2 min). */
  requestTimeoutMs?: number;
  /** Retry delay after a failed attempt; default Inngest's table with jitter. Tests pass short ones. */
  backoff?: BackoffFn;
  /** Most items one claim takes (default 20). */
  batchSize?: number;
  /** Worker poll interval when idle (default 500 ms). */
  pollIntervalMs?: number;
  /** Calls to the app in flight at once (default 10): the worker loop claims again as one ends. */
  concurrency?: number;
  /**
   * The app whose runs this executor drives. Set by sync(); given up front, a worker can drive runs and
   * fire crons without syncing (runs and crons carry their step URL and settings).
   */
  appId?: string;
  /**
   * Inngest signing key (`signkey-<env>-<hex>`): when set, every sync and call carries an
   * X-Inngest-Signature the SDK verifies in cloud mode, and answers must be signed back.
   */
  signingKey?: string;
  fetch?: typeof fetch;
};

export type TickResult = { claimed: number; processed: number; leaseLost: number; errors: number; cronsFired: number };

/** What process() needs from the database before it can call the app. */
type Prepared = { url: string; body: CallBody; info: RunInfo };

export class Executor {
  readonly registry = new FunctionRegistry();
  /** This executor's row in job_executors and the claimedBy of the items it leases. */
  readonly id = randomUUID();
  private readonly outage = new DatabaseOutage();
  private readonly db: RootDb;
  private readonly leaseMs: number;
  private readonly requestTimeoutMs: number;
  private readonly backoff: BackoffFn;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly concurrency: number;
  private readonly fetchFn: typeof fetch;
  private worker?: { stop: boolean; done: Promise<void>; wake?: () => void };
  private synced = false;
  /** What recording an outcome needs from this executor (record.ts). */
  private readonly recordDeps: RecordDeps = {
    backoff: (attempt) => this.backoff(attempt),
    emitFailed: (tx, run, error) => this.emitFailed(tx, run, error),
    invoke: (tx, run, op) => this.invoke(tx, run, op),
  };
  /** The synced app's id: this executor claims and fires only that app's runs and crons. */
  private appId = "";

  constructor(private readonly options: ExecutorOptions) {
    this.db = options.db ?? rootDb();
    this.requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    this.leaseMs = options.leaseMs ?? defaultLeaseMs(this.requestTimeoutMs);
    this.backoff = options.backoff ?? inngestBackoff;
    this.batchSize = Math.max(1, options.batchSize ?? 20);
    this.pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_MS;
    this.concurrency = Math.max(1, options.concurrency ?? 10);
    this.appId = options.appId ?? "";
    this.fetchFn = options.signingKey ? signingFetch(options.signingKey, options.fetch ?? fetch) : (options.fetch ?? fetch);
    if (!leaseFits(this.leaseMs, this.requestTimeoutMs)) {
      throw new Error(`Executor: leaseMs (${this.leaseMs}) must exceed requestTimeoutMs (${this.requestTimeoutMs}) by ${LEASE_MARGIN_MS} ms`);
    }
  }

  /** Inngest's bulk cancellation (POST /v1/cancellations, cancellations.ts) on this executor's runs. */
  cancelRuns(body: CancellationBody) {
    return cancelMatchingRuns(this.db, this.registry, body);
  }

  /**
   * In-band sync with the app: (re)loads the function registry and stores its cron schedules. A bad
   * `if` / idempotency expression or cron throws FunctionConfigError naming the function(s); the
   * previous registry then stays in force.
   */
  async sync(): Promise<void> {
    const payload = await syncApp(this.options.serveUrl, this.fetchFn);
    this.registry.replace(payload);
    await syncCrons(this.db, payload.app_id, this.registry.all());
    this.appId = payload.app_id;
    this.synced = true;
    for (const fn of this.registry.all()) {
      if (fn.unsupported.length) log.warn("jobs.trigger_unsupported", { functionId: fn.id, triggers: fn.unsupported });
    }
  }

  /** Stores the event (deduplicated by `id`) and queues a run of every function it triggers. */
  async ingestEvent(name: string, data: Record<string, unknown> = {}, id?: string): Promise<IngestResult> {
    // Without a registry the event would be stored and silently start nothing.
    if (!this.synced) throw new Error("Executor.ingestEvent: call sync() first, so that the app's functions are known");
    return ingestEvent(this.db, this.registry, name, data, id);
  }

  /** Several events in one transaction (one send() of many events): all are stored, or none. */
  async ingestEvents(events: Array<{ name: string; data: Record<string, unknown>; id?: string }>): Promise<IngestResult[]> {
    if (!this.synced) throw new Error("Executor.ingestEvents: call sync() first, so that the app's functions are known");
    return ingestEvents(this.db, this.registry, events);
  }

  /** Fires due crons (unless `crons` is false), then claims up to `limit` due items (leased to this executor). */
  private async claim(limit: number, crons = true): Promise<{ items: ClaimedItem[]; cronsFired: number }> {
    if (!this.appId) throw new Error("Executor.tick: call sync() first (or pass appId), so that the app is known");
    let cronsFired = 0;
    if (crons) {
      try {
        // Due crons first, so their runs' start items are claimable in this very claim.
        cronsFired = (await fireDueCrons(this.db, this.appId)).length;
      } catch (err) {
        // Unreachable database: the claim below would fail too; the caller handles the outage.
        if (isConnectionError(err)) throw err;
        log.error("jobs.cron_fire_failed", { err });
      }
    }
    // No free slot: crons still fire (their runs wait for one), nothing is claimed.
    const items = limit > 0 ? await claimDue(this.db, this.appId, limit, this.leaseMs, this.id) : [];
    this.outage.answered();
    return { items, cronsFired };
  }

  /** Calls the app for one claimed item and records the outcome, counting it in `result`. */
  private async runItem(item: ClaimedItem, claimedAt: number, result: TickResult): Promise<void> {
    try {
      // Never start a call that could outlive the lease: hand the item back for the next claim.
      if (Date.now() - claimedAt + this.requestTimeoutMs + LEASE_MARGIN_MS > this.leaseMs) {
        await whileUnreachable(this.outage, item.lockedUntil, () => releaseItem(this.db, item));
        return;
      }
      if (await this.process(item)) result.processed++;
      else result.errors++;
    } catch (err) {
      if (err instanceof LeaseLostError) {
        result.leaseLost++;
        log.warn("jobs.lease_lost", { runId: item.runId, itemId: item.id });
      } else {
        // The item stays leased and is retried once the lease expires.
        result.errors++;
        log.error("jobs.process_failed", { err, runId: item.runId, itemId: item.id });
      }
    }
  }

  /**
   * One round by hand (tests, scripts): claims due items and processes them, `concurrency` at a time,
   * returning when all are done. Safe to call from many processes at once. The worker loop (start)
   * does not use rounds: it keeps `concurrency` calls going and claims again as each one ends.
   */
  async tick(): Promise<TickResult> {
    const { items, cronsFired } = await this.claim(this.batchSize);
    const result: TickResult = { claimed: items.length, processed: 0, leaseLost: 0, errors: 0, cronsFired };
    const claimedAt = Date.now();
    let next = 0;
    const worker = async () => {
      while (next < items.length) await this.runItem(items[next++]!, claimedAt, result);
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, items.length) }, worker));
    return result;
  }

  /**
   * Starts the worker loop (idempotent) and its heartbeat. The loop keeps up to `concurrency` calls to
   * the app in flight and claims new items whenever a call ends — never waiting for a whole round, so
   * one long step (an import's commit step runs for minutes) holds one slot, not every other run. It
   * polls every pollIntervalMs while idle; while the database cannot be reached it backs off instead,
   * and says so once (DatabaseOutage), not once per poll. stop() lets the calls in flight finish.
   */
  start(): void {
    if (this.worker) return;
    const state: { stop: boolean; done: Promise<void>; wake?: () => void } = { stop: false, done: Promise.resolve() };
    // A pause that stop() — or a call that ends, freeing a slot — cuts short: an outage backoff may be 10 s.
    const pause = (ms: number) =>
      new Promise<void>((resolve) => {
        const end = () => {
          clearTimeout(timer);
          state.wake = undefined;
          resolve();
        };
        const timer = setTimeout(end, ms);
        state.wake = end;
      });
    const inFlight = new Set<Promise<void>>();
    // The loop claims often when busy; crons need a look once per poll interval, not per claim.
    let cronsCheckedAt = 0;
    // Counts of the loop's calls, for nobody in particular: runItem logs what matters.
    const tally: TickResult = { claimed: 0, processed: 0, leaseLost: 0, errors: 0, cronsFired: 0 };
    state.done = (async () => {
      const heartbeat = this.startHeartbeat();
      await heartbeat.first;
      let backoff: number | undefined;
      while (!state.stop) {
        const limit = Math.min(this.concurrency - inFlight.size, this.batchSize);
        let claimed = 0;
        let wait = this.pollIntervalMs;
        try {
          const crons = Date.now() - cronsCheckedAt >= this.pollIntervalMs;
          if (crons) cronsCheckedAt = Date.now();
          const { items } = await this.claim(limit, crons);
          claimed = items.length;
          const claimedAt = Date.now();
          for (const item of items) {
            const call: Promise<void> = this.runItem(item, claimedAt, tally).finally(() => {
              inFlight.delete(call);
              // Claim again once half the slots are free (or at the next poll): claiming for every
              // single freed slot would cost a claim transaction per call (measured: -10% runs/s).
              // Never during an outage: the backoff pause is not cut short by calls ending.
              if (backoff === undefined && inFlight.size <= this.concurrency / 2) state.wake?.();
            });
            inFlight.add(call);
          }
          backoff = undefined;
        } catch (err) {
          if (isConnectionError(err)) {
            this.outage.failed(err);
            wait = backoff = outageDelay(backoff);
          } else {
            log.error("jobs.tick_failed", { err });
          }
        }
        // More may be due when the claim was cut by `limit` and slots are left: claim again at once.
        // Otherwise wait for the poll interval — or less: a call that ends wakes the loop to fill its slot.
        const mayBeMore = limit > 0 && claimed === limit && inFlight.size < this.concurrency;
        if (!mayBeMore && !state.stop) await pause(wait);
      }
      await Promise.all(inFlight);
      await heartbeat.stop();
    })();
    this.worker = state;
  }

  async stop(): Promise<void> {
    if (!this.worker) return;
    this.worker.stop = true;
    this.worker.wake?.();
    await this.worker.done;
    this.worker = undefined;
  }

  /**
   * Beats now (resolved in `first`, never rejecting) and every HEARTBEAT_INTERVAL_MS until stop(), which
   * removes this executor's row. A failed beat is left to the next one; an unreachable database is
   * reported once per outage (DatabaseOutage), whoever runs into it first.
   */
  private startHeartbeat(): { first: Promise<void>; stop: () => Promise<void> } {
    // One beat at a time: a beat still waiting for the database when the next is due covers both.
    let inFlight: Promise<void> | undefined;
    const once = () =>
      (inFlight ??= beat(this.db, this.id)
        .then(
          () => this.outage.answered(),
          (err) => {
            if (isConnectionError(err)) this.outage.failed(err);
            else log.warn("jobs.heartbeat_failed", { err, executorId: this.id });
          },
        )
        .finally(() => (inFlight = undefined)));
    const first = once().then(() => forgetDeadExecutors(this.db).catch(() => undefined));
    const timer = setInterval(() => void once(), HEARTBEAT_INTERVAL_MS);
    timer.unref();
    return {
      first,
      stop: async () => {
        clearInterval(timer);
        await first;
        await inFlight;
        try {
          await retire(this.db, this.id);
        } catch (err) {
          // The row ages like a dead executor's and is forgotten later; nothing is lost.
          log.warn("jobs.heartbeat_retire_failed", { err, executorId: this.id });
        }
      },
    };
  }

  /**
   * Loads what the call needs, calls the app and records the outcome. Returns false when the database
   * failed before the call and the item was handed back instead (nothing was called).
   */
  private async process(item: ClaimedItem): Promise<boolean> {
    let prepared: Prepared | undefined;
    try {
      prepared = await this.prepare(item);
    } catch (err) {
      if (!isConnectionError(err)) throw err;
      this.outage.failed(err);
      // Nothing was called yet: release the item as soon as the database answers, so that the next
      // claim retries it at once rather than after the lease.
      await whileUnreachable(this.outage, item.lockedUntil, () => releaseItem(this.db, item));
      log.warn("jobs.item_released", { runId: item.runId, itemId: item.id, error: err instanceof Error ? err.message : String(err) });
      return false;
    }
    if (!prepared) return true;
    const outcome = await callFunction(prepared.url, prepared.body, this.requestTimeoutMs, this.fetchFn);
    // The app has answered: its outcome is recorded even if the database is away for a while. A retry
    // after a commit whose acknowledgement was lost finds the item gone (LeaseLostError) — the lease
    // fence makes repeating the transaction safe.
    const { info } = prepared;
    await whileUnreachable(this.outage, item.lockedUntil, () => recordOutcome(this.db, this.recordDeps, item, info, outcome));
    return true;
  }

  /** Everything before the call; undefined when there is nothing to call (the item was dealt with). */
  private async prepare(item: ClaimedItem): Promise<Prepared | undefined> {
    const run = await this.db.jobRun.findUnique({ where: { id: item.runId }, include: { event: true } });
    if (!run || TERMINAL_STATUSES.includes(run.status)) {
      // Leftover work of a finished or deleted run (e.g. a sibling of a parallel step).
      await this.db.$transaction(async (tx) => void (await completeItem(tx, item)));
      return undefined;
    }
    if (item.kind === "sleep" && item.stepHash) {
      // The sleep is over: memoizing it is what tells the SDK to continue past step.sleep().
      await this.db.jobStep.createMany({ data: [{ runId: run.id, stepHash: item.stepHash }], skipDuplicates: true });
    }
    if ((item.kind === "wait-timeout" || item.kind === "invoke-timeout") && !(await this.expire(item))) return undefined;
    if (run.status === "queued") {
      await this.db.jobRun.updateMany({ where: { id: run.id, status: "queued" }, data: { status: "running", startedAt: new Date() } });
    }
    const steps = await this.db.jobStep.findMany({ where: { runId: run.id }, orderBy: { id: "asc" } });
    const { url, body, event } = callRequest(run, steps, item);
    const info: RunInfo = {
      id: run.id,
      appId: run.appId,
      functionId: run.functionId,
      attempt: run.attempt,
      maxAttempts: run.maxAttempts,
      event,
      failureHandler: (run.failureHandler as FailureHandler | null) ?? undefined,
      organizationId: run.organizationId,
      parentRunId: run.parentRunId,
      parentStepHash: run.parentStepHash,
    };
    return { url, body, info };
  }

  /**
   * A waitForEvent or invoke timeout came due: memoize its result (null / InngestInvokeTimeoutError) and
   * go on to call the function — unless the event or the invoked run's result came first, in which case
   * that side already queued the continuation and this item is dropped. Returns whether to call.
   */
  private async expire(item: ClaimedItem): Promise<boolean> {
    const stepHash = item.stepHash ?? "";
    return this.db.$transaction(async (tx) => {
      const status = await lockRun(tx, item.runId);
      let won = false;
      if (status && !TERMINAL_STATUSES.includes(status)) {
        if (item.kind === "wait-timeout") {
          won = (await tx.jobWait.deleteMany({ where: { runId: item.runId, stepHash } })).count === 1;
          if (won) await memoize(tx, item.runId, stepHash, { data: null });
        } else {
          won = await memoize(tx, item.runId, stepHash, { error: INVOKE_TIMEOUT_ERROR });
        }
      }
      if (!won) await completeItem(tx, item);
      return won;
    });
  }

  /**
   * step.invoke(): starts a run of the target function (any synced function, whatever its triggers) for
   * an inngest/function.invoked event carrying the payload, linked to this step; its result is memoized
   * here when it ends (run-end.ts), or InngestInvokeTimeoutError at the timeout. The event id is derived
   * from run and step, so repeated reports of the op (later calls, retried records) invoke once.
   * Returns true when the step was answered at once (unknown function).
   */
  private async invoke(tx: Prisma.TransactionClient, run: RunInfo, op: StepOp): Promise<boolean> {
    const opts = (op.opts ?? {}) as { function_id?: unknown; payload?: { data?: unknown }; timeout?: unknown };
    const functionId = typeof opts.function_id === "string" ? opts.function_id : "";
    const target = this.registry.get(functionId);
    if (!target) {
      await memoize(tx, run.id, op.id, { error: { name: "Error", message: `step.invoke: no function "${functionId}" is synced with the executor` } });
      return true;
    }
    const dedupeKey = `invoke:${run.id}:${op.id}`;
    const payloadData = opts.payload?.data && typeof opts.payload.data === "object" ? (opts.payload.data as Record<string, unknown>) : {};
    const data = {
      ...payloadData,
      _inngest: { source_app_id: run.appId, source_fn_id: run.functionId, source_run_id: run.id, fn_id: functionId, correlation_id: `${run.id}.${op.id}` },
    };
    const inserted = await tx.$queryRaw<Array<{ id: string; ts: Date }>>`
      INSERT INTO job_events (id, name, data, "dedupeKey")
      VALUES (gen_random_uuid(), ${EVENT_FUNCTION_INVOKED}, ${JSON.stringify(data)}::jsonb, ${dedupeKey})
      ON CONFLICT ("dedupeKey") DO NOTHING
      RETURNING id::text AS id, ts`;
    const row = inserted[0];
    if (!row) return false; // invoked by an earlier report of this op
    const event: SdkEvent = { id: dedupeKey, name: EVENT_FUNCTION_INVOKED, data, ts: row.ts.getTime() };
    const childId = await createRun(tx, target, row.id, event, { parentRunId: run.id, parentStepHash: op.id, organizationId: run.organizationId });
    if (!childId) {
      await memoize(tx, run.id, op.id, { error: { name: "Error", message: `step.invoke: ${functionId} skipped the run (idempotency key already used)` } });
      return true;
    }
    if (typeof opts.timeout === "string" && opts.timeout) {
      await tx.jobQueueItem.create({ data: { runId: run.id, kind: "invoke-timeout", stepHash: op.id, dueAt: sleepUntil(opts.timeout) } });
    }
    return false;
  }

  /**
   * inngest/function.failed, the lifecycle event that triggers `<fnId>-failure` (onFailure): data has
   * function_id, run_id, error (serialized: name, message, stack) and the original event. Emitted in the
   * transaction that fails the run, deduplicated by run id.
   */
  private async emitFailed(
    tx: Prisma.TransactionClient,
    run: { id: string; functionId: string; event: SdkEvent; failureHandler?: FailureHandler },
    error: unknown,
  ) {
    const data = { function_id: run.functionId, run_id: run.id, error: serializeError(error), event: run.event };
    const id = `${EVENT_FUNCTION_FAILED}:${run.id}`;
    // Other functions triggered by inngest/function.failed are matched with this worker's registry ...
    const result = await ingestEventInTx(tx, this.registry, EVENT_FUNCTION_FAILED, data, id);
    if (result.duplicate || !run.failureHandler) return;
    // ... while the run's own onFailure handler, copied at creation, starts whatever registry this worker has.
    const handler = run.failureHandler;
    const started = await tx.jobRun.count({ where: { eventId: result.eventId, functionId: handler.id } });
    if (started === 0) {
      const event: SdkEvent = { id, name: EVENT_FUNCTION_FAILED, data, ts: Date.now() };
      await createRun(tx, handler, result.eventId, event);
    }
  }
}

export function createExecutor(options: ExecutorOptions): Executor {
  return new Executor(options);
}
