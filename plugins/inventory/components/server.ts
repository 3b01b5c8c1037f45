// Inventory's server-only components (they read the database): for server components and widgets.
import "server-only";

export { ItemStockChart, type ItemStockChartProps } from "./item-stock-chart";
export { stockSeries, adjustmentHistory, parseChartRange, CHART_RANGES } from "../items/history";
