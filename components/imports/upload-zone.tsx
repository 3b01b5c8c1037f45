"use client";
// Step 1 of an import: pick or drop one CSV file and send it. The file goes as the raw request body
// (never read into memory here, never a multipart form) to POST /api/v1/imports?resource=<id>, which
// streams it into storage and runs detection; XMLHttpRequest because fetch() has no upload progress.
// Too-large or wrongly named files are refused here before a byte is sent; everything else (binary,
// empty, no header...) is the server's call, and its JSON `error` is shown in the member's language (useServerText).
import { useServerText } from "@/components/ui/field-text";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type DragEvent } from "react";
import { FileUp } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { formatBytes } from "@/core/format/bytes";
// The server's own limit (the route refuses more with 413): checked here before sending.
import { MAX_IMPORT_BYTES as MAX_UPLOAD_BYTES } from "@/core/imports/limits";
import { earlyQuery, type EarlyChoices } from "./early-choices";
import { EarlyMapping, type MappableField } from "./early-mapping";
import { FirstRows, useFirstRows } from "./first-rows";
import { ACCEPTED_EXTENSIONS } from "./labels";

type Upload = { name: string; loaded: number; total: number };

type T = ReturnType<typeof useTranslations<"imports">>;

/** Why a file is refused before sending, or null when it may go. */
function refuseFile(file: { name: string; size: number }, t: T): string | null {
  const lower = file.name.toLowerCase();
  if (!ACCEPTED_EXTENSIONS.some((ext) => lower.endsWith(ext))) return t("upload.notCsv", { name: file.name });
  if (file.size > MAX_UPLOAD_BYTES) return t("upload.tooBig", { name: file.name, size: formatBytes(file.size), max: formatBytes(MAX_UPLOAD_BYTES) });
  return null;
}

/** The server's own words (its JSON `error`) when it gave any, else ours for the status. */
function serverError(xhr: XMLHttpRequest, t: T): string {
  try {
    const body = JSON.parse(xhr.responseText) as { error?: unknown };
    if (typeof body.error === "string" && body.error) return body.error;
    if (body.error && typeof body.error === "object" && typeof (body.error as { message?: unknown }).message === "string") {
      return (body.error as { message: string }).message;
    }
  } catch {
    // not JSON: fall through to the status
  }
  if (xhr.status === 413) return t("upload.tooLarge", { max: formatBytes(MAX_UPLOAD_BYTES) });
  if (xhr.status === 403) return t("upload.forbidden");
  return t("upload.failed", { status: xhr.status });
}

export function UploadZone({
  resourceId,
  resourceLabel,
  fields,
  fieldLabels,
}: {
  resourceId: string;
  resourceLabel: string;
  fields: MappableField[];
  /** The fields' labels in the member's language, by key (`fields` keep the English ones for matching). */
  fieldLabels: Record<string, string>;
}) {
  const router = useRouter();
  const t = useTranslations("imports");
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const xhrRef = useRef<XMLHttpRequest | null>(null);
  const [dragging, setDragging] = useState(false);
  const [upload, setUpload] = useState<Upload | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The server refuses a file in English (the API's words); the member reads it in their language.
  const text = useServerText();
  const [chosen, setChosen] = useState<File | null>(null);
  const firstRows = useFirstRows(upload ? chosen : null);
  const [choices, setChoices] = useState<EarlyChoices>({});
  // Read when the upload answers (its onload closure is older than the latest choices).
  const early = useRef<{ headers: string[]; choices: EarlyChoices }>({ headers: [], choices: {} });
  useEffect(() => {
    early.current = { headers: firstRows?.ok ? firstRows.columns : [], choices };
  }, [firstRows, choices]);

  function send(file: File) {
    setError(null);
    const refusal = refuseFile(file, t);
    if (refusal) {
      setError(refusal);
      return;
    }
    setChosen(file);
    setChoices({});
    const xhr = new XMLHttpRequest();
    xhrRef.current = xhr;
    setUpload({ name: file.name, loaded: 0, total: file.size });
    xhr.upload.onprogress = (e) => setUpload({ name: file.name, loaded: e.loaded, total: e.lengthComputable ? e.total : file.size });
    xhr.onload = () => {
      xhrRef.current = null;
      if (xhr.status === 201) {
        try {
          const { id } = JSON.parse(xhr.responseText) as { id: string };
          setUpload({ name: file.name, loaded: file.size, total: file.size });
          router.push(`/imports/${id}${earlyQuery(early.current.headers, early.current.choices)}`);
          return;
        } catch {
          setError(t("upload.unexpected"));
        }
      } else {
        setError(text(serverError(xhr, t)));
      }
      setUpload(null);
    };
    xhr.onerror = () => {
      xhrRef.current = null;
      setUpload(null);
      setError(t("upload.interrupted"));
    };
    xhr.onabort = () => {
      xhrRef.current = null;
      setUpload(null);
      setError(t("upload.cancelled"));
    };
    xhr.open("POST", `/api/v1/imports?resource=${encodeURIComponent(resourceId)}`);
    // Header values must be Latin-1: the name is percent-encoded (the route decodes it).
    xhr.setRequestHeader("x-file-name", encodeURIComponent(file.name));
    xhr.setRequestHeader("content-type", "application/octet-stream");
    xhr.send(file);
  }

  function onDrop(e: DragEvent<HTMLDivElement>) {
    e.preventDefault();
    setDragging(false);
    if (upload) return;
    const files = e.dataTransfer.files;
    if (files.length > 1) {
      setError(t("upload.oneFile"));
      return;
    }
    const file = files[0];
    if (file) send(file);
  }

  const percent = upload ? (upload.total > 0 ? Math.min(100, Math.round((upload.loaded / upload.total) * 100)) : 0) : 0;

  return (
    <div className="grid gap-4">
      <div
        data-testid="upload-dropzone"
        onDragEnter={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = "copy";
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={cn(
          "flex flex-col items-center justify-center gap-3 rounded-xl border-2 border-dashed px-6 py-12 text-center transition-colors",
          dragging ? "border-primary bg-primary/5" : "border-border bg-surface",
        )}
      >
        <FileUp className="size-8 text-muted-foreground" aria-hidden="true" />
        <p className="text-sm font-medium text-foreground">{t("upload.drop", { resource: resourceLabel.toLowerCase() })}</p>
        <p className="text-sm text-muted-foreground">{t("upload.or")}</p>
        <input
          ref={inputRef}
          id={inputId}
          type="file"
          accept=".csv,.txt,.tsv,text/csv,text/plain,text/tab-separated-values"
          className="sr-only"
          aria-label={t("upload.fileLabel")}
          disabled={upload !== null}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = "";
            if (file) send(file);
          }}
        />
        <Button type="button" variant="outline" disabled={upload !== null} onClick={() => inputRef.current?.click()}>
          {t("upload.choose")}
        </Button>
        <p className="text-xs text-muted-foreground">{t("upload.formats", { max: formatBytes(MAX_UPLOAD_BYTES) })}</p>
      </div>

      {upload ? (
        <div className="rounded-xl border border-border bg-surface p-4 shadow-xs">
          <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
            <p className="font-medium text-foreground">{t("upload.uploading", { name: upload.name })}</p>
            <p className="text-muted-foreground tabular-nums" aria-live="polite">
              {t("upload.progressText", { percent, loaded: formatBytes(upload.loaded), total: formatBytes(upload.total) })}
            </p>
          </div>
          <div
            role="progressbar"
            aria-label={t("upload.progressLabel")}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            aria-valuetext={t("upload.progressValue", { percent, loaded: formatBytes(upload.loaded), total: formatBytes(upload.total) })}
            className="mt-2 h-2 overflow-hidden rounded-full bg-muted"
          >
            <div className="h-full rounded-full bg-primary transition-[width]" style={{ width: `${percent}%` }} />
          </div>
          <div className="mt-3 flex items-center justify-between gap-2">
            <p className="text-xs text-muted-foreground">
              {percent < 100 ? t("upload.keepOpen") : t("upload.checking")}
            </p>
            {percent < 100 ? (
              <Button type="button" size="sm" variant="ghost" onClick={() => xhrRef.current?.abort()}>
                {t("upload.cancel")}
              </Button>
            ) : null}
          </div>
          {firstRows ? (
            <div className="mt-4 grid gap-4">
              <FirstRows name={upload.name} result={firstRows} />
              {firstRows.ok && fields.length ? <EarlyMapping columns={firstRows.columns} rows={firstRows.rows} fields={fields} fieldLabels={fieldLabels} choices={choices} onChange={setChoices} /> : null}
            </div>
          ) : null}
        </div>
      ) : null}

      {error ? (
        <p role="alert" className="rounded-md border border-danger-border bg-danger-soft px-3 py-2 text-sm text-danger-text">
          {error}
        </p>
      ) : null}
    </div>
  );
}
