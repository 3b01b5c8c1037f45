// The organization's Shopify credentials from the Inventory settings: the shop URL and the Admin API
// access token (a secret setting, stored encrypted; decrypted here for server use only). Read inside
// each step that calls Shopify and never returned from a step, so the token is not memoized in the
// job's stored state or shown on the Jobs page.
import { settingsAccess } from "@/core/plugins/settings/store";
import { SecretDecryptionError, SecretsKeyError } from "@/core/plugins/settings/crypto";
import { shopifyBaseUrl, ShopifyConfigError } from "./base-url";

export type ShopifyCredentials = { shopUrl: string; baseUrl: string; accessToken: string };

/** Why the sync cannot run for this organization (a message for the admin), or its credentials. */
export async function shopifyCredentials(organizationId: string): Promise<ShopifyCredentials | { problem: string }> {
  const settings = settingsAccess("inventory", organizationId);
  const shopUrl = ((await settings.get<string>("shopifyShopUrl")) ?? "").trim();
  let accessToken: string | null;
  try {
    accessToken = await settings.get<string | null>("shopifyApiKey");
  } catch (err) {
    if (err instanceof SecretDecryptionError || err instanceof SecretsKeyError) {
      return { problem: `The Shopify access token cannot be read (${err.message}). Enter it again in the Inventory settings.` };
    }
    throw err;
  }
  if (!shopUrl && !accessToken) return { problem: "Shopify is not set up: enter the Shopify shop URL and access token in the Inventory settings." };
  if (!shopUrl) return { problem: "The Shopify shop URL is not set: enter it in the Inventory settings." };
  if (!accessToken) return { problem: "The Shopify access token is not set: enter it in the Inventory settings." };
  try {
    return { shopUrl, baseUrl: shopifyBaseUrl(shopUrl), accessToken };
  } catch (err) {
    if (err instanceof ShopifyConfigError) return { problem: err.message };
    throw err;
  }
}
