// Dashboard: the value of the stock on hand (quantity × price), in the organization's currency.
import Link from "next/link";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { WidgetProps } from "@/core/plugins/types";
import { stockValueTotal } from "./queries";
import { orgFormat } from "@/core/format/org-format";


export default async function StockValueWidget({ ctx }: WidgetProps) {
  const fmt = orgFormat(ctx.organization);
  const { value, items } = await stockValueTotal(ctx.organization.id);
  return (
    <Card aria-label="Stock value">
      <CardHeader>
        <CardTitle as="h3">Stock value</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-1 text-sm">
        <p className="text-2xl font-semibold tabular-nums" data-testid="stock-value-total">
          {fmt.money(value)}
        </p>
        <p className="text-muted-foreground">
          On hand across {fmt.number(items)} {items === 1 ? "item" : "items"}
        </p>
        <Link href="/inventory/reports" className="text-primary hover:underline">
          Inventory reports
        </Link>
      </CardContent>
    </Card>
  );
}
