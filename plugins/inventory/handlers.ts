// Inventory's event handlers. After commit (durable, retried): the low-stock e-mail, and the hand-over
// from lifecycle transitions to background jobs (the initial import on enable; on disable, the event
// that cancels the organization's inventory jobs — delivered even though the plugin is now disabled).
import { sendMail } from "@/core/mail/send";
import { typedSettings } from "@/core/plugins/settings/schema";
import { afterCommit, type PluginManifest } from "@/core/plugins/types";
import { inngest } from "@/inngest/client";
import { lowStockDetected, pluginDisabled, pluginEnabled } from "./events";
import { initialImportRequested, jobsCancelled } from "./jobs/job-events";
import { inventorySettings } from "./settings";

export const inventoryHandlers: NonNullable<PluginManifest["handlers"]> = {
  durable: [
    afterCommit({
      id: "low-stock-email",
      event: lowStockDetected,
      handle: async (payload, { organization, settings: access }) => {
        const settings = typedSettings(inventorySettings, access);
        if (!(await settings.get("enableLowStockAlerts"))) return;
        const to = await settings.get("notificationEmail");
        if (!to) return;
        await sendMail({
          organizationId: organization.id,
          to,
          subject: `Low stock: ${payload.label} — ${organization.name}`,
          text: `${payload.label} is down to ${payload.quantity} (threshold ${payload.threshold}).\n\nPlease reorder soon.`,
          source: "inventory.low-stock-alert",
          // One e-mail per alert, however often the delivery is retried.
          dedupeKey: `inventory.low-stock:${payload.alertId}`,
        });
      },
    }),
    afterCommit({
      id: "start-initial-import",
      event: pluginEnabled,
      handle: async ({ organizationId }) => {
        await inngest.send(initialImportRequested.create({ organizationId }));
      },
    }),
    afterCommit({
      id: "cancel-jobs",
      event: pluginDisabled,
      whileDisabled: true,
      handle: async ({ organizationId }) => {
        await inngest.send(jobsCancelled.create({ organizationId }));
      },
    }),
  ],
};
