// Dashboard: how many items are below their reorder threshold, linking to exactly those items.
import Link from "next/link";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { WidgetProps } from "@/core/plugins/types";
import { lowStockCount } from "./queries";
import { orgFormat } from "@/core/format/org-format";


export default async function LowStockWidget({ ctx }: WidgetProps) {
  const fmt = orgFormat(ctx.organization);
  const n = await lowStockCount(ctx.organization.id);
  return (
    <Card aria-label="Low stock">
      <CardHeader>
        <CardTitle as="h3">Low stock</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-1 text-sm">
        <p>
          <span className="text-2xl font-semibold tabular-nums" data-testid="low-stock-count">
            {fmt.number(n)}
          </span>{" "}
          {n === 1 ? "item is" : "items are"} below {n === 1 ? "its" : "their"} reorder threshold
        </p>
        {n > 0 ? (
          <Link href="/inventory?stock=low" className="text-primary hover:underline">
            Review low-stock items
          </Link>
        ) : (
          <p className="text-muted-foreground">Everything is stocked above its threshold.</p>
        )}
      </CardContent>
    </Card>
  );
}
