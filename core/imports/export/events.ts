// The Inngest event of a background export (jobs.ts). It names the export only: the resource and the
// query are in data_exports, so an event can never widen what the member asked for.
import { eventType } from "inngest";
import { z } from "zod";

export const exportRequested = eventType("core/export.requested", {
  schema: z.object({ organizationId: z.uuid(), exportId: z.uuid() }),
});
