// What the import pages, actions and routes call. Every function takes the member's OrgContext: the
// import is looked up in the member's organization (another organization's import does not exist:
// null / "not found"), and the resource's import permission is checked. The state changes are
// conditional UPDATEs on the status, so two clicks (or two tabs) cannot start a phase twice.
//
// Starting a phase sends its job event. If the event cannot be sent, the import is put back as it
// was (nothing was written) and the error returned: the member can simply try again.
import { z } from "zod";
import type { ActionResult } from "@/core/actions/result";
import type { OrgContext } from "@/core/auth/context";
import { SHOW_STALLED_AFTER_MS } from "@/core/jobs/stall";
import { rootDb } from "@/core/db/client";
import { log } from "@/core/log";
import { inngest } from "@/inngest/client";
import { CSV_ENCODINGS } from "./csv/decode";
import { CSV_DELIMITERS, type CsvDetection } from "./csv/detect";
import { CsvFileError } from "./csv/errors";
import { autoMap, mappingProblems, missingRequired } from "./csv/mapping";
import { detectStoredFile, MAX_TITLE_LINES } from "./create";
import { deniedFields } from "./field-access";
import { errorText, resourceOptionsOf, type ImportRow } from "./engine/context";
import { errorPhase } from "./errors-csv";
import { importCommitRequested, importPreviewRequested, importUndoRequested } from "./job-events";
import { saveMapping, savedMapping } from "./mappings";
import { progressOf, type ImportProgress } from "./progress";
import { importableResources, importResource, mayImport } from "./registry";
import { fileInfo, retentionDays } from "./storage";
import type { ImportField, ImportResource, ImportResourceOption, RowError } from "./types";
import { statusFrom, statusIn, statusTo, UNDOABLE, type ImportStatus } from "./lifecycle";

type AnyResource = ImportResource<any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- each resource has its own row type

const NOT_FOUND = { ok: false as const, error: "This import does not exist." };
const DENIED = { ok: false as const, error: "You do not have permission to import into this resource." };

/** The import of the member's organization, with its resource, when the member may import into it. */
async function loadForMember(ctx: OrgContext, id: string): Promise<{ imp: ImportRow; resource: AnyResource } | { error: ActionResult<never> & { ok: false } }> {
  if (!z.uuid().safeParse(id).success) return { error: NOT_FOUND };
  const imp = (await ctx.db.dataImport.findFirst({ where: { id } })) as unknown as ImportRow | null;
  if (!imp) return { error: NOT_FOUND };
  const resource = await importResource(imp.resource);
  if (!resource) return { error: { ok: false, error: `The resource "${imp.resource}" is not installed any more.` } };
  if (!(await mayImport(ctx, resource))) return { error: DENIED };
  return { imp, resource };
}

/** For routes: the import or null (not found or not allowed: both answer 404, nothing is revealed). */
export async function importForMember(ctx: OrgContext, id: string): Promise<ImportRow | null> {
  const r = await loadForMember(ctx, id);
  return "error" in r ? null : r.imp;
}

export type ImportErrorView = RowError & { phase: "preview" | "commit" };

export type ImportView = {
  id: string;
  resource: { id: string; label: string; fields: ImportField[] };
  fileName: string;
  /** null when the file was removed (retention) — `fileRemovedMessage` then says so. */
  file: { size: number; expiresAt: string } | null;
  fileRemovedMessage: string | null;
  status: string;
  encoding: string | null;
  delimiter: string | null;
  hasHeader: boolean;
  headerRow: number;
  headers: string[];
  /** The first rows of the file, for the mapping screen ([] when the file is gone). */
  sampleRows: string[][];
  mapping: Record<string, string>;
  missingRequired: { key: string; label: string }[];
  updateExisting: boolean;
  mode: "skip_invalid" | "all_or_nothing";
  /** The resource's own options: their definitions and this import's values. */
  resourceOptionDefs: ImportResourceOption[];
  resourceOptions: Record<string, boolean>;
  /** What "update existing: off" means, for the options screen. */
  updateExistingHint: string;
  progress: ImportProgress;
  /** The first rejected rows of the latest phase (row, line, column, field, reason). */
  errors: ImportErrorView[];
  createdAt: string;
  finishedAt: string | null;
  undoneAt: string | null;
  createdBy: string | null;
  can: { configure: boolean; preview: boolean; commit: boolean; cancel: boolean; undo: boolean; downloadErrors: boolean };
};

const FIRST_ERRORS = 100;

function canConfigure(imp: ImportRow): boolean {
  return ["uploaded", "previewed", "failed"].includes(imp.status) && imp.createdCount === 0 && imp.updatedCount === 0 && imp.resumeRow === 1;
}

async function hasJournal(importId: string): Promise<boolean> {
  const [r] = await rootDb().$queryRaw<Array<{ any: boolean }>>`SELECT EXISTS (SELECT 1 FROM data_import_changes WHERE "importId" = ${importId}::uuid) AS any`;
  return Boolean(r?.any);
}

export async function getImportView(ctx: OrgContext, id: string): Promise<ImportView | null> {
  const r = await loadForMember(ctx, id);
  if ("error" in r) return null;
  const { imp, resource } = r;
  const file = imp.fileId ? await fileInfo(ctx.organization.id, imp.fileId) : null;
  let sampleRows: string[][] = [];
  if (file && imp.fileId) {
    try {
      sampleRows = (await detectStoredFile(ctx.organization.id, imp.fileId, overridesOf(imp))).sampleRows;
    } catch {
      sampleRows = [];
    }
  }
  const phase = await errorPhase(imp);
  const errors = await rootDb().dataImportError.findMany({
    where: { importId: imp.id, phase },
    orderBy: [{ rowNumber: "asc" }, { id: "asc" }],
    take: FIRST_ERRORS,
    select: { rowNumber: true, line: true, column: true, field: true, reason: true },
  });
  const journal = await hasJournal(imp.id);
  const creator = imp.createdById ? await rootDb().user.findUnique({ where: { id: imp.createdById }, select: { name: true } }) : null;
  const configurable = canConfigure(imp) && file !== null;
  return {
    id: imp.id,
    resource: { id: resource.id, label: resource.label, fields: resource.fields },
    fileName: imp.fileName,
    file: file ? { size: file.size, expiresAt: file.expiresAt.toISOString() } : null,
    fileRemovedMessage: file ? null : `The uploaded file was removed after ${retentionDays()} days (the retention period); the import's history is kept.`,
    status: imp.status,
    encoding: imp.encoding,
    delimiter: imp.delimiter,
    hasHeader: imp.hasHeader,
    headerRow: imp.headerRow,
    headers: imp.headers,
    sampleRows,
    mapping: imp.mapping,
    missingRequired: missingRequired(imp.mapping, resource.fields).map((f) => ({ key: f.key, label: f.label })),
    updateExisting: imp.updateExisting,
    mode: imp.mode,
    resourceOptionDefs: resource.options ?? [],
    resourceOptions: resourceOptionsOf(resource.options ?? [], imp.resourceOptions),
    updateExistingHint: imp.updateExisting
      ? "Rows whose key matches an existing record update it."
      : "Rows whose key matches an existing record are skipped (counted as unchanged); only new records are created.",
    progress: progressOf(imp),
    errors: errors.map((e) => ({ row: e.rowNumber, line: e.line ?? undefined, column: e.column ?? undefined, field: e.field ?? undefined, reason: e.reason, phase })),
    createdAt: imp.createdAt.toISOString(),
    finishedAt: imp.finishedAt?.toISOString() ?? null,
    undoneAt: imp.undoneAt?.toISOString() ?? null,
    createdBy: creator?.name ?? null,
    can: {
      configure: configurable,
      preview: configurable && missingRequired(imp.mapping, resource.fields).length === 0,
      commit: imp.status === "previewed" && file !== null && !(imp.mode === "all_or_nothing" && (imp.preview?.reject ?? 0) > 0),
      cancel: ["uploaded", "previewed", "committing"].includes(imp.status) && !imp.cancelRequested,
      undo: ["completed", "cancelled", "failed"].includes(imp.status) && journal && imp.undoneById === null,
      downloadErrors: errors.length > 0,
    },
  };
}

function overridesOf(imp: ImportRow) {
  return {
    encoding: (imp.encoding ?? undefined) as CsvDetection["encoding"] | undefined,
    delimiter: (imp.delimiter ?? undefined) as CsvDetection["delimiter"] | undefined,
    hasHeader: imp.hasHeader,
    headerRow: imp.headerRow,
  };
}

export type ImportListRow = {
  id: string; resource: string; resourceLabel: string; fileName: string; status: string; totalRows: number | null;
  created: number; updated: number; unchanged: number; rejected: number; createdAt: string; createdBy: string | null;
};

export const IMPORTS_PAGE_SIZE = 25;

export async function listImports(ctx: OrgContext, opts: { resource?: string; page?: number } = {}): Promise<{ rows: ImportListRow[]; total: number; page: number; pageSize: number; canImport: boolean }> {
  const page = Math.max(1, Math.floor(opts.page ?? 1));
  // Only imports into resources the member may import (as listExports): a member without inventory
  // rights does not see inventory imports (file names, counts) in the history either.
  const allowed = (await importableResources(ctx)).map((r) => r.id);
  const resources = opts.resource ? allowed.filter((id) => id === opts.resource) : allowed;
  const where = { resource: { in: resources } };
  const [rows, total] = await Promise.all([
    ctx.db.dataImport.findMany({ where, orderBy: { createdAt: "desc" }, skip: (page - 1) * IMPORTS_PAGE_SIZE, take: IMPORTS_PAGE_SIZE }),
    ctx.db.dataImport.count({ where }),
  ]);
  const labels = new Map<string, string>();
  const userIds = [...new Set(rows.map((r) => r.createdById).filter((x): x is string => Boolean(x)))];
  const users = new Map((await rootDb().user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  for (const r of rows) if (!labels.has(r.resource)) labels.set(r.resource, (await importResource(r.resource))?.label ?? r.resource);
  return {
    rows: rows.map((r) => ({
      id: r.id, resource: r.resource, resourceLabel: labels.get(r.resource)!, fileName: r.fileName, status: r.status, totalRows: r.totalRows,
      created: r.createdCount, updated: r.updatedCount, unchanged: r.unchangedCount, rejected: r.rejectedCount,
      createdAt: r.createdAt.toISOString(), createdBy: r.createdById ? (users.get(r.createdById) ?? null) : null,
    })),
    total,
    page,
    pageSize: IMPORTS_PAGE_SIZE,
    canImport: allowed.length > 0,
  };
}

export const configureSchema = z.object({
  mapping: z.record(z.string(), z.string()),
  encoding: z.enum(CSV_ENCODINGS).optional(),
  delimiter: z.enum(CSV_DELIMITERS).optional(),
  hasHeader: z.boolean().optional(),
  /** The header is this non-blank line: title lines above it are skipped. */
  headerRow: z.number().int().min(1, "The header is on line 1 or below").max(MAX_TITLE_LINES + 1, `At most ${MAX_TITLE_LINES} title lines above the header`).optional(),
  updateExisting: z.boolean(),
  mode: z.enum(["skip_invalid", "all_or_nothing"]),
  /** The resource's own options; omitted ones keep their current value. */
  resourceOptions: z.record(z.string(), z.boolean()).optional(),
});
export type ConfigureInput = z.input<typeof configureSchema>;

/**
 * Saves the mapping and options (and re-detects with the member's encoding/delimiter/header choice),
 * remembers the mapping for these headers, and puts the import back to "uploaded" (a new preview is
 * needed). Field errors: "mapping.<column>" for a bad column, "mapping" for the whole mapping.
 */
export async function configureImport(ctx: OrgContext, id: string, input: ConfigureInput): Promise<ActionResult<{ id: string }>> {
  const r = await loadForMember(ctx, id);
  if ("error" in r) return r.error;
  const { imp, resource } = r;
  const parsed = configureSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "Please correct the highlighted fields.", fieldErrors: Object.fromEntries(parsed.error.issues.map((i) => [i.path.join(".") || "_form", i.message])) };
  if (!canConfigure(imp) || !imp.fileId) return { ok: false, error: "This import can no longer be changed (it has started writing, or its file was removed)." };
  const data = parsed.data;
  const known = new Set((resource.options ?? []).map((o) => o.key));
  const unknown = Object.keys(data.resourceOptions ?? {}).filter((k) => !known.has(k));
  if (unknown.length) {
    const what = known.size ? `its options are: ${[...known].join(", ")}` : "it has no options of its own";
    return { ok: false, error: `Unknown option ${unknown.map((k) => `"${k}"`).join(", ")} for ${resource.label.toLowerCase()}: ${what}.`, fieldErrors: Object.fromEntries(unknown.map((k) => [`resourceOptions.${k}`, "Unknown option"])) };
  }
  const resourceOptions = resourceOptionsOf(resource.options ?? [], { ...imp.resourceOptions, ...data.resourceOptions });
  // Unmapped columns may come as "": they are simply not part of the mapping.
  let mapping = Object.fromEntries(Object.entries(data.mapping).filter(([, key]) => key !== ""));
  let headers = imp.headers;
  let detection = { encoding: imp.encoding, delimiter: imp.delimiter, hasHeader: imp.hasHeader, headerRow: imp.headerRow };
  const redetect =
    (data.encoding && data.encoding !== imp.encoding) ||
    (data.delimiter && data.delimiter !== imp.delimiter) ||
    (data.hasHeader !== undefined && data.hasHeader !== imp.hasHeader) ||
    (data.headerRow !== undefined && data.headerRow !== imp.headerRow);
  if (redetect) {
    try {
      const d = await detectStoredFile(ctx.organization.id, imp.fileId, {
        encoding: data.encoding ?? overridesOf(imp).encoding,
        delimiter: data.delimiter ?? overridesOf(imp).delimiter,
        hasHeader: data.hasHeader ?? imp.hasHeader,
        headerRow: data.headerRow ?? imp.headerRow,
      });
      const changedHeaders = JSON.stringify(d.headers) !== JSON.stringify(headers);
      headers = d.headers;
      detection = { encoding: d.encoding, delimiter: d.delimiter, hasHeader: d.hasHeader, headerRow: d.headerRow };
      // Other columns: the old mapping by index means nothing any more; map them afresh.
      if (changedHeaders) mapping = autoMap(headers, resource.fields, await savedMapping(ctx.organization.id, resource.id, headers));
    } catch (err) {
      if (err instanceof CsvFileError) return { ok: false, error: err.message };
      throw err;
    }
  } else {
    const problems = mappingProblems(mapping, headers, resource.fields);
    if (problems.length > 0) {
      // The same checks per column, so each message lands next to its column's select.
      const fieldErrors: Record<string, string> = {};
      const firstColumnOf = new Map<string, string>();
      for (const [col, key] of Object.entries(mapping)) {
        const own = mappingProblems({ [col]: key }, headers, resource.fields);
        if (own.length > 0) fieldErrors[`mapping.${col}`] = own[0]!;
        else if (firstColumnOf.has(key)) {
          const label = resource.fields.find((f) => f.key === key)?.label ?? key;
          fieldErrors[`mapping.${col}`] = `"${label}" is already mapped to column "${headers[Number(firstColumnOf.get(key))]}"`;
        } else firstColumnOf.set(key, col);
      }
      return { ok: false, error: problems.join(". "), fieldErrors };
    }
    const denied = await deniedFields(ctx, resource.fields, mapping);
    if (denied.length > 0) {
      return { ok: false, error: denied.map((d) => d.reason).join(". "), fieldErrors: Object.fromEntries(denied.map((d) => [`mapping.${d.column}`, d.reason])) };
    }
    await saveMapping(ctx.organization.id, resource.id, headers, mapping);
  }
  const n = await rootDb().$executeRaw`
    UPDATE data_imports SET mapping = ${JSON.stringify(mapping)}::jsonb, headers = ${JSON.stringify(headers)}::jsonb,
      encoding = ${detection.encoding}, delimiter = ${detection.delimiter}, "hasHeader" = ${detection.hasHeader}, "headerRow" = ${detection.headerRow},
      "updateExisting" = ${data.updateExisting}, mode = ${data.mode}, "resourceOptions" = ${JSON.stringify(resourceOptions)}::jsonb, ${statusTo("configure")}, preview = NULL, "totalRows" = NULL,
      "rowsDone" = 0, error = NULL, "finishedAt" = NULL, "updatedAt" = now()
    WHERE "organizationId" = ${ctx.organization.id}::uuid AND id = ${imp.id}::uuid AND ${statusFrom("configure")}
      AND "createdCount" = 0 AND "updatedCount" = 0 AND "resumeRow" = 1`;
  if (n === 0) return { ok: false, error: "This import changed meanwhile; reload the page." };
  await rootDb().dataImportError.deleteMany({ where: { importId: imp.id, phase: "preview" } });
  return { ok: true, data: { id: imp.id }, message: "Mapping and options saved." };
}

type JobEvent = ReturnType<(typeof importPreviewRequested | typeof importCommitRequested | typeof importUndoRequested)["create"]>;

async function send(event: JobEvent, undoState: () => Promise<unknown>): Promise<ActionResult<{ id: string }> | null> {
  try {
    await inngest.send(event);
    return null;
  } catch (err) {
    log.error("imports.send_failed", { err, event: event.name, importId: event.data.importId });
    await undoState();
    return { ok: false, error: `The background job could not be started (${errorText(err)}). Nothing was changed; try again when the job runner is available.` };
  }
}

export async function startPreview(ctx: OrgContext, id: string): Promise<ActionResult<{ id: string }>> {
  const r = await loadForMember(ctx, id);
  if ("error" in r) return r.error;
  const { imp, resource } = r;
  const missing = missingRequired(imp.mapping, resource.fields);
  if (missing.length > 0) return { ok: false, error: `Map a column to ${missing.length === 1 ? "the required field" : "each required field"}: ${missing.map((f) => f.label).join(", ")}.` };
  const denied = await deniedFields(ctx, resource.fields, imp.mapping);
  if (denied.length > 0) return { ok: false, error: `${denied.map((d) => d.reason).join(". ")}.` };
  if (!imp.fileId || !(await fileInfo(ctx.organization.id, imp.fileId))) return { ok: false, error: `The file was removed after ${retentionDays()} days; upload it again.` };
  const before = imp.status as "uploaded" | "previewed" | "failed";
  const n = await rootDb().$executeRaw`
    UPDATE data_imports SET ${statusTo("startPreview")}, "rowsDone" = 0, "phaseStartedAt" = now(), preview = NULL, error = NULL, "updatedAt" = now()
    WHERE "organizationId" = ${ctx.organization.id}::uuid AND id = ${imp.id}::uuid AND ${statusFrom("startPreview")}
      AND "createdCount" = 0 AND "updatedCount" = 0 AND "resumeRow" = 1`;
  if (n === 0) return { ok: false, error: "This import cannot be previewed now (a preview or the import is already running, or it has written rows)." };
  const failed = await send(importPreviewRequested.create({ organizationId: ctx.organization.id, importId: imp.id }), () =>
    rootDb().$executeRaw`UPDATE data_imports SET ${statusTo("previewNotSent", before)} WHERE id = ${imp.id}::uuid AND ${statusFrom("previewNotSent")}`,
  );
  return failed ?? { ok: true, data: { id: imp.id }, message: "Preview started." };
}

export async function startCommit(ctx: OrgContext, id: string): Promise<ActionResult<{ id: string }>> {
  const r = await loadForMember(ctx, id);
  if ("error" in r) return r.error;
  const { imp, resource } = r;
  if (imp.status !== "previewed") return { ok: false, error: "Preview the file first: the import starts from a finished preview." };
  const denied = await deniedFields(ctx, resource.fields, imp.mapping);
  if (denied.length > 0) return { ok: false, error: `${denied.map((d) => d.reason).join(". ")}.` };
  if (imp.mode === "all_or_nothing" && (imp.preview?.reject ?? 0) > 0) {
    return { ok: false, error: `All or nothing: the preview rejected ${imp.preview!.reject} row(s). Fix them (download the error file) or choose "skip bad rows".` };
  }
  if (!imp.fileId || !(await fileInfo(ctx.organization.id, imp.fileId))) return { ok: false, error: `The file was removed after ${retentionDays()} days; upload it again.` };
  // The job claims previewed -> committing itself (runCommit); here only the intent is recorded, so
  // a second click sends a second event that finds nothing to do.
  const n = await rootDb().$executeRaw`
    UPDATE data_imports SET ${statusTo("startCommit")}, "rowsDone" = 0, "phaseStartedAt" = now(), "resumeRow" = 1, "cancelRequested" = false,
      "createdCount" = 0, "updatedCount" = 0, "unchangedCount" = 0, "rejectedCount" = 0, error = NULL, "updatedAt" = now()
    WHERE "organizationId" = ${ctx.organization.id}::uuid AND id = ${imp.id}::uuid AND ${statusFrom("startCommit")}`;
  if (n === 0) return { ok: false, error: "This import is already running or finished." };
  await rootDb().dataImportError.deleteMany({ where: { importId: imp.id, phase: "commit" } });
  const failed = await send(importCommitRequested.create({ organizationId: ctx.organization.id, importId: imp.id }), () =>
    rootDb().$executeRaw`UPDATE data_imports SET ${statusTo("commitNotSent")}, "phaseStartedAt" = NULL WHERE id = ${imp.id}::uuid AND ${statusFrom("commitNotSent")} AND "resumeRow" = 1`,
  );
  return failed ?? { ok: true, data: { id: imp.id }, message: "Import started." };
}

/**
 * Cancel: before the commit the import simply becomes "cancelled"; during the commit the flag stops
 * it before its next batch — batches already committed stay (and can be undone). A commit whose job
 * stopped (no heartbeat for SHOW_STALLED_AFTER_MS) is cancelled at once: no runner would read the
 * flag, and should one resume, its next batch finds the import cancelled under the row lock.
 * The flag does not touch updatedAt, which is the commit's heartbeat.
 */
export async function cancelImport(ctx: OrgContext, id: string): Promise<ActionResult<{ id: string }>> {
  const r = await loadForMember(ctx, id);
  if ("error" in r) return r.error;
  const orgId = ctx.organization.id;
  const direct = await rootDb().$executeRaw`
    UPDATE data_imports SET ${statusTo("cancelBeforeCommit")}, "cancelRequested" = true, "finishedAt" = now(), "updatedAt" = now()
    WHERE "organizationId" = ${orgId}::uuid AND id = ${id}::uuid AND ${statusFrom("cancelBeforeCommit")}`;
  if (direct > 0) return { ok: true, data: { id }, message: "Import cancelled. Nothing was written." };
  const stalled = await rootDb().$executeRaw`
    UPDATE data_imports SET ${statusTo("cancelStalled")}, "cancelRequested" = true, "finishedAt" = now(), "updatedAt" = now()
    WHERE "organizationId" = ${orgId}::uuid AND id = ${id}::uuid AND ${statusFrom("cancelStalled")}
      AND "updatedAt" < now() - ${SHOW_STALLED_AFTER_MS} * interval '1 millisecond'`;
  if (stalled > 0) return { ok: true, data: { id }, message: "Import cancelled. Rows already written stay and can be undone." };
  const flagged = await rootDb().$executeRaw`
    UPDATE data_imports SET "cancelRequested" = true
    WHERE "organizationId" = ${orgId}::uuid AND id = ${id}::uuid AND ${statusIn(["committing"])}`;
  if (flagged > 0) return { ok: true, data: { id }, message: "Cancelling: the import stops before its next batch. Rows already written stay and can be undone." };
  return { ok: false, error: "This import is not running." };
}

export async function undoImport(ctx: OrgContext, id: string): Promise<ActionResult<{ id: string }>> {
  const r = await loadForMember(ctx, id);
  if ("error" in r) return r.error;
  const { imp, resource } = r;
  // Undoing restores what the import changed, those fields included.
  const denied = await deniedFields(ctx, resource.fields, imp.mapping);
  if (denied.length > 0) return { ok: false, error: `Undoing this import would change "${denied[0]!.field.label}" back, which needs the ${denied[0]!.field.permission} permission.` };
  if (!UNDOABLE.includes(imp.status as ImportStatus) || !(await hasJournal(imp.id))) {
    return { ok: false, error: imp.status === "undone" ? "This import was already undone." : "This import has written nothing that could be undone." };
  }
  // undoneById records who asked (the undo's events are theirs) and marks the undo as requested.
  const n = await rootDb().$executeRaw`
    UPDATE data_imports SET "undoneById" = ${ctx.user.id}::uuid, error = NULL, "updatedAt" = now()
    WHERE "organizationId" = ${ctx.organization.id}::uuid AND id = ${imp.id}::uuid AND ${statusFrom("undo")} AND "undoneById" IS NULL`;
  if (n === 0) return { ok: false, error: "An undo of this import is already running." };
  const failed = await send(importUndoRequested.create({ organizationId: ctx.organization.id, importId: imp.id }), () =>
    rootDb().$executeRaw`UPDATE data_imports SET "undoneById" = NULL WHERE id = ${imp.id}::uuid AND NOT ${statusIn(["undone"])}`,
  );
  return failed ?? { ok: true, data: { id: imp.id }, message: "Undo started." };
}

export async function importProgress(ctx: OrgContext, id: string): Promise<ImportProgress | null> {
  const imp = await importForMember(ctx, id);
  return imp ? progressOf(imp) : null;
}
