// Inventory's components for other plugins and core pages (the seed's template tags, as React):
//
//   import { StatusBadge, Currency, formatCurrency, StockChart } from "@/plugins/inventory/components";
//   <StatusBadge quantity={12} threshold={10} />                 // "In stock (12)"
//   <Currency amount="8.90" currency={ctx.organization.currency} />  // "$8.90"
//
// Everything here is safe in client and server components alike. The chart that loads its own data
// (a server component, it queries the database) is in ./server: import { ItemStockChart } from
// "@/plugins/inventory/components/server".
export { Currency, type CurrencyProps } from "./currency";
export { formatCurrency } from "./format-currency";
export { StatusBadge, type StatusBadgeProps } from "./status-badge";
export { STOCK_STATUS_API, stockStatus, type StockStatus, type StockStatusKind } from "./stock-status";
export { StockChart, type StockChartProps } from "./stock-chart";
export type { StockPoint, ChartRange } from "../items/history";
