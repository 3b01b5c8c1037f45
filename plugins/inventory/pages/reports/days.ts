// Calendar days of the reports ("YYYY-MM-DD" in the organization's zone) as people read them, and the
// one-sentence summaries of the day-by-day charts that screen readers get with them.
import type { OrgFormat } from "@/core/format/org-format";
import type { AdjustmentDay } from "../../reports/adjustments-over-time";
import type { LowStockDay } from "../../reports/low-stock-trend";

export const shortDay = (fmt: OrgFormat, iso: string) => fmt.day(iso, "short");
export const longDay = (fmt: OrgFormat, iso: string) => fmt.day(iso);

export function summarizeAdjustments(days: AdjustmentDay[], fmt: OrgFormat): string {
  if (days.length === 0) return "No days in this period.";
  const span = `from ${longDay(fmt, days[0]!.day)} to ${longDay(fmt, days[days.length - 1]!.day)}`;
  const count = days.reduce((n, d) => n + d.count, 0);
  if (count === 0) return `No stock adjustments ${span}.`;
  const added = days.reduce((n, d) => n + d.added, 0);
  const removed = days.reduce((n, d) => n + d.removed, 0);
  const busiest = days.reduce((a, b) => (b.added + b.removed > a.added + a.removed ? b : a));
  return `Units added and removed per day ${span}: ${fmt.number(added)} in, ${fmt.number(removed)} out (net ${fmt.signed(added - removed)}) over ${fmt.number(count)} adjustment${count === 1 ? "" : "s"}; busiest day ${longDay(fmt, busiest.day)}.`;
}

export function summarizeLowStock(days: LowStockDay[], fmt: OrgFormat): string {
  if (days.length === 0) return "No days in this period.";
  const first = days[0]!;
  const last = days[days.length - 1]!;
  const peak = days.reduce((a, b) => (b.low > a.low ? b : a));
  const fell = days.reduce((n, d) => n + d.fell, 0);
  const restocked = days.reduce((n, d) => n + d.restocked, 0);
  return `Items below their threshold at the end of each day from ${longDay(fmt, first.day)} to ${longDay(fmt, last.day)}: ${fmt.number(first.low)} on the first day, ${fmt.number(last.low)} on the last, at most ${fmt.number(peak.low)} (${longDay(fmt, peak.day)}); ${fmt.number(fell)} fell below, ${fmt.number(restocked)} restocked.`;
}
