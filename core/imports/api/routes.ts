// /api/v1/imports: the import as a script drives it — upload, read, map and preview, commit, cancel,
// undo, the error CSV — token- or session-authenticated, in the caller's organization, documented in
// /api/v1/openapi.json. Every route calls the same service functions as the import pages
// (core/imports/service.ts), so the rules (permissions, states, what is written) are the pages' rules.
// Errors have the one /api/v1 shape: 404 an import of another organization or one the caller may not
// import into (nothing is revealed), 409 the import's state does not allow the step (the message says
// why), 400 with `fields` for a bad mapping or option.
import type { ActionResult } from "@/core/actions/result";
import type { OrgContext } from "@/core/auth/context";
import { apiError } from "@/core/http/api-errors";
import { defineApiRoute } from "@/core/openapi/define-route";
import type { ApiRoute } from "@/core/plugins/types";
import { errorsCsv } from "../errors-csv";
import { toReadableStream, utf8 } from "../export/stream";
import { importableResources } from "../registry";
import { cancelImport, configureImport, getImportView, importForMember, importProgress, listImports, startCommit, startPreview, undoImport, type ImportView } from "../service";
import { uploadImportFile } from "../upload";
import { importListSchema, importSchema, listQuerySchema, previewRequestSchema, progressSchema, resourcesSchema } from "./schemas";

const TAGS = ["Imports"];
const NOT_FOUND_TEXT = "No such import in your organization (or you may not import into its resource).";

function toJson(v: ImportView) {
  return {
    id: v.id,
    resource: v.resource.id,
    fileName: v.fileName,
    status: v.status,
    detection: { encoding: v.encoding, delimiter: v.delimiter, hasHeader: v.hasHeader, headerRow: v.headerRow },
    headers: v.headers,
    sampleRows: v.sampleRows,
    mapping: v.mapping,
    missingRequired: v.missingRequired.map((f) => f.key),
    unmapped: v.resource.fields.filter((f) => !f.required && !Object.values(v.mapping).includes(f.key)).map((f) => f.key),
    options: { updateExisting: v.updateExisting, mode: v.mode },
    // Always in this order (the stored JSON keeps no order).
    preview: v.progress.preview && {
      create: v.progress.preview.create,
      update: v.progress.preview.update,
      unchanged: v.progress.preview.unchanged,
      reject: v.progress.preview.reject,
      ...(v.progress.preview.also ? { also: v.progress.preview.also } : {}),
    },
    resourceOptions: v.resourceOptions,
    counts: { created: v.progress.created, updated: v.progress.updated, unchanged: v.progress.unchanged, rejected: v.progress.rejected },
    progress: { rowsDone: v.progress.rowsDone, totalRows: v.progress.totalRows, ratePerSecond: v.progress.ratePerSecond, secondsLeft: v.progress.secondsLeft, stalled: v.progress.stalled },
    error: v.progress.error,
    errors: v.errors,
    can: v.can,
    createdAt: v.createdAt,
    finishedAt: v.finishedAt,
    undoneAt: v.undoneAt,
  };
}

async function viewResponse(ctx: OrgContext, id: string, status = 200, requestId?: string): Promise<Response> {
  const view = await getImportView(ctx, id);
  if (!view) return apiError(404, "not_found", NOT_FOUND_TEXT, { requestId });
  return Response.json(toJson(view), { status, headers: { "Cache-Control": "no-store" } });
}

/** A refused step: 400 with fields when the service named fields, else 409 with its reason. */
function refused(res: ActionResult<unknown> & { ok: false }, requestId?: string): Response {
  if (res.fieldErrors && Object.keys(res.fieldErrors).length > 0) return apiError(400, "validation_failed", res.error, { requestId, fields: res.fieldErrors });
  return apiError(409, "conflict", res.error, { requestId });
}

/** The mapping as sent (keys: header names or column indexes) → column index → field key. */
function mappingByIndex(headers: string[], mapping: Record<string, string>): { ok: true; mapping: Record<string, string> } | { ok: false; fields: Record<string, string> } {
  const out: Record<string, string> = {};
  const fields: Record<string, string> = {};
  const norm = (s: string) => s.trim().toLowerCase();
  for (const [key, field] of Object.entries(mapping)) {
    let index = /^\d+$/.test(key) && Number(key) < headers.length ? Number(key) : headers.indexOf(key);
    if (index < 0) {
      const matches = headers.flatMap((h, i) => (norm(h) === norm(key) ? [i] : []));
      if (matches.length === 1) index = matches[0]!;
    }
    if (index < 0) fields[`mapping.${key}`] = `No column "${key}" in the file; its columns are: ${headers.map((h) => `"${h}"`).join(", ")}.`;
    else out[String(index)] = field;
  }
  return Object.keys(fields).length ? { ok: false, fields } : { ok: true, mapping: out };
}

const step = (
  path: string,
  summary: string,
  description: string,
  run: (ctx: OrgContext, id: string) => Promise<ActionResult<{ id: string }>>,
  status: number,
  errors: Record<number, string>,
): ApiRoute =>
  defineApiRoute({
    method: "POST",
    path,
    summary,
    description,
    tags: TAGS,
    response: importSchema,
    status,
    errors,
    handler: async ({ ctx, params }) => {
      if (!(await importForMember(ctx, params.id!))) return apiError(404, "not_found", NOT_FOUND_TEXT, { requestId: ctx.requestId });
      const res = await run(ctx, params.id!);
      if (!res.ok) return refused(res, ctx.requestId);
      return viewResponse(ctx, params.id!, status, ctx.requestId);
    },
  });

export const importsApi: ApiRoute[] = [
  defineApiRoute({
    method: "GET",
    path: "resources",
    summary: "What you may import",
    description: "The importable resources the caller may import into, with their fields (keys for the mapping; required ones must be mapped).",
    tags: TAGS,
    response: resourcesSchema,
    handler: async ({ ctx }) => {
      const resources = await importableResources(ctx);
      return Response.json({
        resources: resources.map((r) => ({ id: r.id, label: r.label, fields: r.fields.map((f) => ({ key: f.key, label: f.label, required: Boolean(f.required), ...(f.hint ? { hint: f.hint } : {}) })) })),
      });
    },
  }),
  defineApiRoute({
    method: "GET",
    path: "",
    summary: "List imports",
    description: "Newest first, 25 per page; only imports into resources the caller may import.",
    tags: TAGS,
    query: listQuerySchema,
    response: importListSchema,
    handler: async ({ ctx, query }) => {
      const list = await listImports(ctx, { resource: query.resource, page: query.page });
      return Response.json({
        imports: list.rows.map(({ resourceLabel: _label, ...r }) => r),
        total: list.total,
        page: list.page,
        pageSize: list.pageSize,
      });
    },
  }),
  {
    // Not defineApiRoute: the body is the file's raw bytes, streamed into storage.
    method: "POST",
    path: "",
    summary: "Upload a file",
    description:
      "The body is the CSV file's raw bytes (`curl --data-binary @file.csv`), not a form; `?resource=` names what it holds, header `x-file-name` its name. " +
      "The encoding, delimiter and header row are detected and the columns mapped automatically (`mapping`); nothing is written yet. At most 200 MB.",
    tags: TAGS,
    rawRequest: { mediaType: "text/csv", description: "The file's bytes as they are (any of the detected encodings)." },
    response: importSchema,
    status: 201,
    errors: { 413: "The file is larger than 200 MB (`payload_too_large`); nothing is stored.", 415: "A multipart form upload (`unsupported_media_type`): send the raw file." },
    handler: async ({ ctx, request }) => {
      const res = await uploadImportFile(ctx, request, ctx.requestId);
      if (!res.ok) return apiError(res.status, res.code, res.message, { requestId: ctx.requestId });
      return viewResponse(ctx, res.id, 201, ctx.requestId);
    },
  },
  defineApiRoute({
    method: "GET",
    path: ":id",
    summary: "Read an import",
    description: "Status, detection, mapping, options, counts, live progress and the first rejected rows. Poll it while `status` is previewing or committing.",
    tags: TAGS,
    response: importSchema,
    handler: async ({ ctx, params }) => viewResponse(ctx, params.id!, 200, ctx.requestId),
  }),
  defineApiRoute({
    method: "GET",
    path: ":id/progress",
    summary: "The live progress of an import",
    description: "Cheap to poll (the import page does, every second): status, rows done, rate, time left, counts, and `stalled` while no job runs it.",
    tags: TAGS,
    response: progressSchema,
    handler: async ({ ctx, params }) => {
      const progress = await importProgress(ctx, params.id!);
      if (!progress) return apiError(404, "not_found", NOT_FOUND_TEXT, { requestId: ctx.requestId });
      return Response.json(progress, { headers: { "Cache-Control": "no-store" } });
    },
  }),
  defineApiRoute({
    method: "POST",
    path: ":id/preview",
    summary: "Map the columns, set the options and start the preview",
    description:
      "Saves the mapping and options given (anything omitted stays as it is) and starts the dry run in the background: every row is validated and planned, nothing is written. " +
      "Poll the import until `status` is previewed (or failed). Send `{}` to preview with the automatic mapping.",
    tags: TAGS,
    request: previewRequestSchema,
    response: importSchema,
    status: 202,
    errors: { 409: "The import has started writing, or its file was removed, or a phase is running (`conflict`)." },
    handler: async ({ ctx, params, body }) => {
      const id = params.id!;
      const view = await getImportView(ctx, id);
      if (!view) return apiError(404, "not_found", NOT_FOUND_TEXT, { requestId: ctx.requestId });
      const changesSomething = Object.values(body).some((v) => v !== undefined);
      if (changesSomething) {
        let mapping = view.mapping;
        if (body.mapping) {
          const resolved = mappingByIndex(view.headers, body.mapping);
          if (!resolved.ok) return apiError(400, "validation_failed", "The mapping names columns the file does not have; see `fields`.", { requestId: ctx.requestId, fields: resolved.fields });
          mapping = resolved.mapping;
        }
        const configured = await configureImport(ctx, id, {
          mapping,
          encoding: body.encoding,
          delimiter: body.delimiter,
          hasHeader: body.hasHeader,
          headerRow: body.headerRow,
          updateExisting: body.updateExisting ?? view.updateExisting,
          mode: body.mode ?? view.mode,
          resourceOptions: body.resourceOptions,
        });
        if (!configured.ok) return refused(configured, ctx.requestId);
      }
      const started = await startPreview(ctx, id);
      if (!started.ok) return refused(started, ctx.requestId);
      return viewResponse(ctx, id, 202, ctx.requestId);
    },
  }),
  step(":id/commit", "Import the previewed file", "Starts writing in the background, in batches; poll the import until `status` is completed (or failed/cancelled).", startCommit, 202, {
    409: "Not previewed yet, already running, or all_or_nothing with rejected rows (`conflict`).",
  }),
  step(":id/cancel", "Cancel an import", "Before the commit: the import simply ends. During the commit: it stops after the batch in progress; rows already written stay (and can be undone).", cancelImport, 200, {
    409: "The import is not running (`conflict`).",
  }),
  step(":id/undo", "Undo an import", "Removes the records the import created and restores the ones it updated, in one transaction, in the background — refused (nothing changed, the reason in `error`) when a record changed since.", undoImport, 202, {
    409: "Nothing to undo, or an undo is already running (`conflict`).",
  }),
  {
    method: "GET",
    path: ":id/errors.csv",
    summary: "The rejected rows as CSV",
    description: "The original header and cells of every rejected row, with its row, line and reason: fix them and upload the file again.",
    tags: TAGS,
    rawResponse: { mediaType: "text/csv" },
    handler: async ({ ctx, params }) => {
      const imp = await importForMember(ctx, params.id!);
      if (!imp) return apiError(404, "not_found", NOT_FOUND_TEXT, { requestId: ctx.requestId });
      const body = toReadableStream(utf8(errorsCsv(imp)));
      const base = imp.fileName.replace(/\.[^.]*$/, "").replace(/[^\w.-]+/g, "_") || "import";
      return new Response(body, { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${base}-errors.csv"`, "Cache-Control": "no-store" } });
    },
  },
];
