"use client";
// Step 2 of an import (status uploaded or previewed): how the file was read (encoding, delimiter,
// header row — editable, the server reads the file again), which file column goes into which field,
// and the options. "Preview" saves all of it and starts the dry run; nothing is written to the
// records before "Import" on the preview's result. The checks here (required field unmapped, a field
// mapped twice) are repeated by the server action and the service.
import { useTranslations } from "next-intl";
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
import { DELIMITER_KEYS, ENCODING_KEYS } from "./labels";
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

type T = ReturnType<typeof useTranslations<"imports">>;

/** Problems of a mapping, by column index ("_form" for a required field nobody maps). */
function mappingProblems(mapping: Record<string, string>, fields: ImportField[], headers: string[], t: T): Record<string, string> {
  const problems: Record<string, string> = {};
  const byField = new Map<string, string[]>();
  for (const [column, field] of Object.entries(mapping)) {
    if (!field) continue;
    byField.set(field, [...(byField.get(field) ?? []), column]);
  }
  for (const [field, columns] of byField) {
    if (columns.length < 2) continue;
    const label = fields.find((f) => f.key === field)?.label ?? field;
    const names = columns.map((c) => `“${headers[Number(c)] ?? t("mapping.columnN", { n: Number(c) + 1 })}”`).join(t("mapping.and"));
    for (const c of columns) problems[c] = t("mapping.twice", { field: label, columns: names });
  }
  const missing = fields.filter((f) => f.required && !byField.has(f.key));
  if (missing.length) {
    problems._form = t("mapping.missing", { n: missing.length, fields: missing.map((f) => f.label).join(", ") });
  }
  return problems;
}

export function MappingForm({ view, configure, preview, note }: { view: ImportScreenView; configure: SettingsAction; preview: SettingsAction; note?: "applied" | "differs" }) {
  const router = useRouter();
  const t = useTranslations("imports");
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
  const problems = mappingProblems(mapping, view.fields, view.headers, t);
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
          <CardTitle>{t("mapping.readTitle")}</CardTitle>
          <CardDescription>{t("mapping.readText")}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          <div className="grid gap-4 sm:grid-cols-3">
            <div className="grid gap-1.5">
              <Label htmlFor="import-encoding">{t("mapping.encoding")}</Label>
              <Select id="import-encoding" value={encoding} disabled={pending} onChange={(e) => setEncoding(e.target.value as CsvEncoding)}>
                {Object.entries(ENCODING_KEYS).map(([value, key]) => (
                  <option key={value} value={value}>
                    {key ? t(`mapping.${key}`) : value.toUpperCase()}
                  </option>
                ))}
              </Select>
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor="import-delimiter">{t("mapping.delimiter")}</Label>
              <Select id="import-delimiter" value={delimiter} disabled={pending} onChange={(e) => setDelimiter(e.target.value as CsvDelimiter)}>
                {Object.entries(DELIMITER_KEYS).map(([value, key]) => (
                  <option key={value} value={value}>
                    {t(`mapping.delimiters.${key}`)}
                  </option>
                ))}
              </Select>
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor="import-header-row">{t("mapping.columnNames")}</Label>
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
                    {n === 1 ? t("mapping.firstLine") : t("mapping.onLine", { line: n, n: n - 1 })}
                  </option>
                ))}
                <option value="none">{t("mapping.noHeader")}</option>
              </Select>
            </div>
          </div>
          {readingChanged ? (
            <div className="flex items-center gap-3">
              <Button type="button" variant="outline" pending={pending} onClick={() => submit(configure, t("mapping.readAgainDone"))}>
                {t("mapping.readAgain")}
              </Button>
              <p className="text-sm text-muted-foreground">{t("mapping.refreshed")}</p>
            </div>
          ) : null}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t("mapping.columnsTitle")}</CardTitle>
          <CardDescription>{note ? t(`mapping.early.${note}`) : view.mappingFromSaved ? t("mapping.fromSaved") : t("mapping.automatic")}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-3">
          <Table aria-label={t("mapping.label")}>
            <THead>
              <TR>
                <TH>{t("mapping.column")}</TH>
                <TH>{t("mapping.samples")}</TH>
                <TH>{t("mapping.into")}</TH>
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
                      <label htmlFor={selectId}>{header || t("mapping.columnN", { n: index + 1 })}</label>
                    </TD>
                    <TD className="max-w-72 text-muted-foreground">
                      <ul className="grid gap-0.5 text-xs">
                        {samples.map((s, i) => (
                          <li key={i} className="truncate" title={s}>
                            {s === "" ? <span className="italic">{t("mapping.empty")}</span> : s}
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
                        <option value="">{t("mapping.ignore")}</option>
                        {view.fields.map((f) => (
                          <option key={f.key} value={f.key}>
                            {f.required ? t("mapping.required", { field: f.label }) : f.label}
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
            {t("mapping.fields")}{" "}
            {view.fields.map((f, i) => (
              <span key={f.key}>
                {i ? ", " : ""}
                {f.label}
                {f.required ? <span className="text-danger-text"> *</span> : null}
                {f.hint ? ` (${f.hint})` : ""}
              </span>
            ))}
            . <span className="text-danger-text">*</span> {t("mapping.requiredMark")}
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
          <CardTitle>{t("mapping.optionsTitle")}</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4 text-sm">
          <label className="flex items-start gap-2">
            <input type="checkbox" className="mt-0.5 size-4" checked={updateExisting} disabled={pending} onChange={(e) => setUpdateExisting(e.target.checked)} />
            <span>
              <span className="font-medium">{t("mapping.updateExisting")}</span>
              <span className="block text-muted-foreground">{t("mapping.updateExistingHelp")}</span>
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
            <legend className="mb-1 font-medium">{t("mapping.whenErrors")}</legend>
            <label className="flex items-start gap-2">
              <input type="radio" name="import-mode" className="mt-0.5 size-4" value="skip_invalid" checked={mode === "skip_invalid"} disabled={pending} onChange={() => setMode("skip_invalid")} />
              <span>
                <span className="font-medium">{t("mapping.skipInvalid")}</span>
                <span className="block text-muted-foreground">{t("mapping.skipInvalidHelp")}</span>
              </span>
            </label>
            <label className="flex items-start gap-2">
              <input type="radio" name="import-mode" className="mt-0.5 size-4" value="all_or_nothing" checked={mode === "all_or_nothing"} disabled={pending} onChange={() => setMode("all_or_nothing")} />
              <span>
                <span className="font-medium">{t("mapping.allOrNothing")}</span>
                <span className="block text-muted-foreground">{t("mapping.allOrNothingHelp")}</span>
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
                  toast.error(t("mapping.fixFirst"));
                  return;
                }
                submit(preview, t("mapping.previewStarted"));
              }}
            >
              {t("mapping.preview")}
            </Button>
            <p className="text-muted-foreground">
              {readingChanged ? t("mapping.readFirst") : t("mapping.dryRun")}
            </p>
          </div>
        </CardContent>
      </Card>
    </div>
  );
}
