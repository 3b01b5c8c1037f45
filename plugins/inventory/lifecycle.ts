// Inventory's lifecycle hooks, per organization and idempotent:
//   organization created (or first enable of an older organization) -> the default categories;
//   enabled  -> default categories again (any missing) and, after commit, the initial-import job;
//   disabled -> bulk operations still running are marked failed (their job is about to be cancelled) and,
//               after commit, the event that cancels the organization's queued and running inventory jobs.
import type { LifecycleHooks } from "@/core/plugins/types";
import { ensureDefaultCategories } from "./categories";
import { pluginDisabled, pluginEnabled } from "./events";
import { cancelBulkOperations } from "./jobs/bulk-operations";

export const inventoryLifecycle: LifecycleHooks = {
  onOrganizationCreated: async ({ tx, organization }) => {
    await ensureDefaultCategories(tx, organization.id);
  },
  onEnabled: async ({ tx, organization, emit }) => {
    await ensureDefaultCategories(tx, organization.id);
    await emit(pluginEnabled, { organizationId: organization.id });
  },
  onDisabled: async ({ tx, organization, emit }) => {
    // A cancelled run calls no handler: without this its progress bar would say "running" forever.
    await cancelBulkOperations(tx, organization.id);
    await emit(pluginDisabled, { organizationId: organization.id });
  },
};
