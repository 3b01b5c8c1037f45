// The in-process trigger of outbox delivery until the job system takes over: a loop that calls
// deliverOutboxBatch() about every second, at once after kickOutbox() (a committed write in this
// process), and back-to-back while full batches keep coming. Several processes may each run one:
// claims use SKIP LOCKED and leases (see outbox.ts), so they share the work without duplicates.
// One loop per process: the state lives on globalThis, so Next's dev double initialisation and hot
// reloads find the running loop instead of starting a second one.
import { log } from "@/core/log";
import { deliverOutboxBatch, type DeliverOptions } from "./outbox";
import { clearOutboxPending, onOutboxKick } from "./outbox-signal";

export { kickOutbox } from "./outbox-signal";

export type DispatcherOptions = {
  /** Poll interval when idle (default 1000 ms). */
  pollMs?: number;
  /** Longest pause after consecutive failures such as the database being down (default 30 s). */
  maxBackoffMs?: number;
  batch?: DeliverOptions;
};

type Running = {
  stop: () => Promise<void>;
  /** Delivery rounds finished so far (each one deliverOutboxBatch call, successful or not). */
  rounds: () => number;
};
const state = globalThis as unknown as { __ritikoOutboxDispatcher?: Running };

export function isOutboxDispatcherRunning(): boolean {
  return state.__ritikoOutboxDispatcher !== undefined;
}

/** Starts the loop (no-op when one already runs in this process). Returns a handle to stop it. */
export function startOutboxDispatcher(options: DispatcherOptions = {}): Running {
  if (state.__ritikoOutboxDispatcher) return state.__ritikoOutboxDispatcher;
  const pollMs = options.pollMs ?? 1_000;
  const maxBackoffMs = options.maxBackoffMs ?? 30_000;
  const limit = options.batch?.limit ?? 50;

  let stopping = false;
  let kicked = false;
  let rounds = 0;
  let wake: (() => void) | undefined;
  const unsubscribe = onOutboxKick(() => {
    kicked = true;
    wake?.();
  });
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      // Never keep a process alive just for the poll (CLI scripts, build workers).
      timer.unref?.();
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });

  const loop = async () => {
    let failures = 0;
    while (!stopping) {
      kicked = false;
      clearOutboxPending();
      let full = false;
      try {
        const counts = await deliverOutboxBatch({ ...options.batch, limit });
        full = counts.claimed >= limit;
        failures = 0;
      } catch (err) {
        failures++;
        log.error("outbox.dispatcher_failed", { err, failures });
      }
      rounds++;
      if (stopping) break;
      if (full || kicked) continue;
      await pause(failures ? Math.min(maxBackoffMs, pollMs * 2 ** failures) : pollMs);
    }
  };

  const running = loop();
  const handle: Running = {
    rounds: () => rounds,
    stop: async () => {
      stopping = true;
      unsubscribe();
      wake?.();
      await running; // the batch in flight finishes and records its outcomes
      if (state.__ritikoOutboxDispatcher === handle) state.__ritikoOutboxDispatcher = undefined;
    },
  };
  state.__ritikoOutboxDispatcher = handle;
  log.info("outbox.dispatcher_started", { pollMs, limit });
  return handle;
}

/** Stops this process's loop, waiting for the batch in flight. No-op when none runs. */
export async function stopOutboxDispatcher(): Promise<void> {
  await state.__ritikoOutboxDispatcher?.stop();
}
