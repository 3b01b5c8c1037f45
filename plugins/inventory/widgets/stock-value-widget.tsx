// Dashboard: the value of the stock on hand (quantity × price), in the organization's currency.
import Link from "next/link";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { WidgetProps } from "@/core/plugins/types";
import { formatCurrency } from "../components/format-currency";
import { stockValueTotal } from "./queries";

const num = new Intl.NumberFormat("en-US");

export default async function StockValueWidget({ ctx }: WidgetProps) {
  const { value, items } = await stockValueTotal(ctx.organization.id);
  return (
    <Card aria-label="Stock value">
      <CardHeader>
        <CardTitle as="h3">Stock value</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-1 text-sm">
        <p className="text-2xl font-semibold tabular-nums" data-testid="stock-value-total">
          {formatCurrency(value, ctx.organization.currency)}
        </p>
        <p className="text-muted-foreground">
          On hand across {num.format(items)} {items === 1 ? "item" : "items"}
        </p>
        <Link href="/inventory/reports" className="text-primary hover:underline">
          Inventory reports
        </Link>
      </CardContent>
    </Card>
  );
}
