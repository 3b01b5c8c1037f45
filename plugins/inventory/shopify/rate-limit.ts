// Shopify's REST Admin API rate limits, as its responses state them:
//   X-Shopify-Shop-Api-Call-Limit: "32/40" — a leaky bucket per app and shop: `capacity` calls fit, and
//     it drains at capacity/20 calls per second (40 → 2/s on standard plans, 80 → 4/s on Plus);
//   429 Too Many Requests with Retry-After — seconds (Shopify sends "2.0"), or an HTTP date.
// The client waits BEFORE the bucket is full (so a steady sync rarely sees a 429 at all) and honours
// Retry-After exactly when it does.

export type CallLimit = { used: number; capacity: number };

/** "32/40" → { used: 32, capacity: 40 }; null when absent or garbled. */
export function parseCallLimit(header: string | null | undefined): CallLimit | null {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(header ?? "");
  if (!m) return null;
  const used = Number(m[1]);
  const capacity = Number(m[2]);
  return capacity > 0 && used >= 0 ? { used, capacity } : null;
}

/** Retry-After in milliseconds (seconds, fractional allowed, or an HTTP date); null when absent or garbled. */
export function parseRetryAfter(header: string | null | undefined, now = Date.now()): number | null {
  const v = (header ?? "").trim();
  if (!v) return null;
  if (/^\d+(\.\d+)?$/.test(v)) return Math.ceil(Number(v) * 1000);
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** Calls kept free in the bucket, for other apps or admins working on the same shop. */
export const BUCKET_HEADROOM = 4;

/**
 * How long to wait before the next call so the bucket stays below capacity - BUCKET_HEADROOM, given
 * the fill level the last response reported `elapsedMs` ago. 0 when there is room.
 */
export function bucketWaitMs(limit: CallLimit | null, elapsedMs = 0): number {
  if (!limit) return 0;
  const leakPerSecond = Math.max(limit.capacity / 20, 0.5);
  const level = Math.max(0, limit.used - (elapsedMs / 1000) * leakPerSecond);
  const allowed = Math.max(1, limit.capacity - BUCKET_HEADROOM);
  if (level < allowed) return 0;
  return Math.ceil(((level - allowed + 1) / leakPerSecond) * 1000);
}
