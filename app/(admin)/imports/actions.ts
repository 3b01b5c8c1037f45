"use server";
// Server actions of the import pages. Each validates its untrusted input with zod (an import id is a
// UUID; a mapping is column index -> field key with no field twice), then calls the import service,
// which loads the import through the organization, checks the resource's permission and the status,
// and answers with an ActionResult. Nothing here writes records itself.
import { z } from "zod";
import { orgAction } from "@/core/actions/org-action";
import type { ActionResult } from "@/core/actions/result";
import { cancelImport, configureImport, startCommit, startPreview, undoImport } from "@/core/imports/service";

const importId = z.uuid({ message: "This import does not exist." });

const settingsSchema = z
  .object({
    id: importId,
    mapping: z.record(z.string().regex(/^\d{1,4}$/, "A column is identified by its position."), z.string().trim().min(1).max(100)),
    encoding: z.enum(["utf-8", "utf-16le", "utf-16be", "windows-1252"], { message: "Choose one of the listed encodings." }).optional(),
    delimiter: z.enum([",", ";", "\t", "|"], { message: "Choose one of the listed delimiters." }).optional(),
    hasHeader: z.boolean().optional(),
    headerRow: z.number().int().min(1).max(6).optional(),
    updateExisting: z.boolean(),
    mode: z.enum(["skip_invalid", "all_or_nothing"], { message: "Choose “Skip bad rows” or “All or nothing”." }),
    resourceOptions: z.record(z.string().max(100), z.boolean()).optional(),
  })
  .superRefine((value, ctx) => {
    // A field fed by two columns would silently take one of them: refuse, on each column concerned.
    const seen = new Map<string, string>();
    for (const [column, field] of Object.entries(value.mapping)) {
      const other = seen.get(field);
      if (other !== undefined) {
        for (const c of [other, column]) {
          ctx.addIssue({ code: "custom", path: ["mapping", c], message: `“${field}” is mapped to more than one column. Choose one.` });
        }
      } else {
        seen.set(field, column);
      }
    }
  });

export type ImportSettingsData = z.output<typeof settingsSchema>;

/** Fieldless problems name the mapping table; per-column ones keep their "mapping.<column>" key. */
function settingsOf({ mapping, encoding, delimiter, hasHeader, headerRow, updateExisting, mode, resourceOptions }: ImportSettingsData) {
  return { mapping, encoding, delimiter, hasHeader, headerRow, updateExisting, mode, resourceOptions };
}

/** Saves the reading settings, mapping and options (the file is read again when a reading setting changed). */
export async function configureImportAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return orgAction("records.read", settingsSchema, input, async (ctx, data) => {
    const res = await configureImport(ctx, data.id, settingsOf(data));
    if (!res.ok) return res;
    return { ok: true, data: { id: data.id }, message: res.message ?? "Settings saved." };
  });
}

/** Saves the settings, then starts the dry run (nothing is written to the records). */
export async function previewImportAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return orgAction("records.read", settingsSchema, input, async (ctx, data) => {
    const configured = await configureImport(ctx, data.id, settingsOf(data));
    if (!configured.ok) return configured;
    const res = await startPreview(ctx, data.id);
    if (!res.ok) return res;
    return { ok: true, data: { id: data.id }, message: res.message ?? "Preview started: checking every row. Nothing is written yet." };
  });
}

export async function commitImportAction(id: string): Promise<ActionResult<{ id: string }>> {
  return orgAction("records.read", importId, id, async (ctx, data) => {
    const res = await startCommit(ctx, data);
    if (!res.ok) return res;
    return { ok: true, data: { id: data }, message: res.message ?? "Import started." };
  });
}

export async function cancelImportAction(id: string): Promise<ActionResult<{ id: string }>> {
  return orgAction("records.read", importId, id, async (ctx, data) => {
    const res = await cancelImport(ctx, data);
    if (!res.ok) return res;
    return { ok: true, data: { id: data }, message: res.message ?? "Cancelling: the import stops after the batch in progress." };
  });
}

export async function undoImportAction(id: string): Promise<ActionResult<{ id: string }>> {
  return orgAction("records.read", importId, id, async (ctx, data) => {
    const res = await undoImport(ctx, data);
    if (!res.ok) return res;
    return { ok: true, data: { id: data }, message: res.message ?? "Undo started." };
  });
}
