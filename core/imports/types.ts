// The import/export contract: what a resource (core's patients, a plugin's inventory items) declares
// to get the whole CSV flow — upload, detection, column mapping, preview, background commit with
// progress and cancel, error CSV, undo and export. Core runs the flow (core/imports/*); the resource
// only says what a row is and how a batch of rows is written, read back and undone, in set-based SQL.
//
// Data rules every implementation keeps:
//   - A batch is committed in ONE transaction together with its undo journal rows, its events and the
//     import's progress counters: a crash or failure leaves either the whole batch or none of it.
//   - Rows are numbered from 1 (the first data row after the header); `line` is the physical line.
import type { ZodType } from "zod";
import type { OrgContext } from "@/core/auth/context";
import type { TxClient } from "@/core/db/tx";
import type { EmitMeta } from "@/core/events/emit";
import type { PermissionKey, PluginOrganization } from "@/core/plugins/types";

/** One importable field of a resource, as the mapping UI shows it. */
export type ImportField = {
  /** The field's key in the row schema: "sku". */
  key: string;
  label: string;
  /** The column must be mapped (the preview refuses otherwise, naming the field). */
  required?: boolean;
  /** Header names recognised automatically besides key and label, compared normalized ("Item code"). */
  aliases?: string[];
  /** A format hint for the mapping UI: "YYYY-MM-DD", "12.50". */
  hint?: string;
  /**
   * Mapping a column to this field needs this permission besides the resource's (inventory's quantity:
   * adjust stock, as the form and the API require). Without it the mapping, the preview, the commit
   * and the undo of an import that maps it are refused, naming the field and the permission.
   */
  permission?: PermissionKey;
};

/** A rejected row or cell: which row, which column/field, why. */
export type RowError = {
  /** 1-based data row. */
  row: number;
  /** Physical line in the file where the row starts (differs from row with quoted newlines). */
  line?: number;
  /** The file's header text of the column, when the error is about one cell. */
  column?: string;
  /** The resource field, when known. */
  field?: string;
  reason: string;
};

export type ImportMode = "skip_invalid" | "all_or_nothing";
export type ImportOptions = { updateExisting: boolean; mode: ImportMode };

/** A validated row ready for the database, with where it came from. */
export type ParsedRow<Row> = { row: number; line?: number; data: Row };

/** How the preview classifies a valid row against what is in the database. */
export type RowPlan = "create" | "update" | "unchanged";

/** One record written by a batch, for the undo journal. `before` null = created by this import. */
export type RecordChange = { recordId: string; action: "created" | "updated"; before: unknown | null; after: unknown };

export type BatchContext = {
  organization: PluginOrganization;
  /** Actor = the user who started the import; origin.source = "import", origin.importId set. */
  meta: EmitMeta;
  importId: string;
  options: ImportOptions;
  /** The resource's own options (ImportResource.options), each given or defaulted. */
  resourceOptions: Record<string, boolean>;
};

/** An on/off option of one resource, shown with the import's options and settable by the API. */
export type ImportResourceOption = { key: string; label: string; description: string; default: boolean };

/** What a batch's plan would create besides the rows' records ("categories": ["Gloves"]), for the preview. */
export type PlanAlso = Record<string, string[]>;

export type BatchResult = {
  /** Records created or updated (unchanged rows are not listed). */
  changes: RecordChange[];
  unchanged: number;
  /** Rows the database refused (e.g. a foreign key that does not exist): skipped, with why. */
  rejected: RowError[];
};

/**
 * A batch as a range of the staging table: the rows of `data_import_rows` with this importId and
 * fromRow <= row <= toRow (columns row, line, data = the row schema's output as JSONB, cells). Rows of
 * the range the preview rejected are simply not there.
 */
export type StagedBatch = { importId: string; fromRow: number; toRow: number };

export type StagedPlan = { create: number; update: number; unchanged: number; rejected: RowError[]; also?: PlanAlso };
export type StagedResult = { created: number; updated: number; unchanged: number; rejected: RowError[] };

export type StagedImplementation = {
  /** As `plan`, read-only, for the staged rows of the batch: counts, rows refused (with why), what else would be created. */
  plan: (tx: TxClient, ctx: BatchContext, batch: StagedBatch) => Promise<StagedPlan>;
  /**
   * As `commitBatch`, for the staged rows of the batch, with the same rules (updateExisting, events with
   * emitMany, throwing rolls the batch back) — and it writes the undo journal itself, set-based, in
   * the same statement or transaction: one `data_import_changes` row per record created or updated
   * (importId, recordId, action "created"/"updated", before = the record before or null, after = what
   * findUndoConflicts compares with). Rows it refuses (like commitBatch's `rejected`) are neither
   * written nor journaled.
   */
  commit: (tx: TxClient, ctx: BatchContext, batch: StagedBatch) => Promise<StagedResult>;
};

/** A record that changed after the import wrote it: undo refuses, naming it. */
export type UndoConflict = { recordId: string; label: string; reason: string };

export type ImportResource<Row = Record<string, unknown>> = {
  /** "<plugin id>.<name>" or "core.<name>": "inventory.items", "core.patients". */
  id: string;
  /** "Inventory items". */
  label: string;
  /** Needed to import (and to undo). Core resources use a capability check instead (see `allowed`). */
  permission?: PermissionKey;
  /** Extra/other check, e.g. core's role capability. Both must pass when both are given. */
  allowed?: (ctx: OrgContext) => boolean | Promise<boolean>;
  fields: ImportField[];
  /**
   * Validates one row given as { fieldKey: cell text } (only mapped fields present; empty cells are
   * ""). Its issues become RowErrors on the field's column. Must not touch the database. Its output
   * is staged as JSON between preview and commit, so it must be made of JSON values (strings for dates).
   */
  rowSchema: ZodType<Row>;
  /**
   * Optional fast path of `rowSchema` for rows that are plainly valid: returns exactly what
   * `rowSchema` would (same values, same keys), or undefined whenever it is not sure — then the schema
   * decides and gives its messages. A row is never refused here, and it must not throw (like a schema
   * that throws, that would fail the whole preview). Worth it for big files: the schema
   * is most of the preview's app CPU (inventory: ~20 µs a row through zod, ~3 µs this way). A test
   * must compare it with the schema (see plugins/inventory/tests/import-row-quick.test.ts).
   */
  quickRow?: (input: Record<string, string>) => Row | undefined;
  /** Field keys identifying an existing record for upserts ("sku"); duplicates inside a file are rejected. */
  key: readonly (keyof Row & string)[];
  /** Read-only: how each row would be written (same order as `rows`), and what else the commit would create. Used by the preview. */
  plan: (tx: TxClient, ctx: BatchContext, rows: ParsedRow<Row>[]) => Promise<{ plans: (RowPlan | RowError)[]; also?: PlanAlso }>;
  /** The resource's own on/off options (inventory: "Create missing categories"). */
  options?: ImportResourceOption[];
  /**
   * Writes a batch with set-based SQL (multi-row INSERT ... ON CONFLICT, or COPY into a staging table
   * + merge), honouring options.updateExisting (off: existing records are left unchanged), and emits
   * the resource's events for the batch with emitMany(tx, ctx.meta, ...). Runs inside the batch's
   * transaction; throwing rolls the batch back.
   */
  commitBatch: (tx: TxClient, ctx: BatchContext, rows: ParsedRow<Row>[]) => Promise<BatchResult>;
  /**
   * Optional: the preview's plan and the commit's write done in set-based SQL straight over the
   * staging table (core/imports/engine/staging.ts) instead of rows handed over from the app — no
   * per-row work in JavaScript. Without it, the engine loads each batch's staged rows back and calls
   * plan/commitBatch, which works for any resource.
   */
  staged?: StagedImplementation;
  /**
   * Undo, phase 1 (read-only): records of `changes` that changed after the import wrote them
   * (compare the current record with `after`), or that are referenced in a way that blocks removal.
   */
  findUndoConflicts: (tx: TxClient, ctx: BatchContext, changes: RecordChange[]) => Promise<UndoConflict[]>;
  /**
   * Undo, phase 2: removes records the import created and restores `before` of the ones it updated,
   * set-based, emitting the resource's events. Only called when phase 1 found no conflict, in the
   * same transaction (records are locked by phase 1 with FOR UPDATE).
   */
  undoBatch: (tx: TxClient, ctx: BatchContext, changes: RecordChange[]) => Promise<void>;
  /** CSV export of the resource; absent = not exportable. */
  export?: ExportDefinition;
};

/** Which rows an export covers. `filter` is the resource's list filter (its list page's search params). */
export type ExportQuery = { scope: "all" } | { scope: "filtered"; filter: Record<string, string> } | { scope: "selected"; ids: string[] };

export type ExportColumn = { key: string; header: string };

export type ExportDefinition = {
  /** Header = the import field labels, so an export can be imported again unchanged. */
  columns: ExportColumn[];
  /**
   * Needed to export (reading is usually a lesser right than importing). When neither this nor
   * `allowed` is given, the resource's own `permission`/`allowed` apply.
   */
  permission?: PermissionKey;
  allowed?: (ctx: OrgContext) => boolean | Promise<boolean>;
  /**
   * Checks a "filtered" query's parameters before anything is counted: the first invalid value's
   * message, naming the parameter ("category: …"), or null. An invalid value must not be dropped
   * (that would silently widen the export to more rows than the list shows): the route answers 400.
   * Parameters the resource does not know are ignored (the list's page or sort).
   */
  checkFilter?: (filter: Record<string, string>) => string | null;
  /** How many rows the query covers (decides stream now vs background job). */
  count: (ctx: { organizationId: string; tx: TxClient }, query: ExportQuery) => Promise<number>;
  /**
   * Rows in a stable order, keyset-paginated: called with the previous page's last `cursor` (null
   * first) until it returns fewer than `limit`. Values are already display strings.
   */
  page: (
    ctx: { organizationId: string; tx: TxClient },
    query: ExportQuery,
    after: string | null,
    limit: number,
  ) => Promise<{ rows: Record<string, string>[]; cursor: string | null }>;
};
