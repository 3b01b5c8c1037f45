// A small client for the one Shopify call the sync makes: POST
// https://<shop>/admin/api/<version>/inventory_levels/set.json { location_id, inventory_item_id,
// available } with the shop's Admin API access token in X-Shopify-Access-Token. Setting (rather than
// adjusting) is idempotent, so a call repeated after a crash or a retry does no harm.
//
// What it does about failures, per call:
//   - keeps the leaky bucket from filling (X-Shopify-Shop-Api-Call-Limit, see rate-limit.ts) by waiting
//     in-process before a call when the last response said it was nearly full;
//   - 429: waits Retry-After in-process when that is short (≤ maxInProcessWaitMs) and tries again;
//     a longer wait is handed back ({ retry: "rate_limited", waitMs }) so the job can sleep durably
//     (step.sleep) instead of holding a request open;
//   - 5xx, 408 and network errors/timeouts: retried with exponential backoff, then handed back as
//     { retry: "transient" } (the job's step is then retried by Inngest);
//   - 401/403: the token is wrong or lacks the inventory scope — { retry: "auth" }, nothing else will
//     work either;
//   - any other 4xx (404 unknown item or location, 422 refused quantity, …): this item's problem,
//     { retry: "never" } with Shopify's own words.
import { bucketWaitMs, parseCallLimit, parseRetryAfter, type CallLimit } from "./rate-limit";

/** The Admin API version the client speaks (Shopify supports each for at least 12 months). */
export const SHOPIFY_API_VERSION = "2025-01";

export type SetLevelInput = { inventoryItemId: string; locationId: string; available: number };

export type SetLevelResult =
  | { ok: true; available: number | null }
  | { ok: false; retry: "rate_limited"; waitMs: number; error: string }
  | { ok: false; retry: "transient"; error: string }
  | { ok: false; retry: "auth"; status: number; error: string }
  | { ok: false; retry: "never"; status: number | null; error: string };

export type ShopifyClientOptions = {
  /** Origin requests go to (shopifyBaseUrl). */
  baseUrl: string;
  accessToken: string;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** Longest wait (429 Retry-After or bucket drain) done in-process; longer ones are handed back. */
  maxInProcessWaitMs?: number;
  /** Attempts per call for 5xx/network errors. */
  transientAttempts?: number;
  /** Backoff before transient attempt n+1 (n = 1, 2, …). */
  backoffMs?: (attempt: number) => number;
  /** In-process 429 waits per call before handing the wait back. */
  maxRateLimitWaits?: number;
  timeoutMs?: number;
};

export type ShopifyClient = {
  setInventoryLevel(input: SetLevelInput): Promise<SetLevelResult>;
  /** HTTP requests made so far (for the job's output). */
  readonly requests: number;
};

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Shopify ids are integers; the admin may paste a GraphQL gid ("gid://shopify/InventoryItem/123"). */
export function numericShopifyId(value: string): string | null {
  const m = /^(?:gid:\/\/shopify\/[A-Za-z]+\/)?(\d{1,20})$/.exec(value.trim());
  return m ? m[1]! : null;
}

/** Shopify's error body ({"errors": "Not Found"} / {"errors": ["…"]} / {"errors": {"field": ["…"]}}) as one line. */
export function shopifyErrorText(body: string): string {
  try {
    const errors = (JSON.parse(body) as { errors?: unknown }).errors;
    if (typeof errors === "string") return errors;
    if (Array.isArray(errors)) return errors.map(String).join("; ");
    if (errors && typeof errors === "object") {
      return Object.entries(errors as Record<string, unknown>)
        .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(", ") : String(v)}`)
        .join("; ");
    }
  } catch {
    // Not JSON: fall through to the text itself.
  }
  return body.replace(/\s+/g, " ").trim().slice(0, 200) || "no details";
}

export function shopifyClient(options: ShopifyClientOptions): ShopifyClient {
  const doFetch = options.fetch ?? fetch;
  const sleep = options.sleep ?? defaultSleep;
  const maxWait = options.maxInProcessWaitMs ?? 5_000;
  const attempts = options.transientAttempts ?? 3;
  const backoff = options.backoffMs ?? ((n: number) => 250 * 2 ** (n - 1));
  const maxRateLimitWaits = options.maxRateLimitWaits ?? 10;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const url = `${options.baseUrl}/admin/api/${SHOPIFY_API_VERSION}/inventory_levels/set.json`;
  let bucket: { limit: CallLimit; at: number } | null = null;
  let requests = 0;

  async function setInventoryLevel(input: SetLevelInput): Promise<SetLevelResult> {
    const itemId = numericShopifyId(input.inventoryItemId);
    const locationId = numericShopifyId(input.locationId);
    if (!itemId) return { ok: false, retry: "never", status: null, error: `"${input.inventoryItemId}" is not a Shopify inventory item id (a number).` };
    if (!locationId) return { ok: false, retry: "never", status: null, error: `"${input.locationId}" is not a Shopify location id (a number).` };
    // The ids go into the JSON as written (digits only, checked above): no precision lost to Number.
    const body = `{"location_id":${locationId},"inventory_item_id":${itemId},"available":${Math.trunc(input.available)}}`;
    const what = `inventory item ${itemId} at location ${locationId}`;

    let transient = 0;
    let rateLimited = 0;
    for (;;) {
      const drain = bucket ? bucketWaitMs(bucket.limit, Date.now() - bucket.at) : 0;
      if (drain > 0) await sleep(Math.min(drain, maxWait));

      let res: Response;
      let text: string;
      try {
        requests++;
        res = await doFetch(url, {
          method: "POST",
          headers: { "content-type": "application/json", accept: "application/json", "x-shopify-access-token": options.accessToken },
          body,
          signal: AbortSignal.timeout(timeoutMs),
        });
        text = await res.text();
      } catch (err) {
        const reason = err instanceof Error ? (err.name === "TimeoutError" ? `no answer within ${timeoutMs / 1000} s` : causeText(err)) : String(err);
        if (++transient < attempts) {
          await sleep(backoff(transient));
          continue;
        }
        return { ok: false, retry: "transient", error: `Shopify could not be reached (${reason}) after ${attempts} attempts.` };
      }
      const limit = parseCallLimit(res.headers.get("x-shopify-shop-api-call-limit"));
      if (limit) bucket = { limit, at: Date.now() };

      if (res.ok) {
        let available: number | null = null;
        try {
          const level = (JSON.parse(text) as { inventory_level?: { available?: unknown } }).inventory_level;
          available = typeof level?.available === "number" ? level.available : null;
        } catch {
          // A 2xx is Shopify's word that the level was set, whatever the body.
        }
        return { ok: true, available };
      }
      if (res.status === 429) {
        const waitMs = parseRetryAfter(res.headers.get("retry-after")) ?? 2_000;
        if (waitMs <= maxWait && ++rateLimited <= maxRateLimitWaits) {
          await sleep(waitMs);
          continue;
        }
        return { ok: false, retry: "rate_limited", waitMs, error: `Shopify's rate limit: retry after ${Math.ceil(waitMs / 1000)} s.` };
      }
      if (res.status >= 500 || res.status === 408) {
        if (++transient < attempts) {
          await sleep(backoff(transient));
          continue;
        }
        return { ok: false, retry: "transient", error: `Shopify answered ${res.status} (${shopifyErrorText(text)}) ${attempts} times in a row.` };
      }
      if (res.status === 401 || res.status === 403) {
        return {
          ok: false,
          retry: "auth",
          status: res.status,
          error: `Shopify refused the access token (${res.status}: ${shopifyErrorText(text)}). Check the Shopify access token in the Inventory settings; it needs the write_inventory scope.`,
        };
      }
      if (res.status === 404) return { ok: false, retry: "never", status: 404, error: `Shopify does not know ${what} (404: ${shopifyErrorText(text)}).` };
      return { ok: false, retry: "never", status: res.status, error: `Shopify refused the quantity for ${what} (${res.status}: ${shopifyErrorText(text)}).` };
    }
  }

  return {
    setInventoryLevel,
    get requests() {
      return requests;
    },
  };
}

/** undici's "fetch failed" hides the reason in `cause` (ECONNREFUSED, ENOTFOUND, …). */
function causeText(err: Error): string {
  const cause = (err as { cause?: unknown }).cause;
  if (cause instanceof Error) return (cause as { code?: string }).code ?? cause.message;
  return err.message;
}
