// Purchase orders at /inventory/orders (pages/orders/): the list and one order.
import type { PageContribution } from "@/core/plugins/types";
import { INVENTORY_PERMISSIONS } from "../permissions";

export const orderPages: PageContribution[] = [
  { path: "orders", title: "Purchase orders", permission: INVENTORY_PERMISSIONS.orders, component: () => import("./orders/orders-page") },
  { path: "orders/:id", title: "Purchase order", permission: INVENTORY_PERMISSIONS.orders, component: () => import("./orders/order-page") },
];
