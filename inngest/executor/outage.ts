// Riding out a database outage (PostgreSQL restarted, failed over, or the network to it gone). The
// executor's work is in the database, so while it cannot be reached there is nothing to do but wait —
// without a log line per poll, and without giving up on what is already known:
//   - DatabaseOutage reports an outage once when it starts (jobs.database_unreachable, with the error)
//     and once when the database answers again (jobs.database_back, with how long it was gone), however
//     many of the executor's loops (worker poll, outcome writes, heartbeat) ran into it;
//   - outageDelay() is the backoff between attempts: 500 ms, doubling, at most 10 s;
//   - whileUnreachable() repeats one write (an outcome, a release) until the database takes it, bounded
//     by a deadline (the item's lease: after it, another executor may claim the item and our fenced
//     write could not land anyway).
import { log } from "@/core/log";
import { isConnectionError } from "@/core/db/errors";

export const OUTAGE_FIRST_DELAY_MS = 500;
export const OUTAGE_MAX_DELAY_MS = 10_000;

/** The pause after a failed attempt that followed a pause of `previous` ms (none: the first). */
export function outageDelay(previous?: number): number {
  return previous === undefined ? OUTAGE_FIRST_DELAY_MS : Math.min(previous * 2, OUTAGE_MAX_DELAY_MS);
}

export class DatabaseOutage {
  private downSince: number | undefined;

  get down(): boolean {
    return this.downSince !== undefined;
  }

  /** A connection-level failure: the first one of an outage is logged. */
  failed(err: unknown): void {
    if (this.downSince !== undefined) return;
    this.downSince = Date.now();
    log.error("jobs.database_unreachable", { err });
  }

  /** A database round trip succeeded: ends an outage, if there was one. */
  answered(): void {
    if (this.downSince === undefined) return;
    log.info("jobs.database_back", { downMs: Date.now() - this.downSince });
    this.downSince = undefined;
  }
}

/**
 * Runs `write` until it succeeds. A connection-level failure is waited out (outageDelay) and the write
 * repeated; any other error, and the last connection error once `deadline` has passed, is thrown.
 */
export async function whileUnreachable<T>(outage: DatabaseOutage, deadline: Date, write: () => Promise<T>): Promise<T> {
  let delay: number | undefined;
  for (;;) {
    try {
      const value = await write();
      outage.answered();
      return value;
    } catch (err) {
      if (!isConnectionError(err)) throw err;
      outage.failed(err);
      const left = deadline.getTime() - Date.now();
      if (left <= 0) throw err;
      delay = outageDelay(delay);
      // The last attempt lands at the deadline rather than past it.
      await new Promise((resolve) => setTimeout(resolve, Math.min(delay!, left)));
    }
  }
}
