import { useTranslations } from "next-intl";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import type { OrderStatus } from "../../orders/schema";

const VARIANT: Record<OrderStatus, BadgeVariant> = { draft: "neutral", sent: "info", received: "success" };

/** The status in the member's language (a server or client component: next-intl serves both). */
export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const t = useTranslations("plugins.inventory.orders");
  return <Badge variant={VARIANT[status]}>{t(status)}</Badge>;
}
