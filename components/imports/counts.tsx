"use client";
// Four numbers of an import (would be / were created, updated, unchanged, rejected) as stat tiles.
import { count } from "./labels";
import { useOrgFormat } from "@/components/format/org-format";

export function ImportCounts({ label, items }: { label: string; items: { label: string; value: number; tone?: "danger" }[] }) {
  const { locale } = useOrgFormat();
  return (
    <dl aria-label={label} className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      {items.map((item) => (
        <div key={item.label} className="rounded-lg border border-border bg-muted/30 px-4 py-3">
          <dt className="text-xs font-medium tracking-wide text-muted-foreground uppercase">{item.label}</dt>
          <dd className={item.tone === "danger" && item.value > 0 ? "text-2xl font-semibold text-danger-text tabular-nums" : "text-2xl font-semibold tabular-nums"}>
            {count(item.value, locale)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
