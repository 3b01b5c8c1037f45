// Waiting in tests, in one place: for a condition to hold (polling; failing with what was awaited),
// for a value to appear, and a free port for a server of the test's own. Prefer a condition to a
// sleep: a loaded 2-core machine stretches every wall-clock guess.
export { freePort } from "@/scripts/lib/free-port";

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Poll = {
  /** Between checks; default 25 ms. */
  everyMs?: number;
  /** A check that throws means "not yet" (a server or database that is down) instead of failing. */
  retryErrors?: boolean;
};

/** Waits until `probe` returns a value (not undefined/false), and returns it; fails naming what was awaited. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 15_000, opts: Poll = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let value: T | undefined | false = undefined;
    try {
      value = await probe();
    } catch (err) {
      if (!opts.retryErrors) throw err;
    }
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(opts.everyMs ?? 25);
  }
}

/** Waits until `check` holds; returns how long that took (ms). */
export async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 15_000, opts: Poll = {}): Promise<number> {
  const started = Date.now();
  await waitFor(what, async () => (await check()) || undefined, timeoutMs, opts);
  return Date.now() - started;
}
