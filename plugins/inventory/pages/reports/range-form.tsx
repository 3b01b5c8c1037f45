// The date range of the Reports page: a plain GET form (works without JavaScript; the URL is the state,
// so a range can be bookmarked and shared) plus quick ranges. Errors come from the server's parser
// (reports/range.ts) and are shown at their field.
import type { ReportText } from "./days";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { addDays, rangeQuery, type RangeErrors } from "../../reports/range";

export type RangeFormProps = {
  from: string;
  to: string;
  today: string;
  errors?: RangeErrors;
  timeZone: string;
};

const PRESETS = [
  { label: "last7", days: 7 },
  { label: "last30", days: 30 },
  { label: "last90", days: 90 },
  { label: "last12m", days: 365 },
] as const;

export function RangeForm({ from, to, today, errors = {}, timeZone, t }: RangeFormProps & { t: ReportText }) {
  return (
    <form method="get" action="/inventory/reports" aria-label={t("reports.period")} className="grid gap-3 rounded-xl border border-border bg-surface p-5 shadow-xs">
      {/* items-start: an error under one field must not push the other field or the button down. */}
      <div className="flex flex-wrap items-start gap-4">
        <Field id="report-from" label={t("reports.from")} error={errors.from} className="w-56">
          {(a11y) => <Input {...a11y} type="date" name="from" defaultValue={from} />}
        </Field>
        <Field id="report-to" label={t("reports.to")} error={errors.to} className="w-56">
          {(a11y) => <Input {...a11y} type="date" name="to" defaultValue={to} />}
        </Field>
        {/* The spacer takes a label's line, so the button sits level with the inputs. */}
        <div className="grid gap-1.5">
          <span className="text-sm leading-none select-none" aria-hidden="true">
            &nbsp;
          </span>
          <Button type="submit">{t("reports.apply")}</Button>
        </div>
      </div>
      <p className="text-[13px] text-muted-foreground">
        {t("reports.daysIn", { timezone: timeZone })}{" "}
        <span className="inline-flex flex-wrap gap-x-3">
          {PRESETS.map((p) => (
            <Link key={p.days} href={`/inventory/reports?${rangeQuery({ from: addDays(today, -(p.days - 1)), to: today })}`} className="text-primary hover:underline">
              {t(`reports.${p.label}`)}
            </Link>
          ))}
        </span>
      </p>
    </form>
  );
}
