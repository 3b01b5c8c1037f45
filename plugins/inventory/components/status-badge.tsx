// The inventory status badge (the seed's `inventory_status` template tag): "Out of stock", "Low (n)" or
// "In stock (n)". The words carry the meaning; the colour (AA-contrast badge variants) and the icon only
// reinforce it, so it reads the same to screen readers and colour-blind users.
import { CircleAlert, CircleCheck, CircleX } from "lucide-react";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { stockStatus, type StockStatusKind } from "./stock-status";

const VARIANT: Record<StockStatusKind, BadgeVariant> = { out: "danger", low: "warning", in: "success" };
const ICON = { out: CircleX, low: CircleAlert, in: CircleCheck } as const;

export type StatusBadgeProps = { quantity: number; threshold: number; className?: string };

export function StatusBadge({ quantity, threshold, className }: StatusBadgeProps) {
  const status = stockStatus(quantity, threshold);
  const Icon = ICON[status.kind];
  return (
    <Badge variant={VARIANT[status.kind]} className={className} data-stock-status={status.kind}>
      <Icon aria-hidden="true" />
      {status.label}
    </Badge>
  );
}
