// The 30/90-day switch of the stock chart: plain links that set ?days= (the range lives in the URL, so
// it survives reloads and can be shared), the current one marked for assistive technology.
import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { CHART_RANGES, type ChartRange } from "../../items/history";

/** `label` names the switch and `daysLabel` writes a range ("30 days"), in the member's language. */
export function ChartRangeToggle({ current, hrefFor, label, daysLabel }: { current: ChartRange; hrefFor: (days: ChartRange) => string; label: string; daysLabel: (days: ChartRange) => string }) {
  return (
    <nav aria-label={label} className="inline-flex rounded-md border border-input p-0.5">
      {CHART_RANGES.map((days) => (
        <Link
          key={days}
          href={hrefFor(days)}
          scroll={false}
          aria-current={days === current ? "true" : undefined}
          className={cn(
            "rounded px-2.5 py-1 text-[13px] font-medium",
            days === current ? "bg-primary text-primary-foreground" : "text-foreground hover:bg-muted",
          )}
        >
          {daysLabel(days)}
        </Link>
      ))}
    </nav>
  );
}
