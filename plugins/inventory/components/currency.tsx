// An amount in the organization's currency, e.g. <Currency amount={item.price} currency={ctx.organization.currency} />.
import { cn } from "@/components/ui/cn";
import { formatCurrency } from "./format-currency";

export type CurrencyProps = { amount: string | number | null | undefined; currency: string; locale?: string; className?: string };

export function Currency({ amount, currency, locale, className }: CurrencyProps) {
  return <span className={cn("tabular-nums", className)}>{formatCurrency(amount, currency, locale)}</span>;
}
