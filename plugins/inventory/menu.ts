// Inventory's sidebar entry. The low-stock badge is one indexed count (menu-badges.ts).
import type { MenuItem } from "@/core/plugins/types";
import { lowStockBadge } from "./menu-badges";
import { INVENTORY_PERMISSIONS as P } from "./permissions";

export const inventoryMenu: MenuItem[] = [
  {
    label: "Inventory",
    icon: "Package",
    order: 40,
    permission: P.view,
    children: [
      { label: "Items", href: "/inventory", permission: P.view, badge: lowStockBadge },
      { label: "Purchase orders", href: "/inventory/orders", permission: P.orders },
      { label: "Reports", href: "/inventory/reports", permission: P.reports },
      { label: "Shopify", href: "/inventory/shopify", permission: P.sync },
      // order 1: after the entries above (same-order entries sort by label, and "Items" should lead).
      { label: "Categories", href: "/inventory/categories", permission: P.view, order: 1 },
    ],
  },
];
