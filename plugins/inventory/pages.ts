// Inventory's admin pages under /inventory/..., one file per area (each area's page components live in
// pages/<area>/).
import type { PageContribution } from "@/core/plugins/types";
import { itemPages } from "./pages/item-pages";
import { listPages } from "./pages/list-pages";
import { orderPages } from "./pages/order-pages";
import { reportPages } from "./pages/report-pages";
import { shopifyPages } from "./pages/shopify-pages";

export const inventoryPages: PageContribution[] = [...listPages, ...itemPages, ...orderPages, ...reportPages, ...shopifyPages];
