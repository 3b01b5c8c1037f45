// The inventory list at /inventory (pages/list/): the admin table with its bulk actions.
import type { PageContribution } from "@/core/plugins/types";
import { INVENTORY_PERMISSIONS } from "../permissions";

export const listPages: PageContribution[] = [
  { path: "", title: "Inventory", permission: INVENTORY_PERMISSIONS.view, component: () => import("./list/items-page") },
];
