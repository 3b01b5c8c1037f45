// What every engine phase starts from: the import row (read by id with the unscoped client — the
// engine runs in jobs, and the organization is the import's own, never taken from input), its resource
// and the BatchContext handed to the resource (organization, emit meta with the import's origin and
// the acting user, options).
import { rootDb } from "@/core/db/client";
import type { EmitMeta } from "@/core/events/emit";
import type { Actor } from "@/core/plugins/types";
import { importResource } from "../registry";
import type { BatchContext, ImportMode, ImportResource } from "../types";

export type ImportRow = {
  id: string;
  organizationId: string;
  resource: string;
  fileId: string | null;
  fileName: string;
  status: string;
  encoding: string | null;
  delimiter: string | null;
  hasHeader: boolean;
  headerRow: number;
  headers: string[];
  mapping: Record<string, string>;
  updateExisting: boolean;
  mode: ImportMode;
  resourceOptions: Record<string, boolean>;
  totalRows: number | null;
  rowsDone: number;
  phaseStartedAt: Date | null;
  preview: { create: number; update: number; unchanged: number; reject: number; also?: Record<string, string[]> } | null;
  createdCount: number;
  updatedCount: number;
  unchangedCount: number;
  rejectedCount: number;
  resumeRow: number;
  cancelRequested: boolean;
  error: string | null;
  createdById: string | null;
  createdAt: Date;
  /** Bumped by every batch of a running phase: its heartbeat (core/jobs/stall.ts). */
  updatedAt: Date;
  finishedAt: Date | null;
  undoneAt: Date | null;
  undoneById: string | null;
};

/** Rows per batch (and per commit transaction). */
export const BATCH_SIZE = 5_000;
/** Errors stored per import and phase; counts stay exact beyond it. */
export const MAX_STORED_ERRORS = 10_000;

export async function loadImport(importId: string): Promise<ImportRow | null> {
  const row = await rootDb().dataImport.findUnique({ where: { id: importId } });
  return row as unknown as ImportRow | null;
}

export async function loadImportOrThrow(importId: string): Promise<ImportRow> {
  const row = await loadImport(importId);
  if (!row) throw new Error(`Import ${importId} not found`);
  return row;
}

export async function resourceOf(imp: Pick<ImportRow, "resource">): Promise<ImportResource> {
  const r = await importResource(imp.resource);
  if (!r) throw new Error(`The import resource "${imp.resource}" is not installed`);
  return r as ImportResource;
}

/** The user an import acts as: who started it (or, for undo, who asked for the undo). */
export async function userActor(userId: string | null): Promise<Actor> {
  if (!userId) return { type: "system", name: "import" };
  const user = await rootDb().user.findUnique({ where: { id: userId }, select: { id: true, name: true } });
  return user ? { type: "user", id: user.id, name: user.name } : { type: "system", name: "import" };
}

export async function batchContext(imp: ImportRow, actingUserId = imp.createdById): Promise<BatchContext> {
  const organization = await rootDb().organization.findUniqueOrThrow({
    where: { id: imp.organizationId },
    select: { id: true, name: true, slug: true, timezone: true, currency: true, locale: true },
  });
  const meta: EmitMeta = { organization, actor: await userActor(actingUserId), origin: { source: "import", importId: imp.id } };
  const resource = await importResource(imp.resource);
  return { organization, meta, importId: imp.id, options: { updateExisting: imp.updateExisting, mode: imp.mode }, resourceOptions: resourceOptionsOf(resource?.options ?? [], imp.resourceOptions) };
}

/** Each option of the resource: the import's value when it has one, else the option's default. */
export function resourceOptionsOf(options: ReadonlyArray<{ key: string; default: boolean }>, given: Record<string, boolean> | null | undefined): Record<string, boolean> {
  return Object.fromEntries(options.map((o) => [o.key, typeof given?.[o.key] === "boolean" ? given[o.key]! : o.default]));
}

/** Errors are shown to the member: one line, bounded, without Prisma's "Raw query failed" wrapper. */
export function errorText(err: unknown): string {
  let text = err instanceof Error ? err.message : String(err);
  const m = /Message: `([\s\S]*?)`/.exec(text);
  if (m) text = m[1]!;
  return text.replace(/\s+/g, " ").trim().slice(0, 500) || "Unknown error";
}
