"use client";
// "From" and "To" day filters for the appointment list, kept in the URL like every other filter.
import { useTranslations } from "next-intl";
import { useUrlParams } from "@/components/data-table/use-url-params";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

export function DateRangeFilter() {
  const { get, set } = useUrlParams();
  const t = useTranslations("appointments.table");
  return (
    <div className="flex items-end gap-2">
      <div className="grid gap-1">
        <Label htmlFor="filter-from" className="text-xs text-muted-foreground">
          {t("from")}
        </Label>
        <Input id="filter-from" type="date" className="h-9 w-40" defaultValue={get("from") ?? ""} onChange={(e) => set({ from: e.target.value || null })} />
      </div>
      <div className="grid gap-1">
        <Label htmlFor="filter-to" className="text-xs text-muted-foreground">
          {t("to")}
        </Label>
        <Input id="filter-to" type="date" className="h-9 w-40" defaultValue={get("to") ?? ""} onChange={(e) => set({ to: e.target.value || null })} />
      </div>
    </div>
  );
}
