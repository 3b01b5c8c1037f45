"use client";
// Step 2 of an import (status uploaded or previewed): how the file was read (encoding, delimiter,
// header row — editable, the server reads the file again), which file column goes into which field,
// and the options. "Preview" saves all of it and starts the dry run; nothing is written to the
// records before "Import" on the preview's result. The checks here (required field unmapped, a field
// mapped twice) are repeated by the server action and the service.
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { ActionResult } from "@/core/actions/result";
import type { ImportField, ImportMode } from "@/core/imports/types";
import { DELIMITER_LABELS, ENCODING_LABELS } from "./labels";
import type { CsvDelimiter, CsvEncoding, ImportScreenView } from "./types";

export type ImportSettingsInput = {
  id: string;
  mapping: Record<string, string>;
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  hasHeader: boolean;
  headerRow: number;
  updateExisting: boolean;
  mode: ImportMode;
  resourceOptions: Record<string, boolean>;
};

/** Where the column names may be: the first line, or below up to five title lines (create.ts MAX_TITLE_LINES). */
const HEADER_ROW_CHOICES = [1, 2, 3, 4, 5, 6] as const;

type SettingsAction = (input: ImportSettingsInput) => Promise<ActionResult<{ id: string }>>;

/** Problems of a mapping, by column index ("_form" for a required field nobody maps). */
export function mappingProblems(mapping: Record<string, string>, fields: ImportField[], headers: string[]): Record<string, string> {
  const problems: Record<string, string> = {};
  const byField = new Map<string, string[]>();
  for (const [column, field] of Object.entries(mapping)) {
    if (!field) continue;
    byField.set(field, [...(byField.get(field) ?? []), column]);
  }
  for (const [field, columns] of byField) {
    if (columns.length < 2) continue;
    const label = fields.find((f) => f.key === field)?.label ?? field;
    const names = columns.map((c) => `“${headers[Number(c)] ?? `Column ${Number(c) + 1}`}”`).join(" and ");
    for (const c of columns) problems[c] = `${label} is mapped to more than one column (${names}). Choose one.`;
  }
  const missing = fields.filter((f) => f.required && !byField.has(f.key));
  if (missing.length) {
    problems._form = `Required ${missing.length === 1 ? "field" : "fields"} not mapped: ${missing.map((f) => f.label).join(", ")}. Map a column to ${missing.length === 1 ? "it" : "each"}.`;
  }
  return problems;
}

export function MappingForm({ view, configure, preview, note }: { view: ImportScreenView; configure: SettingsAction; preview: SettingsAction; note?: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [encoding, setEncoding] = useState<CsvEncoding>(view.encoding);
  const [delimiter, setDelimiter] = useState<CsvDelimiter>(view.delimiter);
  const [hasHeader, setHasHeader] = useState(view.hasHeader);
  const [headerRow, setHeaderRow] = useState(view.headerRow);
  const [mapping, setMapping] = useState<Record<string, string>>(view.mapping);
  const [updateExisting, setUpdateExisting] = useState(view.updateExisting);
  const [resourceOptions, setResourceOptions] = useState(view.resourceOptions);
  const [mode, setMode] = useState<ImportMode>(view.mode);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [showProblems, setShowProblems] = useState(false);
  // The upload's column choices came in the URL (?early=…, applied by the page): drop them from it, so
  // a reload shows what is saved instead of applying them again over later edits.
  useEffect(() => {
    const url = new URL(window.location.href);
    if (!url.searchParams.has("early")) return;
    url.searchParams.delete("early");
    window.history.replaceState(null, "", url.pathname + url.search);
  }, []);

  const readingChanged = encoding !== view.encoding || delimiter !== view.delimiter || hasHeader !== view.hasHeader || (hasHeader && headerRow !== view.headerRow);
  const problems = mappingProblems(mapping, view.fields, view.headers);
  const shown = showProblems ? { ...serverErrors, ...problems } : serverErrors;
  const input = (): ImportSettingsInput => ({ id: view.id, mapping, encoding, delimiter, hasHeader, headerRow, updateExisting, mode, resourceOptions });

  function submit(action: SettingsAction, success: string) {
    setServerErrors({});
    startTransition(async () => {
      const res = await action(input());
      if (!res.ok) {
        setServerErrors(res.fieldErrors ?? {});
        toast.error(res.error);
        return;
      }
      toast.success(res.message ?? success);
      router.refresh();
    });
  }

  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle>How the file was read</CardTitle>
          <CardDescription>Detected automatically. Change a setting if the columns below look wrong, then apply it.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          <div className="grid gap-4 sm:grid-cols-3">
            <div className="grid gap-1.5">
              <Label htmlFor="import-encoding">Encoding</Label>
              <Select id="import-encoding" value={encoding} disabled={pending} onChange={(e) => setEncoding(e.target.value as CsvEncoding)}>
                {Object.entries(ENCODING_LABELS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </Select>
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor="import-delimiter">Delimiter</Label>
              <Select id="import-delimiter" value={delimiter} disabled={pending} onChange={(e) => setDelimiter(e.target.value as CsvDelimiter)}>
                {Object.entries(DELIMITER_LABELS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </Select>
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor="import-header-row">Column names</Label>
              <Select
                id="import-header-row"
                value={hasHeader ? String(headerRow) : "none"}
                disabled={pending}
                onChange={(e) => {
                  const v = e.target.value;
                  setHasHeader(v !== "none");
                  if (v !== "none") setHeaderRow(Number(v));
                }}
              >
                {HEADER_ROW_CHOICES.map((n) => (
                  <option key={n} value={String(n)}>
                    {n === 1 ? "On the first line" : `On line ${n} (${n - 1} title line${n === 2 ? "" : "s"} above)`}
                  </option>
                ))}
                <option value="none">None: the file starts with data</option>
              </Select>
            </div>
          </div>
          {readingChanged ? (
            <div className="flex items-center gap-3">
              <Button type="button" variant="outline" pending={pending} onClick={() => submit(configure, "The file was read again with these settings.")}>
                Read the file again
              </Button>
              <p className="text-sm text-muted-foreground">The columns and the mapping below are refreshed.</p>
            </div>
          ) : null}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Columns</CardTitle>
          <CardDescription>
            {note ??
              (view.mappingFromSaved
                ? "Mapping from your last import of these columns."
                : "Matched automatically by column name. Choose a field for each column you want to import, or Ignore.")}
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-3">
          <Table aria-label="Column mapping">
            <THead>
              <TR>
                <TH>Column in the file</TH>
                <TH>Sample values</TH>
                <TH>Import into</TH>
              </TR>
            </THead>
            <TBody>
              {view.headers.map((header, index) => {
                const column = String(index);
                const samples = view.sampleRows.slice(0, 3).map((r) => r[index] ?? "");
                const problem = shown[column] ?? shown[`mapping.${column}`];
                const selectId = `map-${column}`;
                return (
                  <TR key={column}>
                    <TD className="font-medium">
                      <label htmlFor={selectId}>{header || `Column ${index + 1}`}</label>
                    </TD>
                    <TD className="max-w-72 text-muted-foreground">
                      <ul className="grid gap-0.5 text-xs">
                        {samples.map((s, i) => (
                          <li key={i} className="truncate" title={s}>
                            {s === "" ? <span className="italic">(empty)</span> : s}
                          </li>
                        ))}
                      </ul>
                    </TD>
                    <TD className="min-w-56">
                      <Select
                        id={selectId}
                        aria-invalid={problem ? true : undefined}
                        aria-describedby={problem ? `${selectId}-error` : undefined}
                        value={mapping[column] ?? ""}
                        disabled={pending}
                        onChange={(e) => {
                          const next = { ...mapping };
                          if (e.target.value) next[column] = e.target.value;
                          else delete next[column];
                          setMapping(next);
                        }}
                      >
                        <option value="">Ignore</option>
                        {view.fields.map((f) => (
                          <option key={f.key} value={f.key}>
                            {f.label}
                            {f.required ? " (required)" : ""}
                          </option>
                        ))}
                      </Select>
                      {problem ? (
                        <p id={`${selectId}-error`} role="alert" className="mt-1 text-[13px] font-medium text-danger-text">
                          {problem}
                        </p>
                      ) : null}
                    </TD>
                  </TR>
                );
              })}
            </TBody>
          </Table>
          <p className="text-xs text-muted-foreground">
            Fields:{" "}
            {view.fields.map((f, i) => (
              <span key={f.key}>
                {i ? ", " : ""}
                {f.label}
                {f.required ? <span className="text-danger-text"> *</span> : null}
                {f.hint ? ` (${f.hint})` : ""}
              </span>
            ))}
            . <span className="text-danger-text">*</span> required.
          </p>
          {shown._form || shown.mapping ? (
            <p role="alert" className="rounded-md border border-danger-border bg-danger-soft px-3 py-2 text-sm text-danger-text">
              {shown._form ?? shown.mapping}
            </p>
          ) : null}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Options</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4 text-sm">
          <label className="flex items-start gap-2">
            <input type="checkbox" className="mt-0.5 size-4" checked={updateExisting} disabled={pending} onChange={(e) => setUpdateExisting(e.target.checked)} />
            <span>
              <span className="font-medium">Update existing records</span>
              <span className="block text-muted-foreground">Rows matching a record already here update it. Off: those rows are left as they are and only new records are created.</span>
            </span>
          </label>
          {view.resourceOptionDefs.map((o) => (
            <label key={o.key} className="flex items-start gap-2">
              <input
                type="checkbox"
                className="mt-0.5 size-4"
                checked={resourceOptions[o.key] ?? false}
                disabled={pending}
                onChange={(e) => setResourceOptions((prev) => ({ ...prev, [o.key]: e.target.checked }))}
              />
              <span>
                <span className="font-medium">{o.label}</span>
                <span className="block text-muted-foreground">{o.description}</span>
              </span>
            </label>
          ))}
          <fieldset className="grid gap-2">
            <legend className="mb-1 font-medium">When a row has errors</legend>
            <label className="flex items-start gap-2">
              <input type="radio" name="import-mode" className="mt-0.5 size-4" value="skip_invalid" checked={mode === "skip_invalid"} disabled={pending} onChange={() => setMode("skip_invalid")} />
              <span>
                <span className="font-medium">Skip bad rows</span>
                <span className="block text-muted-foreground">Import the valid rows; download the rejected ones with the reason, fix them and import them again.</span>
              </span>
            </label>
            <label className="flex items-start gap-2">
              <input type="radio" name="import-mode" className="mt-0.5 size-4" value="all_or_nothing" checked={mode === "all_or_nothing"} disabled={pending} onChange={() => setMode("all_or_nothing")} />
              <span>
                <span className="font-medium">All or nothing</span>
                <span className="block text-muted-foreground">Import only when every row is valid.</span>
              </span>
            </label>
          </fieldset>
          <div className="flex flex-wrap items-center gap-3">
            <Button
              type="button"
              pending={pending}
              disabled={readingChanged}
              onClick={() => {
                setShowProblems(true);
                if (Object.keys(problems).length > 0) {
                  toast.error("Please correct the column mapping first.");
                  return;
                }
                submit(preview, "Preview started: checking every row. Nothing is written yet.");
              }}
            >
              Preview
            </Button>
            <p className="text-muted-foreground">
              {readingChanged ? "Read the file again with the new settings first." : "A dry run: counts what would be created, updated or rejected. Nothing is written."}
            </p>
          </div>
        </CardContent>
      </Card>
    </div>
  );
}
