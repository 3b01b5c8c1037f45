// The JSON shapes of /api/v1/imports (documented in /api/v1/openapi.json from these schemas).
import { z } from "zod";
import { CSV_ENCODINGS } from "../csv/decode";
import { CSV_DELIMITERS } from "../csv/detect";

const rowError = z.object({
  row: z.number().int().meta({ description: "1-based data row of the file (the header is not counted)." }),
  line: z.number().int().optional().meta({ description: "Physical line where the row starts (differs from row with quoted newlines or a title line)." }),
  column: z.string().optional().meta({ description: "The file's column header." }),
  field: z.string().optional().meta({ description: "The field the column is mapped to." }),
  reason: z.string(),
  phase: z.enum(["preview", "commit"]),
});

const counts = z.object({
  create: z.number().int(),
  update: z.number().int(),
  unchanged: z.number().int(),
  reject: z.number().int(),
  also: z.record(z.string(), z.array(z.string())).optional().meta({ description: "What the commit would create besides the records: { categories: [names] }.", examples: [{ categories: ["Gloves"] }] }),
});

export const importSchema = z
  .object({
    id: z.uuid(),
    resource: z.string().meta({ examples: ["inventory.items"] }),
    fileName: z.string(),
    status: z.enum(["uploaded", "previewing", "previewed", "committing", "completed", "failed", "cancelled", "undone"]).meta({
      description: "uploaded → (preview) previewing → previewed → (commit) committing → completed | failed | cancelled; (undo) → undone.",
    }),
    detection: z.object({
      encoding: z.string().nullable(),
      delimiter: z.string().nullable(),
      hasHeader: z.boolean(),
      headerRow: z.number().int().meta({ description: "Which non-blank line holds the column names (more than 1 when title lines stand above it)." }),
    }),
    headers: z.array(z.string()),
    sampleRows: z.array(z.array(z.string())).meta({ description: "The first rows of the file, as the mapping screen shows them." }),
    mapping: z.record(z.string(), z.string()).meta({ description: "Column index → field key.", examples: [{ "0": "sku", "1": "name" }] }),
    missingRequired: z.array(z.string()).meta({ description: "Required fields no column is mapped to: the preview refuses to start until they are." }),
    unmapped: z.array(z.string()).meta({ description: "Optional fields no column is mapped to: existing records keep their values, new ones get the default. Check that none was missed." }),
    options: z.object({ updateExisting: z.boolean(), mode: z.enum(["skip_invalid", "all_or_nothing"]) }),
    resourceOptions: z.record(z.string(), z.boolean()).meta({ description: "The resource's own options (inventory.items: createCategories).", examples: [{ createCategories: true }] }),
    preview: counts.nullable().meta({ description: "The dry run's counts, once previewed." }),
    counts: z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), rejected: z.number().int() }),
    progress: z.object({
      rowsDone: z.number().int(),
      totalRows: z.number().int().nullable(),
      ratePerSecond: z.number().nullable(),
      secondsLeft: z.number().int().nullable(),
      stalled: z.object({ since: z.string(), resumesBy: z.string(), overdue: z.boolean() }).nullable().meta({ description: "Set while a running phase makes no progress (its job runner stopped)." }),
    }),
    error: z.string().nullable().meta({ description: "Why the import failed or stopped, for people." }),
    errors: z.array(rowError).meta({ description: "The first 100 rejected rows of the latest phase; all of them as CSV at errors.csv." }),
    can: z.object({ configure: z.boolean(), preview: z.boolean(), commit: z.boolean(), cancel: z.boolean(), undo: z.boolean(), downloadErrors: z.boolean() }),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    undoneAt: z.string().nullable(),
  })
  .meta({ id: "Import" });

export const importListSchema = z
  .object({
    imports: z.array(
      z.object({
        id: z.uuid(),
        resource: z.string(),
        fileName: z.string(),
        status: z.string(),
        totalRows: z.number().int().nullable(),
        created: z.number().int(),
        updated: z.number().int(),
        unchanged: z.number().int(),
        rejected: z.number().int(),
        createdAt: z.string(),
        createdBy: z.string().nullable(),
      }),
    ),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: "ImportList" });

export const resourcesSchema = z
  .object({
    resources: z.array(
      z.object({
        id: z.string().meta({ examples: ["inventory.items"] }),
        label: z.string(),
        fields: z.array(z.object({ key: z.string(), label: z.string(), required: z.boolean(), hint: z.string().optional() })),
      }),
    ),
  })
  .meta({ id: "ImportResources" });

export const previewRequestSchema = z
  .strictObject({
    mapping: z
      .record(z.string(), z.string())
      .optional()
      .meta({
        description:
          'Which column feeds which field: keys are column headers (as in `headers`) or column indexes ("0"), values field keys ("" leaves a column unmapped). Omitted: the automatic mapping stays.',
        examples: [{ SKU: "sku", Product: "name", Amount: "quantity" }],
      }),
    encoding: z.enum(CSV_ENCODINGS).optional(),
    delimiter: z.enum(CSV_DELIMITERS).optional(),
    hasHeader: z.boolean().optional(),
    headerRow: z.number().int().min(1).max(6).optional().meta({ description: "The column names are on this non-blank line (title lines above it are skipped); detected at upload." }),
    updateExisting: z.boolean().optional().meta({ description: "Rows whose key matches an existing record update it (default) or are skipped." }),
    mode: z.enum(["skip_invalid", "all_or_nothing"]).optional().meta({ description: "skip_invalid (default): bad rows are reported, the rest imported. all_or_nothing: any bad row and nothing is imported." }),
    resourceOptions: z.record(z.string(), z.boolean()).optional().meta({ description: "The resource's own options, e.g. inventory.items: `{ \"createCategories\": false }` rejects rows naming an unknown category instead of creating it." }),
  })
  .meta({ id: "ImportPreviewRequest" });

export const listQuerySchema = z.strictObject({
  resource: z.string().optional(),
  page: z.string().regex(/^[1-9]\d{0,6}$/, "a page number: 1, 2, …").transform(Number).optional(),
});

export const progressSchema = z
  .object({
    status: z.string(),
    rowsDone: z.number().int(),
    totalRows: z.number().int().nullable(),
    ratePerSecond: z.number().nullable(),
    secondsLeft: z.number().int().nullable(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.number().int(),
    preview: counts.nullable(),
    error: z.string().nullable(),
    cancelRequested: z.boolean(),
    stalled: z.object({ since: z.string(), resumesBy: z.string(), overdue: z.boolean() }).nullable(),
  })
  .meta({ id: "ImportProgress" });
