// A process-local nudge from writers to the outbox dispatcher. emit() marks the outbox "pending" when
// it writes rows; the writer calls kickOutbox() once its transaction has committed, and a dispatcher
// running in this process polls at once instead of at its next tick. Kicks are free when nothing was
// written (pending is false) or no dispatcher runs here (no listener). A kick for a transaction that
// rolled back costs one empty poll, nothing more. Correctness never depends on kicks: the dispatcher
// polls anyway, and rows written by other processes are found by that poll.
const state = globalThis as unknown as { __ritikoOutboxSignal?: { pending: boolean; listeners: Set<() => void> } };
const signal = (state.__ritikoOutboxSignal ??= { pending: false, listeners: new Set() });

/** Called by emit when it wrote outbox rows (not yet committed). */
export function markOutboxPending(): void {
  signal.pending = true;
}

/** Call after a transaction that may have emitted events has committed. */
export function kickOutbox(): void {
  if (!signal.pending || signal.listeners.size === 0) return;
  signal.pending = false;
  for (const listener of signal.listeners) listener();
}

/** For the dispatcher: called on each kick. Returns the unsubscribe function. */
export function onOutboxKick(listener: () => void): () => void {
  signal.listeners.add(listener);
  return () => signal.listeners.delete(listener);
}

/** For the dispatcher: a poll is starting and will see every committed row, so earlier writes need no kick. */
export function clearOutboxPending(): void {
  signal.pending = false;
}
