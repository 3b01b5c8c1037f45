// Inventory's organization settings (the seed's settings), with the seed's 1.0 -> 2.0 migration: the old
// single `email_notifications` flag became the two alert flags.
import { defineSettings } from "@/core/plugins/settings/schema";

export const inventorySettings = defineSettings({
  fields: {
    enableLowStockAlerts: { type: "boolean", default: true, label: "Low-stock alerts", help: "Open an alert and e-mail when an item falls below its threshold.", category: "Alerts" },
    enableExpirationAlerts: { type: "boolean", default: true, label: "Expiration alerts", help: "Include items expiring within 30 days in the nightly e-mail.", category: "Alerts" },
    lowStockThreshold: {
      type: "integer",
      default: 10,
      min: 1,
      max: 1000,
      label: "Default low-stock threshold",
      help: "Reorder threshold of new items, 1 to 1000.",
      category: "Stock",
    },
    notificationEmail: {
      type: "text",
      default: "",
      format: "email",
      maxLength: 254,
      label: "Notification e-mail",
      help: "Where low-stock alerts and the nightly summary go. Empty: no e-mail.",
      category: "Alerts",
    },
    reorderLeadTimeDays: { type: "integer", default: 7, min: 0, max: 365, label: "Reorder lead time (days)", category: "Purchasing" },
    defaultSupplier: { type: "text", default: "", maxLength: 200, label: "Default supplier", help: "Used for generated purchase orders.", category: "Purchasing" },
    defaultSupplierEmail: {
      type: "text",
      default: "",
      format: "email",
      maxLength: 254,
      label: "Default supplier's e-mail",
      help: "Where \"E-mail to supplier\" sends generated purchase orders (editable on each order).",
      category: "Purchasing",
    },
    stockDisplayFormat: {
      type: "choice",
      default: "status",
      options: [
        { value: "status", label: "Status badge: In stock (12) / Low (3) / Out of stock" },
        { value: "quantity_unit", label: "Quantity and unit: 12 box (low and empty stock keep their badge)" },
        { value: "quantity", label: "Quantity only: 12 (low and empty stock keep their badge)" },
      ],
      label: "Stock display",
      help: "How the items list shows quantities.",
      category: "Stock",
    },
    shopifyShopUrl: {
      type: "text",
      default: "",
      maxLength: 200,
      label: "Shopify shop URL",
      help: "https://<your-shop>.myshopify.com",
      category: "Shopify",
      validate: (value) => (value ? shopifyUrlProblem(value) : null),
    },
    shopifyApiKey: { type: "secret", label: "Shopify access token", help: "Admin API access token; stored encrypted, never shown again.", category: "Shopify" },
  },
  migrations: [
    {
      from: "1.0.0",
      to: "2.0.0",
      up: async (store) => {
        if (await store.has("email_notifications")) {
          const old = Boolean(await store.get("email_notifications"));
          await store.set("enableLowStockAlerts", old);
          await store.set("enableExpirationAlerts", old);
          await store.delete("email_notifications");
        }
      },
    },
  ],
});

/** null when the URL is an https URL of a *.myshopify.com shop (no path), else why not. */
export function shopifyUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "Enter a full URL, e.g. https://my-shop.myshopify.com";
  }
  if (url.protocol !== "https:") return "The shop URL must start with https://";
  if (!/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/i.test(url.hostname)) return "The shop must be a *.myshopify.com address";
  if ((url.pathname && url.pathname !== "/") || url.search || url.hash || url.username || url.password || url.port) {
    return "Give only the shop address, without a path, port or query";
  }
  return null;
}
