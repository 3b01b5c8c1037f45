// Where the Shopify client sends its requests: the shop's own https://<shop>.myshopify.com origin
// (re-checked here with the settings' own rule, so nothing else is ever called with the token).
//
// RITIKO_SHOPIFY_BASE_URL_OVERRIDE (tests only): an http(s) URL on loopback — 127.0.0.1, ::1 or
// localhost — that replaces the shop's origin, so tests can run the real client against a fake
// Shopify server they start themselves. The settings' validation stays as strict as ever (only https
// *.myshopify.com shop URLs can be saved); an override that is not on loopback is refused, so a stray
// variable cannot send an organization's access token anywhere else.
import { shopifyUrlProblem } from "../settings";

export const BASE_URL_OVERRIDE_ENV = "RITIKO_SHOPIFY_BASE_URL_OVERRIDE";

const LOOPBACK = new Set(["127.0.0.1", "[::1]", "localhost"]);

export class ShopifyConfigError extends Error {
  name = "ShopifyConfigError";
}

/** The origin (no trailing slash) requests for this shop go to. */
export function shopifyBaseUrl(shopUrl: string): string {
  const override = process.env[BASE_URL_OVERRIDE_ENV];
  if (override) {
    let url: URL;
    try {
      url = new URL(override);
    } catch {
      throw new ShopifyConfigError(`${BASE_URL_OVERRIDE_ENV} is not a URL.`);
    }
    if (!/^https?:$/.test(url.protocol) || !LOOPBACK.has(url.hostname)) {
      throw new ShopifyConfigError(`${BASE_URL_OVERRIDE_ENV} must be an http(s) URL on loopback (it exists for tests against a local fake Shopify).`);
    }
    return url.origin;
  }
  const problem = shopifyUrlProblem(shopUrl);
  if (problem) throw new ShopifyConfigError(`The Shopify shop URL in the Inventory settings is not usable: ${problem}.`);
  return new URL(shopUrl).origin;
}
