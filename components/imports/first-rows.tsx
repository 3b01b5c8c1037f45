"use client";
// The first rows of the chosen file, read locally (first-rows.worker.ts) while the upload runs: what
// the mapping step will work with, at once. A preview only — the server detects the encoding,
// delimiter and header again from the uploaded bytes, and its reading is the one that counts.
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { FirstRowsResult } from "./first-rows.worker";

export const FIRST_ROWS = 5;

export function useFirstRows(file: File | null): FirstRowsResult | null {
  const t = useTranslations("imports");
  const cannotRead = t("firstRows.cannotRead");
  const [result, setResult] = useState<{ file: File; value: FirstRowsResult } | null>(null);
  useEffect(() => {
    if (!file) return;
    const worker = new Worker(new URL("./first-rows.worker.ts", import.meta.url), { type: "module" });
    worker.onmessage = (event: MessageEvent<FirstRowsResult>) => {
      setResult({ file, value: event.data });
      worker.terminate();
    };
    worker.onerror = () => {
      setResult({ file, value: { ok: false, error: cannotRead } });
      worker.terminate();
    };
    worker.postMessage({ file, rows: FIRST_ROWS });
    return () => worker.terminate();
  }, [file, cannotRead]);
  return file && result?.file === file ? result.value : null;
}

const DELIMITERS: Record<string, string> = { ",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe" };

export function FirstRows({ name, result }: { name: string; result: FirstRowsResult }) {
  const t = useTranslations("imports");
  if (!result.ok) return <p className="text-sm text-muted-foreground">{t("firstRows.failed", { error: result.error })}</p>;
  return (
    <section aria-label={t("firstRows.label", { name })} className="grid gap-2">
      <p className="text-sm text-foreground">
        <span className="font-medium">{t("firstRows.columns", { n: result.columns.length })}</span>
        {t("firstRows.separated", { delimiter: DELIMITERS[result.delimiter] ?? "other" })}
        {t("firstRows.readHere")}
      </p>
      <div className="overflow-x-auto rounded-lg border border-border">
        <table className="w-full text-left text-xs">
          <thead className="bg-muted/60">
            <tr>
              {result.columns.map((c, i) => (
                <th key={i} scope="col" className="px-2 py-1.5 font-semibold whitespace-nowrap">
                  {c || t("mapping.columnN", { n: i + 1 })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {result.rows.map((row, r) => (
              <tr key={r} className="border-t border-border">
                {result.columns.map((_, i) => (
                  <td key={i} className="max-w-48 truncate px-2 py-1.5 whitespace-nowrap">
                    {row[i] ?? ""}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
