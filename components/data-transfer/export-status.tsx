// How an export's status reads: a badge and a scope description ("All rows", "Current filter", "12 selected").
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { numberFormat } from "@/core/format/numbers";
import type { ExportQuery } from "@/core/imports/types";

const STATUS: Record<string, { label: string; variant: BadgeVariant }> = {
  queued: { label: "Queued", variant: "neutral" },
  running: { label: "Running", variant: "info" },
  completed: { label: "Ready", variant: "success" },
  failed: { label: "Failed", variant: "danger" },
  cancelled: { label: "Cancelled", variant: "warning" },
};

export function ExportStatusBadge({ status }: { status: string }) {
  const s = STATUS[status] ?? { label: status, variant: "neutral" as const };
  return <Badge variant={s.variant}>{s.label}</Badge>;
}

export function scopeLabel(query: ExportQuery, locale = "en-US"): string {
  if (query.scope === "selected") return `${numberFormat(locale)!.format(query.ids.length)} selected`;
  if (query.scope === "filtered") {
    const parts = Object.entries(query.filter).filter(([k, v]) => v && k !== "page" && k !== "sort" && k !== "dir").map(([k, v]) => `${k}: ${v}`);
    return parts.length ? `Filter (${parts.join(", ")})` : "Current filter";
  }
  return "All rows";
}

