// Time-zone arithmetic with Intl only (no tz database dependency). Appointment times are entered and
// shown in the organization's time zone, whatever the browser's zone is, and stored as UTC instants.

// Building an Intl.DateTimeFormat costs far more than formatting with one: a 50-row admin list that
// built one per cell spent 8.7% of its server CPU in the constructor (node --cpu-prof under
// bench:api's page run). Formatters are kept per time zone and options; the time zones are the
// organizations' (validated IANA names) and the options are literals in our code, so the cache stays
// small — bounded anyway, in case a caller ever passes something unbounded.
// The locale is the organization's (core/format/locale.ts, a short list); the arithmetic below always
// reads parts in en-US, whose digits and field order it parses.
const formatters = new Map<string, Intl.DateTimeFormat>();
const MAX_FORMATTERS = 500;

function formatter(timeZone: string, opts: Intl.DateTimeFormatOptions, locale = "en-US"): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(opts)}`;
  let fmt = formatters.get(key);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat(locale, { timeZone, ...opts });
    if (formatters.size >= MAX_FORMATTERS) formatters.clear();
    formatters.set(key, fmt);
  }
  return fmt;
}

const PARTS: Intl.DateTimeFormatOptions = { hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" };

function partsIn(instant: number, timeZone: string) {
  const fmt = formatter(timeZone, PARTS);
  const p = Object.fromEntries(fmt.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  return { y: +p.year!, m: +p.month!, d: +p.day!, h: +p.hour!, min: +p.minute!, s: +p.second! };
}

/** Offset of `timeZone` from UTC at `instant`, in milliseconds (e.g. -5h for New York in winter). */
export function zoneOffsetMs(instant: number, timeZone: string): number {
  const p = partsIn(instant, timeZone);
  const asUtc = Date.UTC(p.y, p.m - 1, p.d, p.h, p.min, p.s);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** "2026-03-08T09:30" on the wall clock of `timeZone` -> the UTC instant, or null when malformed. */
export function zonedLocalToUtc(local: string, timeZone: string): Date | null {
  const m = LOCAL.exec(local);
  if (!m) return null;
  const [y, mo, d, h, mi] = [+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!];
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  const check = new Date(guess);
  // Date.UTC silently rolls "2026-13-45T99:00" over into 2027; a real wall-clock time round-trips.
  if (Number.isNaN(guess) || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || check.getUTCHours() !== h || check.getUTCMinutes() !== mi) {
    return null;
  }
  // Two passes settle daylight-saving transitions (the offset at the guess may differ from the result's).
  let result = guess - zoneOffsetMs(guess, timeZone);
  result = guess - zoneOffsetMs(result, timeZone);
  return new Date(result);
}

/** A UTC instant -> "YYYY-MM-DDTHH:mm" on the wall clock of `timeZone` (for datetime-local inputs). */
export function utcToZonedLocal(instant: Date | string, timeZone: string): string {
  const p = partsIn(new Date(instant).getTime(), timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${p.y}-${pad(p.m)}-${pad(p.d)}T${pad(p.h)}:${pad(p.min)}`;
}

/** Start of "today" in `timeZone`, as a UTC instant, plus the start of the following day. */
export function zonedDayBounds(timeZone: string, now = new Date()): { start: Date; end: Date } {
  const local = utcToZonedLocal(now, timeZone).slice(0, 10);
  const start = zonedLocalToUtc(`${local}T00:00`, timeZone)!;
  const next = new Date(Date.parse(`${local}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return { start, end: zonedLocalToUtc(`${next}T00:00`, timeZone)! };
}

/** An instant on the wall clock of `timeZone`, written in `locale` ("Mar 8, 2026, 9:30 AM" in en-US, "8 mar 2026, 9:30" in es-ES). */
export function formatDateTime(instant: Date | string, timeZone: string, opts: Intl.DateTimeFormatOptions = {}, locale?: string): string {
  return formatter(timeZone, { dateStyle: "medium", timeStyle: "short", ...opts }, locale).format(new Date(instant));
}

export function formatTime(instant: Date | string, timeZone: string, locale?: string): string {
  return formatter(timeZone, { timeStyle: "short" }, locale).format(new Date(instant));
}

/** Calendar dates (date of birth) are stored at UTC midnight; format them in UTC so they never shift. */
export function formatCalendarDate(isoDay: string, locale?: string, opts: Intl.DateTimeFormatOptions = { dateStyle: "medium" }): string {
  return formatter("UTC", opts, locale).format(new Date(`${isoDay.slice(0, 10)}T00:00:00Z`));
}

export function ageOn(isoDay: string, now = new Date()): number {
  const [y, m, d] = isoDay.split("-").map(Number) as [number, number, number];
  let age = now.getUTCFullYear() - y;
  if (now.getUTCMonth() + 1 < m || (now.getUTCMonth() + 1 === m && now.getUTCDate() < d)) age--;
  return age;
}

/** The default slot of a new appointment: the next full hour. */
export function nextFullHour(now = new Date()): Date {
  return new Date(Math.ceil(now.getTime() / 3_600_000) * 3_600_000);
}
