// When a failed durable delivery is tried again: 10 s, 30 s, 2 min, 10 min, then every hour, each
// spread by ±20 % so that many rows failing together (a webhook endpoint down) do not retry in lockstep.
const SCHEDULE_MS = [10_000, 30_000, 120_000, 600_000, 3_600_000];
const JITTER = 0.2;

/** Delay before the next attempt after `failedAttempts` failures (1 = the first attempt failed). */
export function retryDelayMs(failedAttempts: number, random: () => number = Math.random): number {
  const base = SCHEDULE_MS[Math.min(Math.max(failedAttempts, 1), SCHEDULE_MS.length) - 1]!;
  return Math.round(base * (1 - JITTER + 2 * JITTER * random()));
}
