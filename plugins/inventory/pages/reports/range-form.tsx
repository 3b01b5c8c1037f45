// The date range of the Reports page: a plain GET form (works without JavaScript; the URL is the state,
// so a range can be bookmarked and shared) plus quick ranges. Errors come from the server's parser
// (reports/range.ts) and are shown at their field.
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
  { label: "Last 7 days", days: 7 },
  { label: "Last 30 days", days: 30 },
  { label: "Last 90 days", days: 90 },
  { label: "Last 12 months", days: 365 },
] as const;

export function RangeForm({ from, to, today, errors = {}, timeZone }: RangeFormProps) {
  return (
    <form method="get" action="/inventory/reports" aria-label="Report period" className="grid gap-3 rounded-xl border border-border bg-surface p-5 shadow-xs">
      {/* items-start: an error under one field must not push the other field or the button down. */}
      <div className="flex flex-wrap items-start gap-4">
        <Field id="report-from" label="From" error={errors.from} className="w-56">
          {(a11y) => <Input {...a11y} type="date" name="from" defaultValue={from} />}
        </Field>
        <Field id="report-to" label="To" error={errors.to} className="w-56">
          {(a11y) => <Input {...a11y} type="date" name="to" defaultValue={to} />}
        </Field>
        {/* The spacer takes a label's line, so the button sits level with the inputs. */}
        <div className="grid gap-1.5">
          <span className="text-sm leading-none select-none" aria-hidden="true">
            &nbsp;
          </span>
          <Button type="submit">Apply</Button>
        </div>
      </div>
      <p className="text-[13px] text-muted-foreground">
        Days in {timeZone}, both included; up to two years.{" "}
        <span className="inline-flex flex-wrap gap-x-3">
          {PRESETS.map((p) => (
            <Link key={p.days} href={`/inventory/reports?${rangeQuery({ from: addDays(today, -(p.days - 1)), to: today })}`} className="text-primary hover:underline">
              {p.label}
            </Link>
          ))}
        </span>
      </p>
    </form>
  );
}
