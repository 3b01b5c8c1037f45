"use client";

import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { Select } from "@/components/ui/select";
import { useUrlParams } from "./use-url-params";

export type FilterOption = { value: string; label: string };

export type FilterSelectProps = {
  /** URL search param this filter owns, e.g. "status". */
  param: string;
  /** Visible label (kept for screen readers on small screens). */
  label: string;
  options: ReadonlyArray<FilterOption>;
  /** The "no filter" option; selecting it removes the param. */
  allLabel?: string;
  className?: string;
};

/** A URL-backed filter for `<DataTable toolbar>`; changing it resets to page 1. */
export function FilterSelect({ param, label, options, allLabel, className }: FilterSelectProps) {
  const t = useTranslations("table");
  const { get, set } = useUrlParams();
  const id = useId();
  const urlValue = get(param) ?? "";
  // Show the choice immediately; the URL (and server data) catch up in a transition.
  const [value, setValue] = useState(urlValue);
  const [seenUrlValue, setSeenUrlValue] = useState(urlValue);
  if (urlValue !== seenUrlValue) {
    setSeenUrlValue(urlValue);
    setValue(urlValue);
  }

  return (
    <div className={cn("flex items-center gap-2", className)}>
      <label htmlFor={id} className="sr-only text-sm whitespace-nowrap text-muted-foreground sm:not-sr-only">
        {label}
      </label>
      <Select
        id={id}
        value={value}
        onChange={(event) => {
          setValue(event.target.value);
          set({ [param]: event.target.value || null });
        }}
        containerClassName="min-w-36"
      >
        <option value="">{allLabel ?? t("all")}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </Select>
    </div>
  );
}
