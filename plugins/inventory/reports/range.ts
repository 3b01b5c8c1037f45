// The reports' date range: calendar days in the organization's time zone, from and to inclusive
// (`?from=2026-01-01&to=2026-01-31`). Default: the last 30 days, today included. The page, the CSV
// downloads and the tests share this one parser, so they can never disagree about what a range means.
// Rules, each with its own message: real calendar dates as YYYY-MM-DD, from on or before to, to not
// after today (there is nothing to report yet), and at most two years (the daily chart and the
// adjustment scans are sized for that; see the queries).
import { z } from "zod";
import { utcToZonedLocal } from "@/core/time/zoned";

export const DEFAULT_RANGE_DAYS = 30;
export const MAX_RANGE_YEARS = 2;

/** An inclusive range of calendar days ("YYYY-MM-DD") in the organization's time zone. */
export type ReportRange = { from: string; to: string; days: number };
export type RangeErrors = { from?: string; to?: string };
export type RangeResult =
  | { ok: true; range: ReportRange }
  /** `input` is what the user typed, to show it again next to the errors. */
  | { ok: false; errors: RangeErrors; input: { from: string; to: string } };

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const fromDayNumber = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

export function addDays(iso: string, days: number): string {
  return fromDayNumber(dayNumber(iso) + days);
}

/** The same calendar date `years` earlier; 29 February falls back to the 28th in a common year. */
export function minusYears(iso: string, years: number): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const lastOfMonth = new Date(Date.UTC(y - years, m, 0)).getUTCDate();
  return `${String(y - years).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(Math.min(d, lastOfMonth)).padStart(2, "0")}`;
}

/** Today's date on the organization's wall clock. */
export function todayIn(timeZone: string, now = new Date()): string {
  return utcToZonedLocal(now, timeZone).slice(0, 10);
}

export function defaultRange(timeZone: string, now = new Date()): ReportRange {
  const to = todayIn(timeZone, now);
  return { from: addDays(to, -(DEFAULT_RANGE_DAYS - 1)), to, days: DEFAULT_RANGE_DAYS };
}

function isCalendarDay(s: string): boolean {
  const m = ISO_DAY.exec(s);
  if (!m) return false;
  const [y, mo, d] = [+m[1]!, +m[2]!, +m[3]!];
  const date = new Date(Date.UTC(y, mo - 1, d));
  // Date.UTC rolls 2026-02-30 over into March; a real date round-trips.
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const day = (label: string) =>
  z
    .string()
    .trim()
    .refine((s) => ISO_DAY.test(s), `Enter the ${label} date as YYYY-MM-DD`)
    .refine((s) => !ISO_DAY.test(s) || isCalendarDay(s), { error: (issue) => `${String(issue.input)} is not a date in the calendar` });

const rangeInput = z.object({ from: day("start").optional(), to: day("end").optional() });

const one = (v: string | string[] | null | undefined) => (Array.isArray(v) ? v[0] : v) ?? undefined;

/**
 * Parses `from` / `to` from a URL (page search params or the CSV route's query). Empty or missing
 * values take the defaults: no `to` is today, no `from` is 30 days up to `to`.
 */
export function parseReportRange(raw: { from?: string | string[] | null; to?: string | string[] | null }, timeZone: string, now = new Date()): RangeResult {
  const input = { from: (one(raw.from) ?? "").trim(), to: (one(raw.to) ?? "").trim() };
  const parsed = rangeInput.safeParse({ from: input.from || undefined, to: input.to || undefined });
  if (!parsed.success) {
    const errors: RangeErrors = {};
    for (const issue of parsed.error.issues) errors[issue.path[0] as keyof RangeErrors] ??= issue.message;
    return { ok: false, errors, input };
  }
  const today = todayIn(timeZone, now);
  const to = parsed.data.to ?? today;
  const from = parsed.data.from ?? addDays(to, -(DEFAULT_RANGE_DAYS - 1));
  const errors: RangeErrors = {};
  if (to > today) errors.to = `The end date cannot be after today (${today})`;
  if (from > to) errors.from = `The start date must be on or before the end date (${to})`;
  else if (from < minusYears(to, MAX_RANGE_YEARS)) {
    errors.from = `The range can be at most ${MAX_RANGE_YEARS} years: with an end date of ${to}, start on ${minusYears(to, MAX_RANGE_YEARS)} or later`;
  }
  if (errors.from || errors.to) return { ok: false, errors, input };
  return { ok: true, range: { from, to, days: dayNumber(to) - dayNumber(from) + 1 } };
}

/** The range as a query string, for links and download URLs. */
export function rangeQuery(range: { from: string; to: string }): string {
  return new URLSearchParams({ from: range.from, to: range.to }).toString();
}
