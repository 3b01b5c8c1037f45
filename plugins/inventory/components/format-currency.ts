// Money in the organization's currency (organizations.currency, ISO 4217), replacing the seed's
// `currency` filter that always printed dollars. Amounts are decimal strings ("1234.50", as NUMERIC
// columns come back) and are formatted exactly: Intl formats the string itself, never a rounded float.
// A fixed locale keeps server and browser output identical (no hydration mismatch).
const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(currency: string): Intl.NumberFormat | null {
  const code = currency.trim().toUpperCase();
  let f = formatters.get(code);
  if (!f) {
    try {
      f = new Intl.NumberFormat("en-US", { style: "currency", currency: code });
    } catch {
      return null; // not a currency code Intl knows: formatCurrency falls back to "12.50 XYZ"
    }
    formatters.set(code, f);
  }
  return f;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** "$1,234.50" for ("1234.5", "USD"), "£8.90" for ("8.90", "GBP"); "—" for an empty or malformed amount. */
export function formatCurrency(amount: string | number | null | undefined, currency: string): string {
  if (amount === null || amount === undefined) return "—";
  const text = typeof amount === "number" ? (Number.isFinite(amount) ? String(amount) : "") : amount.trim();
  if (!DECIMAL.test(text)) return "—";
  const f = formatterFor(currency);
  // Intl.NumberFormat v3 (Node 19+, every current browser) formats decimal strings without float rounding.
  return f ? f.format(text as Intl.StringNumericLiteral) : `${text} ${currency}`;
}
