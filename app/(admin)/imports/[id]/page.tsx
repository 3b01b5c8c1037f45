// One import, following its status: reading settings + column mapping (uploaded), the live bar
// (previewing, committing, undoing), the dry-run result with "Import N rows" (previewed), the outcome
// with errors and Undo (completed, cancelled, failed), and who undid it when (undone). Everything
// shown comes from the server, so a reload in the middle of a phase shows the same state.
import Link from "next/link";
import { notFound } from "next/navigation";
import { CommitButton } from "@/components/imports/commit-button";
import { ImportCounts } from "@/components/imports/counts";
import { ErrorsTable } from "@/components/imports/errors-table";
import { ImportProgress } from "@/components/imports/import-progress";
import { formatElapsed, statusVariant } from "@/components/imports/labels";
import { titleFrom } from "@/core/i18n/metadata";
import { translatorFor } from "@/core/i18n/translate";
import { textTranslator } from "@/core/i18n/texts/for-language";
import { applyEarlyChoices } from "@/components/imports/early-choices";
import { first, type RawSearchParams } from "@/core/lists/list-params";
import { MappingForm } from "@/components/imports/mapping-form";
import { RowsBar } from "@/components/imports/rows-bar";
import { rowsPercent } from "@/components/imports/labels";
import { ACTIVE_STATUSES } from "@/components/imports/types";
import { UndoButton } from "@/components/imports/undo-button";
import { UndoWatcher } from "@/components/imports/undo-watcher";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireOrgContext } from "@/core/auth/context";
import { cancelImportAction, commitImportAction, configureImportAction, previewImportAction, undoImportAction } from "../actions";
import { loadScreenView, type ImportPageView } from "./screen-view";
import { orgFormat, type OrgFormat } from "@/core/format/org-format";

export const generateMetadata = titleFrom("imports.page.title");

type T = ReturnType<typeof translatorFor<"imports">>;

export default async function ImportPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<RawSearchParams> }) {
  const { id } = await params;
  const ctx = await requireOrgContext();
  const loaded = await loadScreenView(ctx, id);
  if (!loaded) notFound();
  // Column choices made while the file uploaded (?early=…), only before the first preview.
  const early = loaded.status === "uploaded" ? applyEarlyChoices(first((await searchParams).early), loaded.headers, loaded.mapping, new Set(loaded.fields.map((f) => f.key))) : null;
  const view = early ? { ...loaded, mapping: early.mapping } : loaded;
  const tz = ctx.organization.timezone;
  const fmt = orgFormat(ctx.organization);
  const when = (iso: string) => fmt.dateTime(iso, { timeStyle: "medium" });
  const active = ACTIVE_STATUSES.includes(view.status);
  const t = translatorFor(ctx, "imports");
  // Failures are stored in English (the API answers with them); the member reads them in their language.
  const text = textTranslator(ctx);

  return (
    <div className="grid gap-6">
      <PageHeader
        eyebrow={
          <Link href="/imports" className="hover:underline">
            {t("title")}
          </Link>
        }
        title={view.fileName}
        description={t("page.uploaded", { resource: view.resource.label, at: when(view.createdAt), hasBy: view.createdByName ? "yes" : "no", by: view.createdByName ?? "", timezone: tz })}
        actions={<Badge variant={statusVariant(view.status)}>{t(`status.${view.status}`)}</Badge>}
      />

      {view.fileRemovedMessage ? (
        <p role="status" className="rounded-md border border-warning-border bg-warning-soft px-3 py-2 text-sm text-warning-text">
          {view.fileRemovedMessage}
          {view.status === "uploaded" || view.status === "previewed" ? ` ${t("page.fileGone")}` : ""}
        </p>
      ) : null}

      {active ? <ImportProgress key={view.status} importId={view.id} initial={view.progress} cancel={cancelImportAction} /> : null}

      {view.status === "previewed" ? <PreviewResult view={view} fmt={fmt} t={t} /> : null}

      {(view.status === "uploaded" || view.status === "previewed") && view.fileAvailable ? (
        <MappingForm view={view} configure={configureImportAction} preview={previewImportAction} note={early?.note} />
      ) : null}

      {view.status === "completed" || view.status === "cancelled" || view.status === "failed" || view.status === "undone" ? (
        <Outcome text={text} view={view} fmt={fmt} when={when} t={t} />
      ) : null}
    </div>
  );
}

function PreviewResult({ view, fmt, t }: { view: ImportPageView; fmt: OrgFormat; t: T }) {
  const p = view.progress.preview ?? { create: 0, update: 0, unchanged: 0, reject: 0 };
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("preview.title")}</CardTitle>
        <CardDescription>{t("preview.description")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-5">
        <ImportCounts
          label={t("preview.counts")}
          items={[
            { label: t("preview.create"), value: p.create },
            { label: t("preview.update"), value: p.update },
            { label: t("preview.unchanged"), value: p.unchanged },
            { label: t("preview.reject"), value: p.reject, tone: "danger" },
          ]}
        />
        {Object.entries(p.also ?? {}).map(([kind, names]) => (
          <p key={kind} role="note" className="text-sm text-foreground" data-testid={`will-create-${kind}`}>
            {t("preview.alsoCreate", {
              count: fmt.number(names.length),
              n: names.length,
              kind,
              names: names.slice(0, 20).join(", "),
              more: names.length > 20 ? fmt.number(names.length - 20) : "none",
            })}
          </p>
        ))}
        <NotInFile view={view} t={t} />
        <ErrorsTable importId={view.id} errors={view.errors} total={view.errorCount} />
        <CommitButton
          importId={view.id}
          importable={p.create + p.update + p.unchanged}
          rejected={p.reject}
          allOrNothing={view.mode === "all_or_nothing"}
          commit={commitImportAction}
        />
        {!view.updateExisting && p.update === 0 ? (
          <p className="text-sm text-muted-foreground">{t("preview.updateOff")}</p>
        ) : null}
      </CardContent>
    </Card>
  );
}

/**
 * What the import will not touch: fields no column is mapped to (a price column missed by the mapping
 * would otherwise go unnoticed), and the rule for blank cells.
 */
function NotInFile({ view, t }: { view: ImportPageView; t: T }) {
  const mapped = new Set(Object.values(view.mapping));
  const unmapped = view.fields.filter((f) => !f.required && !mapped.has(f.key));
  return (
    <div className="grid gap-1 text-sm text-muted-foreground" data-testid="not-in-file">
      {unmapped.length > 0 ? (
        <p role="note" className="rounded-md border border-warning-border bg-warning-soft px-3 py-2 text-foreground">
          {t("preview.notInFile", { fields: unmapped.map((f) => f.label).join(", "), n: unmapped.length })}
        </p>
      ) : null}
      <p>{t("preview.blankCells")}</p>
    </div>
  );
}

function Outcome({ view, when, fmt, t, text }: { view: ImportPageView; when: (iso: string) => string; fmt: OrgFormat; t: T; text: (message: string) => string }) {
  const p = view.progress;
  const duration = view.phaseStartedAt && view.finishedAt ? new Date(view.finishedAt).getTime() - new Date(view.phaseStartedAt).getTime() : null;
  const wrote = p.created + p.updated > 0;
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t(`outcome.${view.status as "completed" | "cancelled" | "failed" | "undone"}`)}</CardTitle>
        <CardDescription>
          {view.finishedAt ? t("outcome.finished", { at: when(view.finishedAt) }) : null}
          {duration !== null ? t("outcome.took", { duration: formatElapsed(duration) }) : null}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-5">
        <div className="grid gap-1.5">
          <p className="flex justify-between text-sm text-muted-foreground">
            <span>{t("outcome.processed", { done: fmt.number(p.rowsDone), total: fmt.number(p.totalRows ?? 0) })}</span>
            <span className="font-medium text-foreground tabular-nums" data-testid="import-percent">
              {rowsPercent(p.rowsDone, p.totalRows)}%
            </span>
          </p>
          <RowsBar label={t("progress.label")} done={p.rowsDone} total={p.totalRows} tone={view.status === "failed" ? "danger" : view.status === "completed" ? "primary" : "warning"} />
        </div>
        {view.status === "cancelled" ? (
          <p className="text-sm text-foreground">
            {t("outcome.cancelledAfter", { done: fmt.number(p.rowsDone), total: fmt.number(p.totalRows ?? 0), wrote: wrote ? "yes" : "no" })}
          </p>
        ) : null}
        {view.status === "failed" ? (
          <p role="alert" className="rounded-md border border-danger-border bg-danger-soft px-3 py-2 text-sm text-danger-text">
            {p.error ? text(p.error) : t("outcome.failedDefault")} {wrote ? t("outcome.failedWrote") : t("outcome.failedNothing")}
          </p>
        ) : p.error && !view.undoPending ? (
          // The last undo's refusal (the undo job names the records that changed after the import).
          <p role="alert" className="rounded-md border border-danger-border bg-danger-soft px-3 py-2 text-sm whitespace-pre-wrap text-danger-text">
            {p.error}
          </p>
        ) : null}
        {view.undoPending ? <UndoWatcher importId={view.id} status={view.status} error={p.error} /> : null}
        {view.undoPending ? (
          <p role="status" className="text-sm text-foreground">
            {t("outcome.undoing")}
          </p>
        ) : null}
        {view.status === "undone" && view.undoneAt ? (
          <p role="status" className="text-sm text-foreground">
            {t("outcome.undoneOn", { at: when(view.undoneAt), hasBy: view.undoneByName ? "yes" : "no", by: view.undoneByName ?? "" })}
          </p>
        ) : null}
        <ImportCounts
          label={t("outcome.counts")}
          items={[
            { label: t("outcome.created"), value: p.created },
            { label: t("outcome.updated"), value: p.updated },
            { label: t("outcome.unchanged"), value: p.unchanged },
            { label: t("outcome.rejected"), value: p.rejected, tone: "danger" },
          ]}
        />
        <ErrorsTable importId={view.id} errors={view.errors} total={view.errorCount} />
        {view.canUndo ? <UndoButton importId={view.id} created={p.created} updated={p.updated} undo={undoImportAction} /> : null}
        <div>
          <Link href={`/imports/new?resource=${encodeURIComponent(view.resource.id)}`} className={buttonVariants({ variant: "ghost", size: "sm" })}>
            {t("outcome.another")}
          </Link>
        </div>
      </CardContent>
    </Card>
  );
}
