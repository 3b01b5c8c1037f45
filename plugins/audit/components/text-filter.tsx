"use client";
// A URL-backed text or date filter for the viewer's toolbar: applied on Enter / change (dates) and
// reset to page 1, like the table's own filters.
import { useId, useState } from "react";
import { useUrlParams } from "@/components/data-table/use-url-params";
import { Input } from "@/components/ui/input";

export function TextFilter({ param, label, type = "text", placeholder, error }: { param: string; label: string; type?: "text" | "date"; placeholder?: string; error?: string }) {
  const { get, set } = useUrlParams();
  const id = useId();
  const urlValue = get(param) ?? "";
  const [value, setValue] = useState(urlValue);
  const [seen, setSeen] = useState(urlValue);
  if (urlValue !== seen) {
    setSeen(urlValue);
    setValue(urlValue);
  }
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-sm whitespace-nowrap text-muted-foreground">
        {label}
      </label>
      <Input
        id={id}
        name={param}
        type={type}
        value={value}
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={type === "date" ? "w-40" : "w-48"}
        onChange={(e) => {
          setValue(e.target.value);
          if (type === "date") set({ [param]: e.target.value || null });
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter") set({ [param]: value.trim() || null });
        }}
        onBlur={() => {
          if (type === "text" && value.trim() !== urlValue) set({ [param]: value.trim() || null });
        }}
      />
      {error ? (
        <span id={`${id}-error`} className="text-sm text-danger-text">
          {error}
        </span>
      ) : null}
    </div>
  );
}
