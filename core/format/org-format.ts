// How one organization writes dates, numbers and money: its locale (core/format/locale.ts), time zone
// and currency, in one object that server pages build from their context (`orgFormat(ctx.organization)`)
// and client components get from <OrgFormatProvider> (components/format/org-format.tsx). Server and
// browser format with the same explicit locale, so the hydrated text matches the server's.
// Machine formats (CSV exports, the REST API, logs) do not use this: they stay ISO and plain.
import { formatCalendarDate, formatDateTime, formatTime } from "@/core/time/zoned";
import { knownLocale, type LocaleTag } from "./locale";
import { formatMoney, numberFormat } from "./numbers";

export type OrgFormatting = { timezone: string; currency: string; locale: string };

const COMPACT: Intl.NumberFormatOptions = { notation: "compact", maximumFractionDigits: 1 };

export type OrgFormat = {
  locale: LocaleTag;
  timezone: string;
  currency: string;
  /** 1234 → "1,234" (en-US), "1234" / "12.345" (es-ES: grouping from five digits). */
  number(n: number): string;
  /** Changes: "+5", "−3", "0". */
  signed(n: number): string;
  /** Axis ticks: "1.2K" (en-US), "1,2 mil" (es-ES). */
  compact(n: number): string;
  /** "$1,234.50" (en-US, USD), "1234,50 €" (es-ES, EUR). */
  money(amount: string | number | null | undefined): string;
  compactMoney(amount: number): string;
  /** An instant on the organization's wall clock: date and time, or other Intl options. */
  dateTime(instant: Date | string, opts?: Intl.DateTimeFormatOptions): string;
  /** An instant's date only, on the organization's wall clock. */
  date(instant: Date | string): string;
  time(instant: Date | string): string;
  /** A calendar day ("2026-03-08", stored at UTC midnight): never shifted by a time zone. */
  day(isoDay: string, style?: "medium" | "short"): string;
};

export function orgFormat(org: OrgFormatting): OrgFormat {
  const locale = knownLocale(org.locale);
  const { timezone, currency } = org;
  const plain = numberFormat(locale)!;
  const signed = numberFormat(locale, { signDisplay: "exceptZero" })!;
  const compact = numberFormat(locale, COMPACT)!;
  return {
    locale,
    timezone,
    currency,
    number: (n) => plain.format(n),
    signed: (n) => signed.format(n),
    compact: (n) => compact.format(n),
    money: (amount) => formatMoney(amount, currency, locale),
    compactMoney: (amount) => formatMoney(amount, currency, locale, COMPACT),
    dateTime: (instant, opts) => formatDateTime(instant, timezone, opts, locale),
    date: (instant) => formatDateTime(instant, timezone, { timeStyle: undefined }, locale),
    time: (instant) => formatTime(instant, timezone, locale),
    day: (isoDay, style = "medium") =>
      formatCalendarDate(isoDay, locale, style === "short" ? { month: "short", day: "numeric" } : { dateStyle: "medium" }),
  };
}
