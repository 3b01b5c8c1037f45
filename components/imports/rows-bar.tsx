"use client";
// A bar of rows processed out of the file's rows (used live by ImportProgress and, finished, on the
// outcome). Percent is floored, so 100% means every row was processed.
import { cn } from "@/components/ui/cn";
import { useTranslations } from "next-intl";
import { count, rowsPercent } from "./labels";
import { useOrgFormat } from "@/components/format/org-format";

export function RowsBar({ label, done, total, tone = "primary" }: { label: string; done: number; total: number | null; tone?: "primary" | "warning" | "danger" }) {
  const { locale } = useOrgFormat();
  const t = useTranslations("imports");
  const percent = rowsPercent(done, total);
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={t("progress.barText", { percent, done: count(done, locale), total: t("rows", { count: count(total ?? 0, locale), n: total ?? 0 }) })}
      className="h-2.5 overflow-hidden rounded-full bg-muted"
    >
      <div
        className={cn("h-full rounded-full transition-[width]", tone === "danger" ? "bg-danger" : tone === "warning" ? "bg-warning" : "bg-primary")}
        style={{ width: `${percent}%` }}
      />
    </div>
  );
}
