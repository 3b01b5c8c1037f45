import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { ORDER_STATUS_LABELS, type OrderStatus } from "../../orders/schema";

const VARIANT: Record<OrderStatus, BadgeVariant> = { draft: "neutral", sent: "info", received: "success" };

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  return <Badge variant={VARIANT[status]}>{ORDER_STATUS_LABELS[status]}</Badge>;
}
