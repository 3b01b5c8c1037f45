// Inventory's item and category pages (components in pages/items/). Static segments win over
// parameters, so "items/new" is never taken for an item id.
import type { PageContribution } from "@/core/plugins/types";
import { INVENTORY_PERMISSIONS as P } from "../permissions";

export const itemPages: PageContribution[] = [
  { path: "items/new", title: "New item", permission: P.manage, component: () => import("./items/new-item-page") },
  { path: "items/:id", title: "Item", permission: P.view, component: () => import("./items/item-page") },
  { path: "items/:id/edit", title: "Edit item", permission: P.manage, component: () => import("./items/edit-item-page") },
  { path: "categories", title: "Categories", permission: P.view, component: () => import("./items/categories-page") },
];
