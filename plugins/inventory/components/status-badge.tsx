// The inventory status badge (the seed's `inventory_status` template tag): "Marked out of stock", "Out of
// stock", "Low (n)" or "In stock (n)" (stock-status.ts decides which), in the member's language. The
// words carry the meaning; the colour (AA-contrast badge variants) and the icon only reinforce it, so it
// reads the same to screen readers and colour-blind users.
import { useTranslations } from "next-intl";
import { Ban, CircleAlert, CircleCheck, CircleX } from "lucide-react";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { stockStatus, type StockStatusKind } from "./stock-status";

const VARIANT: Record<StockStatusKind, BadgeVariant> = { marked_out: "neutral", out: "danger", low: "warning", in: "success" };
const ICON = { marked_out: Ban, out: CircleX, low: CircleAlert, in: CircleCheck } as const;

/** `inStock` false (marked out of stock) shows as such whatever the quantity. */
export type StatusBadgeProps = { quantity: number; threshold: number; inStock?: boolean; className?: string };

/** The words of each status in the member's language: `t(kind, { quantity })`. */
export type StockWords = (kind: StockStatusKind, values: { quantity: string }) => string;

export function StatusBadge({ quantity, threshold, inStock = true, className }: StatusBadgeProps) {
  const t = useTranslations("plugins.inventory.stock");
  return <StockBadge kind={stockStatus(quantity, threshold, inStock).kind} quantity={quantity} words={t} className={className} />;
}

/**
 * The badge with the words handed in: the items table translates once per table, not once per row
 * (a translator per cell cost ~20 µs each when measured with renderToString, 100 rows a page).
 */
export function StockBadge({ kind, quantity, words, className }: { kind: StockStatusKind; quantity: number; words: StockWords; className?: string }) {
  const Icon = ICON[kind];
  return (
    <Badge variant={VARIANT[kind]} className={className} data-stock-status={kind}>
      <Icon aria-hidden="true" />
      {words(kind, { quantity: String(quantity) })}
    </Badge>
  );
}
