// The Inngest event that starts a background bulk operation (jobs/bulk-jobs.ts). It names the
// operation only: what to do and over which filter is in inventory_bulk_operations, so an event can
// never widen what the member asked for.
import { eventType } from "inngest";
import { z } from "zod";

export const bulkOperationRequested = eventType("inventory/bulk-operation.requested", {
  schema: z.object({ organizationId: z.uuid(), operationId: z.uuid() }),
});
