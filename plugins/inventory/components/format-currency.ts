// Money in the organization's currency (organizations.currency, ISO 4217) and locale, replacing the
// seed's `currency` filter that always printed dollars. Amounts are decimal strings ("1234.50", as
// NUMERIC columns come back) and are formatted exactly (core/format/numbers.ts). Pages pass the
// organization's locale (orgFormat / useOrgFormat); without one, en-US.
import { formatMoney } from "@/core/format/numbers";

/** "$1,234.50" for ("1234.5", "USD"), "£8.90" for ("8.90", "GBP"), "1234,50 €" in es-ES; "—" for an empty or malformed amount. */
export function formatCurrency(amount: string | number | null | undefined, currency: string, locale = "en-US"): string {
  return formatMoney(amount, currency, locale);
}
