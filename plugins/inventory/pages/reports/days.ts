// Calendar days of the reports ("YYYY-MM-DD" in the organization's zone) as people read them, and the
// one-sentence summaries of the day-by-day charts that screen readers get with them.
import type { AdjustmentDay } from "../../reports/adjustments-over-time";
import type { LowStockDay } from "../../reports/low-stock-trend";

const num = new Intl.NumberFormat("en-US");
const signed = new Intl.NumberFormat("en-US", { signDisplay: "exceptZero" });
const dayShort = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", month: "short", day: "numeric" });
const dayLong = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", dateStyle: "medium" });
export const shortDay = (iso: string) => dayShort.format(new Date(`${iso}T00:00:00Z`));
export const longDay = (iso: string) => dayLong.format(new Date(`${iso}T00:00:00Z`));

export function summarizeAdjustments(days: AdjustmentDay[]): string {
  if (days.length === 0) return "No days in this period.";
  const span = `from ${longDay(days[0]!.day)} to ${longDay(days[days.length - 1]!.day)}`;
  const count = days.reduce((n, d) => n + d.count, 0);
  if (count === 0) return `No stock adjustments ${span}.`;
  const added = days.reduce((n, d) => n + d.added, 0);
  const removed = days.reduce((n, d) => n + d.removed, 0);
  const busiest = days.reduce((a, b) => (b.added + b.removed > a.added + a.removed ? b : a));
  return `Units added and removed per day ${span}: ${num.format(added)} in, ${num.format(removed)} out (net ${signed.format(added - removed)}) over ${num.format(count)} adjustment${count === 1 ? "" : "s"}; busiest day ${longDay(busiest.day)}.`;
}

export function summarizeLowStock(days: LowStockDay[]): string {
  if (days.length === 0) return "No days in this period.";
  const first = days[0]!;
  const last = days[days.length - 1]!;
  const peak = days.reduce((a, b) => (b.low > a.low ? b : a));
  const fell = days.reduce((n, d) => n + d.fell, 0);
  const restocked = days.reduce((n, d) => n + d.restocked, 0);
  return `Items below their threshold at the end of each day from ${longDay(first.day)} to ${longDay(last.day)}: ${num.format(first.low)} on the first day, ${num.format(last.low)} on the last, at most ${num.format(peak.low)} (${longDay(peak.day)}); ${num.format(fell)} fell below, ${num.format(restocked)} restocked.`;
}
