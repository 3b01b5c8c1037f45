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
import { formatElapsed, statusLabel, statusVariant } from "@/components/imports/labels";
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

export const metadata = { title: "Import" };

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

  return (
    <div className="grid gap-6">
      <PageHeader
        eyebrow={
          <Link href="/imports" className="hover:underline">
            Imports
          </Link>
        }
        title={view.fileName}
        description={
          <>
            {view.resource.label} · uploaded {when(view.createdAt)}
            {view.createdByName ? ` by ${view.createdByName}` : ""} · times in {tz}
          </>
        }
        actions={<Badge variant={statusVariant(view.status)}>{statusLabel(view.status)}</Badge>}
      />

      {view.fileRemovedMessage ? (
        <p role="status" className="rounded-md border border-warning-border bg-warning-soft px-3 py-2 text-sm text-warning-text">
          {view.fileRemovedMessage}
          {view.status === "uploaded" || view.status === "previewed" ? " It can no longer be previewed or imported: upload the file again." : ""}
        </p>
      ) : null}

      {active ? <ImportProgress key={view.status} importId={view.id} initial={view.progress} cancel={cancelImportAction} /> : null}

      {view.status === "previewed" ? <PreviewResult view={view} fmt={fmt} /> : null}

      {(view.status === "uploaded" || view.status === "previewed") && view.fileAvailable ? (
        <MappingForm view={view} configure={configureImportAction} preview={previewImportAction} note={early?.note} />
      ) : null}

      {view.status === "completed" || view.status === "cancelled" || view.status === "failed" || view.status === "undone" ? (
        <Outcome view={view} fmt={fmt} when={when} />
      ) : null}
    </div>
  );
}

function PreviewResult({ view, fmt }: { view: ImportPageView; fmt: OrgFormat }) {
  const p = view.progress.preview ?? { create: 0, update: 0, unchanged: 0, reject: 0 };
  return (
    <Card>
      <CardHeader>
        <CardTitle>Preview</CardTitle>
        <CardDescription>What importing this file would do. Nothing has been written yet.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-5">
        <ImportCounts
          label="Preview counts"
          items={[
            { label: "Create", value: p.create },
            { label: "Update", value: p.update },
            { label: "Unchanged", value: p.unchanged },
            { label: "Reject", value: p.reject, tone: "danger" },
          ]}
        />
        {Object.entries(p.also ?? {}).map(([kind, names]) => (
          <p key={kind} role="note" className="text-sm text-foreground" data-testid={`will-create-${kind}`}>
            Will also create {fmt.number(names.length)} {names.length === 1 ? kind.replace(/ies$/, "y").replace(/s$/, "") : kind}: {names.slice(0, 20).join(", ")}
            {names.length > 20 ? `, and ${fmt.number(names.length - 20)} more` : ""}.
          </p>
        ))}
        <NotInFile view={view} />
        <ErrorsTable importId={view.id} errors={view.errors} total={view.errorCount} />
        <CommitButton
          importId={view.id}
          importable={p.create + p.update + p.unchanged}
          rejected={p.reject}
          allOrNothing={view.mode === "all_or_nothing"}
          commit={commitImportAction}
        />
        {!view.updateExisting && p.update === 0 ? (
          <p className="text-sm text-muted-foreground">“Update existing records” is off: rows matching an existing record are counted as unchanged and left as they are.</p>
        ) : null}
      </CardContent>
    </Card>
  );
}

/**
 * What the import will not touch: fields no column is mapped to (a price column missed by the mapping
 * would otherwise go unnoticed), and the rule for blank cells.
 */
function NotInFile({ view }: { view: ImportPageView }) {
  const mapped = new Set(Object.values(view.mapping));
  const unmapped = view.fields.filter((f) => !f.required && !mapped.has(f.key));
  return (
    <div className="grid gap-1 text-sm text-muted-foreground" data-testid="not-in-file">
      {unmapped.length > 0 ? (
        <p role="note" className="rounded-md border border-warning-border bg-warning-soft px-3 py-2 text-foreground">
          Not in this file: {unmapped.map((f) => f.label).join(", ")}. Existing records keep their values; new records get the default. If the file has
          {unmapped.length === 1 ? " this column" : " one of these columns"} under another name, map it above.
        </p>
      ) : null}
      <p>Blank cells leave a record&apos;s stored value as it is (a new record gets the default).</p>
    </div>
  );
}

function Outcome({ view, when, fmt }: { view: ImportPageView; when: (iso: string) => string; fmt: OrgFormat }) {
  const p = view.progress;
  const duration = view.phaseStartedAt && view.finishedAt ? new Date(view.finishedAt).getTime() - new Date(view.phaseStartedAt).getTime() : null;
  const wrote = p.created + p.updated > 0;
  const titles: Record<string, string> = {
    completed: "Import completed",
    cancelled: "Import cancelled",
    failed: "Import failed",
    undone: "Import undone",
  };
  return (
    <Card>
      <CardHeader>
        <CardTitle>{titles[view.status]}</CardTitle>
        <CardDescription>
          {view.finishedAt ? `Finished ${when(view.finishedAt)}` : null}
          {duration !== null ? ` · took ${formatElapsed(duration)}` : null}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-5">
        <div className="grid gap-1.5">
          <p className="flex justify-between text-sm text-muted-foreground">
            <span>
              Processed {fmt.number(p.rowsDone)} of {fmt.number(p.totalRows ?? 0)} rows
            </span>
            <span className="font-medium text-foreground tabular-nums" data-testid="import-percent">
              {rowsPercent(p.rowsDone, p.totalRows)}%
            </span>
          </p>
          <RowsBar label="Import progress" done={p.rowsDone} total={p.totalRows} tone={view.status === "failed" ? "danger" : view.status === "completed" ? "primary" : "warning"} />
        </div>
        {view.status === "cancelled" ? (
          <p className="text-sm text-foreground">
            Cancelled after {fmt.number(p.rowsDone)} of {fmt.number(p.totalRows ?? 0)} rows. The rows written before the cancel stay written{wrote ? "; undo removes them" : ""}.
          </p>
        ) : null}
        {view.status === "failed" ? (
          <p role="alert" className="rounded-md border border-danger-border bg-danger-soft px-3 py-2 text-sm text-danger-text">
            {p.error ?? "The import stopped with an error."} {wrote ? "Batches written before the failure stay written; undo removes them." : "Nothing was written."}
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
            Undoing: checking that none of the records changed since the import, then removing and restoring them…
          </p>
        ) : null}
        {view.status === "undone" && view.undoneAt ? (
          <p role="status" className="text-sm text-foreground">
            Undone on {when(view.undoneAt)}
            {view.undoneByName ? ` by ${view.undoneByName}` : ""}: the created records were removed and the updated ones restored.
          </p>
        ) : null}
        <ImportCounts
          label="Import counts"
          items={[
            { label: "Created", value: p.created },
            { label: "Updated", value: p.updated },
            { label: "Unchanged", value: p.unchanged },
            { label: "Rejected", value: p.rejected, tone: "danger" },
          ]}
        />
        <ErrorsTable importId={view.id} errors={view.errors} total={view.errorCount} />
        {view.canUndo ? <UndoButton importId={view.id} created={p.created} updated={p.updated} undo={undoImportAction} /> : null}
        <div>
          <Link href={`/imports/new?resource=${encodeURIComponent(view.resource.id)}`} className={buttonVariants({ variant: "ghost", size: "sm" })}>
            Import another file
          </Link>
        </div>
      </CardContent>
    </Card>
  );
}
