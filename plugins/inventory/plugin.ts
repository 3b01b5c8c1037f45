// The Inventory plugin: items, categories, stock adjustments and their history, low-stock alerts,
// purchase orders, reports, the REST API, nightly checks and Shopify sync (the seed's inventory plugin,
// redesigned for a million items per organization).
import { definePlugin } from "@/core/plugins/types";
import { inventoryApi } from "./api/routes";
import { inventoryEvents } from "./events";
import { inventoryHandlers } from "./handlers";
import { itemsImportResource } from "./imports/items-resource";
import { inventoryJobSubjects } from "./job-subjects";
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
    { key: P.manage, label: "Create and edit items and categories", description: "Quantities change only through stock adjustments." },
    { key: P.delete, label: "Delete items and categories", description: "Deleting an item deletes its adjustment history." },
    { key: P.adjust, label: "Adjust stock" },
    { key: P.orders, label: "Manage purchase orders" },
    { key: P.reports, label: "View inventory reports" },
    { key: P.sync, label: "Run the Shopify sync" },
  ],
  // The role defaults (`roles`) are the matrix in the README: viewers read the items, staff keep the
  // stock (adjust, create and edit items, see the reports with their stock values) but cannot delete,
  // admins manage everything. Owners have every permission.
  groups: [
    { key: "inventory.reader", label: "Inventory reader", permissions: [P.view], roles: ["viewer"] },
    { key: "inventory.clerk", label: "Inventory clerk", permissions: [P.view, P.adjust] },
    { key: "inventory.staff", label: "Inventory staff", permissions: [P.view, P.reports, P.adjust, P.manage], roles: ["staff"] },
    { key: "inventory.manager", label: "Inventory manager", permissions: [P.view, P.manage, P.delete, P.adjust, P.orders, P.reports, P.sync], roles: ["admin"] },
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
  jobSubjects: inventoryJobSubjects,
});
