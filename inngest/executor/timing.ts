// The embedded executor's timing, from the environment — parsed in one place so that the run command
// (scripts/lib/boot.ts) can refuse a bad combination at start-up, with the message, before it starts
// anything, instead of restarting an executor that refuses to start every 1–30 s for ever
// (scripts/executor.ts parses the same values again for itself).
//   RITIKO_EXECUTOR_REQUEST_TIMEOUT_MS  longest one call to the app may take (default 120000 = 2 min)
//   RITIKO_EXECUTOR_LEASE_MS            how long a claimed queue item stays locked (default timeout + 30 s)
//   RITIKO_EXECUTOR_POLL_MS             pause between queue polls when idle (default 500)

/** The environment, or any set of its variables (tests). */
type Env = Record<string, string | undefined>;

/** What the Executor requires between lease and request timeout: a call must never outlive its lease. */
export const LEASE_MARGIN_MS = 5_000;
/** The defaults, for the run command's executor and an Executor constructed in code alike. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 2 * 60_000;
export const DEFAULT_POLL_MS = 500;
export const defaultLeaseMs = (requestTimeoutMs: number) => requestTimeoutMs + 30_000;
export const leaseFits = (leaseMs: number, requestTimeoutMs: number) => leaseMs > requestTimeoutMs + LEASE_MARGIN_MS;

export type ExecutorTiming = { requestTimeoutMs: number; leaseMs: number; pollIntervalMs: number };

/** A positive integer number of milliseconds from `env`, or `fallback` when unset/empty. */
export function msFromEnv(env: Env, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value <= 0) {
    throw new Error(`${name} must be a positive whole number of milliseconds, got "${env[name]}"`);
  }
  return value;
}

/** The timing, or an Error whose message names the variables and what to change. */
export function executorTimingFromEnv(env: Env = process.env): ExecutorTiming {
  const requestTimeoutMs = msFromEnv(env, "RITIKO_EXECUTOR_REQUEST_TIMEOUT_MS", DEFAULT_REQUEST_TIMEOUT_MS);
  const leaseMs = msFromEnv(env, "RITIKO_EXECUTOR_LEASE_MS", defaultLeaseMs(requestTimeoutMs));
  const pollIntervalMs = msFromEnv(env, "RITIKO_EXECUTOR_POLL_MS", DEFAULT_POLL_MS);
  if (!leaseFits(leaseMs, requestTimeoutMs)) {
    throw new Error(
      `RITIKO_EXECUTOR_LEASE_MS (${leaseMs}) must be greater than RITIKO_EXECUTOR_REQUEST_TIMEOUT_MS (${requestTimeoutMs}) + ${LEASE_MARGIN_MS}: ` +
        `a call could otherwise outlive its lease and run twice. Raise the lease or lower the timeout.`,
    );
  }
  return { requestTimeoutMs, leaseMs, pollIntervalMs };
}
