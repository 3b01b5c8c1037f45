// Inventory's Shopify page (components in pages/shopify/): the sync's setup, "Sync now", recent runs
// and the items that failed.
import type { PageContribution } from "@/core/plugins/types";
import { INVENTORY_PERMISSIONS as P } from "../permissions";

export const shopifyPages: PageContribution[] = [
  { path: "shopify", title: "Shopify sync", permission: P.sync, component: () => import("./shopify/shopify-page") },
];
