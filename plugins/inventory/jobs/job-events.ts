// The Inngest events of inventory's background jobs (zod-typed; every one carries organizationId).
import { eventType } from "inngest";
import { z } from "zod";

const organizationId = z.uuid();

export const initialImportRequested = eventType("inventory/initial-import.requested", { schema: z.object({ organizationId }) });
/** Cancels every queued or running inventory job of the organization (cancelOn, see jobOptions). */
export const jobsCancelled = eventType("inventory/jobs.cancelled", { schema: z.object({ organizationId }) });

/** Options every inventory job shares: cancelled when the plugin is disabled for its organization. */
export const cancelOnDisable = [{ event: jobsCancelled.name, if: "event.data.organizationId == async.data.organizationId" }];
