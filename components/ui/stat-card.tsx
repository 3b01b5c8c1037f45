import type { ReactNode } from "react";
import { cn } from "./cn";

export type StatCardProps = {
  label: ReactNode;
  value: ReactNode;
  /** Short context under the value, e.g. "12 scheduled today". */
  hint?: ReactNode;
  /** Decorative icon element, e.g. `<CalendarDays />`. */
  icon?: ReactNode;
  className?: string;
};

/** A dashboard metric. A description list, so label and value are announced together. */
export function StatCard({ label, value, hint, icon, className }: StatCardProps) {
  return (
    <div
      data-slot="stat-card"
      className={cn("relative rounded-xl border border-border bg-surface p-5 shadow-xs", className)}
    >
      <dl className={cn(icon ? "pr-12" : undefined)}>
        <dt className="text-sm font-medium text-muted-foreground">{label}</dt>
        <dd className="mt-1 text-3xl font-semibold tracking-tight text-foreground">{value}</dd>
        {hint ? <dd className="mt-1 text-sm text-muted-foreground">{hint}</dd> : null}
      </dl>
      {icon ? (
        <div
          className="absolute top-5 right-5 flex size-9 items-center justify-center rounded-lg bg-primary-soft text-primary [&_svg]:size-5"
          aria-hidden="true"
        >
          {icon}
        </div>
      ) : null}
    </div>
  );
}
