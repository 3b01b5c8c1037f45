// What inventory's job runs worked on, for the Jobs page (manifest `jobSubjects`): each event's data
// parsed again, so only ids and dates that validate end up in a link. The nightly and Shopify event
// names are spelled here rather than imported: their modules load the job runner's client, which the
// manifest must not (tests/jobs/job-subjects.test.ts checks the names against the events).
import { z } from "zod";
import type { JobSubject } from "@/core/plugins/types";
import { bulkOperationRequested } from "./jobs/bulk-events";
import { initialImportRequested } from "./jobs/job-events";

const organizationOnly = z.object({ organizationId: z.uuid() });

export const inventoryJobSubjects: Record<string, (data: unknown) => JobSubject | null> = {
  [bulkOperationRequested.name]: (data) => {
    const d = z.object({ operationId: z.uuid() }).safeParse(data);
    // The list shows a running or failed operation's progress and its Retry above the table.
    return d.success ? { label: `Bulk action ${d.data.operationId.slice(0, 8)} on the inventory list`, href: "/inventory" } : null;
  },
  "inventory/nightly-check.requested": (data) => {
    const d = z.object({ localDate: z.iso.date() }).safeParse(data);
    return d.success ? { label: `Nightly stock check of ${d.data.localDate}`, href: "/inventory?stock=low" } : null;
  },
  "inventory/shopify-sync.requested": (data) => (organizationOnly.safeParse(data).success ? { label: "Shopify sync", href: "/inventory/shopify" } : null),
  [initialImportRequested.name]: (data) => (organizationOnly.safeParse(data).success ? { label: "Starter catalog", href: "/inventory" } : null),
};
