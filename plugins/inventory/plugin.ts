// The Inventory plugin: items, categories, stock adjustments and their history, low-stock alerts,
// purchase orders, reports, the REST API, nightly checks and Shopify sync (the seed's inventory plugin,
// redesigned for a million items per organization).
import { definePlugin } from "@/core/plugins/types";
import { inventoryApi } from "./api/routes";
import { inventoryEvents } from "./events";
import { inventoryHandlers } from "./handlers";
import { itemsImportResource } from "./imports/items-resource";
import { inventoryLifecycle } from "./lifecycle";
import { inventoryMenu } from "./menu";
import { inventoryPages } from "./pages";
import { INVENTORY_PERMISSIONS } from "./permissions";
import { inventorySettings } from "./settings";
import { inventoryWidgets } from "./widgets";

const P = INVENTORY_PERMISSIONS;

export default definePlugin({
  id: "inventory",
  name: "Inventory",
  version: "2.0.0",
  description: "Stock of supplies and medications: items, adjustments, low-stock alerts, purchase orders, reports and Shopify sync.",
  author: "Ritiko",
  permissions: [
    { key: P.view, label: "View inventory" },
    { key: P.manage, label: "Create, edit and delete items and categories" },
    { key: P.adjust, label: "Adjust stock" },
    { key: P.orders, label: "Manage purchase orders" },
    { key: P.reports, label: "View inventory reports" },
    { key: P.sync, label: "Run the Shopify sync" },
  ],
  groups: [
    { key: "inventory.clerk", label: "Inventory clerk", permissions: [P.view, P.adjust] },
    { key: "inventory.manager", label: "Inventory manager", permissions: [P.view, P.manage, P.adjust, P.orders, P.reports, P.sync] },
  ],
  settings: inventorySettings,
  events: inventoryEvents,
  handlers: inventoryHandlers,
  lifecycle: inventoryLifecycle,
  menu: inventoryMenu,
  widgets: inventoryWidgets,
  pages: inventoryPages,
  api: inventoryApi,
  imports: [itemsImportResource],
});
