// How an export's status reads: a badge and a scope description ("All rows", "Current filter", "12 selected").
import { useTranslations } from "next-intl";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { numberFormat } from "@/core/format/numbers";
import type { ExportQuery } from "@/core/imports/types";

const STATUSES = ["queued", "running", "completed", "failed", "cancelled"] as const;
type ExportStatus = (typeof STATUSES)[number];
const VARIANT: Record<ExportStatus, BadgeVariant> = { queued: "neutral", running: "info", completed: "success", failed: "danger", cancelled: "warning" };
const isStatus = (s: string): s is ExportStatus => (STATUSES as readonly string[]).includes(s);

/** The status in the member's language (an unknown status as stored). */
export function ExportStatusBadge({ status }: { status: string }) {
  const t = useTranslations("dataTransfer");
  return isStatus(status) ? <Badge variant={VARIANT[status]}>{t(status)}</Badge> : <Badge variant="neutral">{status}</Badge>;
}

/** The words scopeLabel needs: a translator of core's "dataTransfer" messages. */
export type ScopeWords = (key: "scopeSelected" | "scopeFilter" | "scopeCurrent" | "scopeAll", values?: Record<string, string>) => string;

/** "All rows", "Current filter", "Filter (stock: low)", "12 selected" — the filter's names and values as in the URL. */
export function scopeLabel(query: ExportQuery, locale: string, t: ScopeWords): string {
  if (query.scope === "selected") return t("scopeSelected", { n: numberFormat(locale)!.format(query.ids.length) });
  if (query.scope === "filtered") {
    const parts = Object.entries(query.filter).filter(([k, v]) => v && k !== "page" && k !== "sort" && k !== "dir").map(([k, v]) => `${k}: ${v}`);
    return parts.length ? t("scopeFilter", { parts: parts.join(", ") }) : t("scopeCurrent");
  }
  return t("scopeAll");
}

