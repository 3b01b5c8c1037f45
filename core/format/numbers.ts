// Numbers and money in a locale. Intl.NumberFormat is costly to build and cheap to use (the same
// lesson as core/time/zoned.ts), so formatters are kept per locale and options; locales come from a
// short list and options are literals in our code, so the cache stays small (bounded anyway).
const formatters = new Map<string, Intl.NumberFormat | null>();
const MAX_FORMATTERS = 500;

/** The formatter, or null when Intl refuses the options (a currency code it does not know). */
export function numberFormat(locale: string, opts: Intl.NumberFormatOptions = {}): Intl.NumberFormat | null {
  const key = `${locale}|${JSON.stringify(opts)}`;
  let f = formatters.get(key);
  if (f === undefined) {
    try {
      f = new Intl.NumberFormat(locale, opts);
    } catch {
      f = null;
    }
    if (formatters.size >= MAX_FORMATTERS) formatters.clear();
    formatters.set(key, f);
  }
  return f;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * Money exactly as stored: amounts are decimal strings ("1234.50", as NUMERIC columns come back) and
 * Intl formats the string itself (Intl.NumberFormat v3), never a rounded float. "—" for an empty or
 * malformed amount; "12.50 XYZ" for a currency code Intl does not know.
 */
export function formatMoney(amount: string | number | null | undefined, currency: string, locale: string, opts: Intl.NumberFormatOptions = {}): string {
  if (amount === null || amount === undefined) return "—";
  const text = typeof amount === "number" ? (Number.isFinite(amount) ? String(amount) : "") : amount.trim();
  if (!DECIMAL.test(text)) return "—";
  const code = currency.trim().toUpperCase();
  const f = numberFormat(locale, { style: "currency", currency: code, ...opts });
  return f ? f.format(text as Intl.StringNumericLiteral) : `${text} ${currency}`;
}
