// Dashboard: the five newest stock adjustments — item, change, who, when (in the organization's zone).
import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import type { WidgetProps } from "@/core/plugins/types";
import { adjustedBy, recentAdjustments } from "./queries";
import { formatQuantity } from "../components/quantity";
import { orgFormat } from "@/core/format/org-format";


export default async function RecentAdjustmentsWidget({ ctx }: WidgetProps) {
  const rows = await recentAdjustments(ctx.organization.id);
  const fmt = orgFormat(ctx.organization);
  return (
    <Card aria-label="Recent stock adjustments">
      <CardHeader>
        <CardTitle as="h3">Recent stock adjustments</CardTitle>
        <CardDescription>The latest changes to quantities on hand.</CardDescription>
      </CardHeader>
      <CardContent>
        {rows.length === 0 ? (
          <EmptyState title="No adjustments yet" description="Stock changes appear here as soon as anyone adjusts an item." />
        ) : (
          <ul className="divide-y divide-border" aria-label="Recent stock adjustments">
            {rows.map((a) => (
              <li key={a.id} className="flex items-center justify-between gap-4 py-2.5">
                <div className="min-w-0">
                  <Link href={`/inventory/items/${a.itemId}`} className="font-medium hover:underline">
                    {a.itemName}
                  </Link>
                  <p className="truncate text-sm text-muted-foreground">
                    {adjustedBy(a)} · {fmt.dateTime(a.createdAt)}
                  </p>
                </div>
                <p className="shrink-0 text-right text-sm tabular-nums">
                  <span className={cn("font-semibold", a.delta < 0 ? "text-danger-text" : "text-success-text")}>
                    {formatQuantity(a.delta, a.unit, { sign: true, locale: fmt.locale })}
                  </span>
                  <span className="block text-muted-foreground">now {a.newQuantity}</span>
                </p>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
