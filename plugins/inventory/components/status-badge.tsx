// The inventory status badge (the seed's `inventory_status` template tag): "Marked out of stock", "Out of
// stock", "Low (n)" or "In stock (n)" (stock-status.ts decides which). The words carry the meaning; the colour (AA-contrast badge variants) and the icon only
// reinforce it, so it reads the same to screen readers and colour-blind users.
import { Ban, CircleAlert, CircleCheck, CircleX } from "lucide-react";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { stockStatus, type StockStatusKind } from "./stock-status";

const VARIANT: Record<StockStatusKind, BadgeVariant> = { marked_out: "neutral", out: "danger", low: "warning", in: "success" };
const ICON = { marked_out: Ban, out: CircleX, low: CircleAlert, in: CircleCheck } as const;

/** `inStock` false (marked out of stock) shows as such whatever the quantity. */
export type StatusBadgeProps = { quantity: number; threshold: number; inStock?: boolean; className?: string };

export function StatusBadge({ quantity, threshold, inStock = true, className }: StatusBadgeProps) {
  const status = stockStatus(quantity, threshold, inStock);
  const Icon = ICON[status.kind];
  return (
    <Badge variant={VARIANT[status.kind]} className={className} data-stock-status={status.kind}>
      <Icon aria-hidden="true" />
      {status.label}
    </Badge>
  );
}
