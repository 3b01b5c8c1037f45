// Retry timing, modelled on Inngest's pkg/backoff: a fixed table indexed by the attempt that just
// failed (15s, 30s, 1m, 2m, 5m, ... capped at 2h), plus up to 10% jitter so that many runs failing
// together do not retry in lockstep. A function's RetryAfterError (header retry-after) overrides it.

const TABLE_MS = [15, 30, 60, 120, 300, 600, 1_200, 2_400, 3_600, 7_200].map((s) => s * 1000);

export type BackoffFn = (failedAttempt: number) => number;

/** Delay before retrying after attempt `failedAttempt` (0-based) failed. */
export const inngestBackoff: BackoffFn = (failedAttempt) => {
  const base = TABLE_MS[Math.min(Math.max(failedAttempt, 0), TABLE_MS.length - 1)] ?? 7_200_000;
  return base + Math.floor(Math.random() * base * 0.1);
};

/**
 * Parses a retry-after header: delay-seconds or an HTTP/ISO date (the SDK sends either, depending on
 * what RetryAfterError was given). Returns milliseconds from `now`, or undefined when absent/garbled.
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
