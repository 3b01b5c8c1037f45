// Calendar days of the reports ("YYYY-MM-DD" in the organization's zone) as people read them, and the
// one-sentence summaries of the day-by-day charts that screen readers get with them.
import type { OrgFormat } from "@/core/format/org-format";
import type { PluginTranslator } from "@/core/i18n/translate";
import type { InventoryMessages } from "../../messages";
import type { AdjustmentDay } from "../../reports/adjustments-over-time";
import type { LowStockDay } from "../../reports/low-stock-trend";

/** The page's translator, handed to the report tables and summaries (server components). */
export type ReportText = PluginTranslator<InventoryMessages>;

export const shortDay = (fmt: OrgFormat, iso: string) => fmt.day(iso, "short");
export const longDay = (fmt: OrgFormat, iso: string) => fmt.day(iso);

export function summarizeAdjustments(days: AdjustmentDay[], fmt: OrgFormat, t: ReportText): string {
  if (days.length === 0) return t("reports.noDays");
  const span = { from: longDay(fmt, days[0]!.day), to: longDay(fmt, days[days.length - 1]!.day) };
  const count = days.reduce((n, d) => n + d.count, 0);
  if (count === 0) return t("reports.noAdjustments", span);
  const added = days.reduce((n, d) => n + d.added, 0);
  const removed = days.reduce((n, d) => n + d.removed, 0);
  const busiest = days.reduce((a, b) => (b.added + b.removed > a.added + a.removed ? b : a));
  return t("reports.adjustmentsSummary", {
    ...span,
    added: fmt.number(added),
    removed: fmt.number(removed),
    net: fmt.signed(added - removed),
    count,
    n: fmt.number(count),
    busiest: longDay(fmt, busiest.day),
  });
}

export function summarizeLowStock(days: LowStockDay[], fmt: OrgFormat, t: ReportText): string {
  if (days.length === 0) return t("reports.noDays");
  const first = days[0]!;
  const last = days[days.length - 1]!;
  const peak = days.reduce((a, b) => (b.low > a.low ? b : a));
  const fell = days.reduce((n, d) => n + d.fell, 0);
  const restocked = days.reduce((n, d) => n + d.restocked, 0);
  return t("reports.lowSummary", {
    from: longDay(fmt, first.day),
    to: longDay(fmt, last.day),
    first: fmt.number(first.low),
    last: fmt.number(last.low),
    peak: fmt.number(peak.low),
    peakDay: longDay(fmt, peak.day),
    fell: fmt.number(fell),
    restocked: fmt.number(restocked),
  });
}
