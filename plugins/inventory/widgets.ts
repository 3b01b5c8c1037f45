// Inventory's dashboard widgets: the low-stock count and the stock value beside the dashboard's cards,
// the latest adjustments under them. Each is one cheap query (widgets/queries.ts) and streams on its own.
import type { WidgetContribution } from "@/core/plugins/types";
import { INVENTORY_PERMISSIONS as P } from "./permissions";

export const inventoryWidgets: WidgetContribution[] = [
  { id: "low-stock", zone: "dashboard.side", priority: 30, permission: P.view, component: () => import("./widgets/low-stock-widget") },
  { id: "stock-value", zone: "dashboard.side", priority: 20, permission: P.view, component: () => import("./widgets/stock-value-widget") },
  { id: "recent-adjustments", zone: "dashboard.main", priority: 20, permission: P.view, component: () => import("./widgets/recent-adjustments-widget") },
];
