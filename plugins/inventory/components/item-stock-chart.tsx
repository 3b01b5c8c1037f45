// The stock chart of one item, loaded on the server: for server components (pages, widgets) of this
// and other plugins. <ItemStockChart ctx={ctx} item={item} days={30} />
import "server-only";
import type { OrgContext } from "@/core/auth/context";
import { stockSeries, type ChartRange } from "../items/history";
import { StockChart } from "./stock-chart";

export type ItemStockChartProps = {
  ctx: OrgContext;
  item: { id: string; unit: string; reorderThreshold: number };
  days?: ChartRange;
  id?: string;
  className?: string;
};

export async function ItemStockChart({ ctx, item, days = 30, id, className }: ItemStockChartProps) {
  const points = await stockSeries(ctx.organization.id, item.id, { days, timeZone: ctx.organization.timezone });
  if (!points) return null;
  return <StockChart points={points} unit={item.unit} threshold={item.reorderThreshold} title={`Stock over the last ${days} days`} id={id} className={className} />;
}
