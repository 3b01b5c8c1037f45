// The Inngest events of the import jobs (core/imports/jobs.ts). They name the import only: what to
// do (mapping, options, file) is in data_imports, so an event can never widen what the member chose.
import { eventType } from "inngest";
import { z } from "zod";

const data = z.object({ organizationId: z.uuid(), importId: z.uuid() });

export const importPreviewRequested = eventType("core/import.preview.requested", { schema: data });
export const importCommitRequested = eventType("core/import.commit.requested", { schema: data });
export const importUndoRequested = eventType("core/import.undo.requested", { schema: data });
