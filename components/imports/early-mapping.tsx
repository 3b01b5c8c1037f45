"use client";
// The mapping step, started while the file uploads: each column the device read (first-rows.tsx) with
// a sample value and the field it goes into, proposed by the same autoMap the server uses. What the
// person changes here goes to the mapping step in its URL and is applied there (early-choices.ts) —
// if the server read the same columns; otherwise the server's reading wins and the page says so.
// Columns left alone keep the server's proposal, which also knows the organization's saved mapping.
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { Select } from "@/components/ui/select";
import { autoMap } from "@/core/imports/csv/mapping";
import type { ImportField } from "@/core/imports/types";
import type { EarlyChoices } from "./early-choices";

/** The fields as the browser needs them (no schemas or functions). */
export type MappableField = Pick<ImportField, "key" | "label" | "required" | "aliases" | "hint">;

export function EarlyMapping({
  columns,
  rows,
  fields,
  fieldLabels,
  choices,
  onChange,
}: {
  columns: string[];
  rows: string[][];
  /** With their English labels: autoMap matches headers against them, as the server does. */
  fields: MappableField[];
  /** What the member reads for each field, by key. */
  fieldLabels: Record<string, string>;
  choices: EarlyChoices;
  onChange: (choices: EarlyChoices) => void;
}) {
  const t = useTranslations("imports");
  const proposed = useMemo(() => autoMap(columns, fields as ImportField[]), [columns, fields]);
  const current = (column: string) => choices[column] ?? proposed[column] ?? "";
  // A field goes into one column: choosing it for this one takes it off any other.
  const choose = (column: string, field: string) => {
    const next = { ...choices, [column]: field };
    if (field) columns.forEach((_, i) => String(i) !== column && current(String(i)) === field && (next[String(i)] = ""));
    onChange(next);
  };
  return (
    <section aria-label={t("firstRows.earlyLabel")} className="grid gap-2">
      <p className="text-sm text-foreground">{t("firstRows.earlyText")}</p>
      <div className="overflow-x-auto rounded-lg border border-border">
        <table className="w-full text-left text-sm">
          <thead className="bg-muted/60 text-xs">
            <tr>
              <th scope="col" className="px-2 py-1.5 font-semibold">{t("firstRows.column")}</th>
              <th scope="col" className="px-2 py-1.5 font-semibold">{t("firstRows.sample")}</th>
              <th scope="col" className="px-2 py-1.5 font-semibold">{t("firstRows.goesInto")}</th>
            </tr>
          </thead>
          <tbody>
            {columns.map((name, i) => {
              const column = String(i);
              const label = name || t("mapping.columnN", { n: i + 1 });
              const sample = rows.map((r) => r[i] ?? "").find((v) => v.trim() !== "") ?? "";
              return (
                <tr key={i} className="border-t border-border">
                  <th scope="row" className="px-2 py-1.5 font-medium whitespace-nowrap">{label}</th>
                  <td className="max-w-48 truncate px-2 py-1.5 text-muted-foreground">{sample}</td>
                  <td className="px-2 py-1">
                    <Select aria-label={t("firstRows.fieldFor", { column: label })} value={current(column)} onChange={(e) => choose(column, e.target.value)} className="h-8 min-w-44">
                      <option value="">{t("firstRows.notImported")}</option>
                      {fields.map((f) => (
                        <option key={f.key} value={f.key}>
                          {f.required ? t("mapping.required", { field: fieldLabels[f.key] ?? f.label }) : (fieldLabels[f.key] ?? f.label)}
                        </option>
                      ))}
                    </Select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
