"use client";

import { useId } from "react";
import { useTranslations } from "next-intl";
import { Select } from "@/components/ui/select";

/** "Rows per page", shared by both pagers; a size from the URL that is not an option is added. */
export function PageSizeSelect({ pageSize, options, onChange }: { pageSize: number; options: readonly number[]; onChange: (pageSize: number) => void }) {
  const id = useId();
  const t = useTranslations("table");
  const sizes = options.includes(pageSize) ? options : [...options, pageSize].sort((a, b) => a - b);
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="whitespace-nowrap text-muted-foreground">
        {t("rowsPerPage")}
      </label>
      <Select id={id} value={String(pageSize)} onChange={(event) => onChange(Number(event.target.value))} className="h-8 w-auto">
        {sizes.map((size) => (
          <option key={size} value={size}>
            {size}
          </option>
        ))}
      </Select>
    </div>
  );
}
