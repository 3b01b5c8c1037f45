// Inventory's event handlers. After commit (durable, retried): the low-stock e-mail, and the hand-over
// from lifecycle transitions to background jobs (the initial import on enable; on disable, the event
// that cancels the organization's inventory jobs — delivered even though the plugin is now disabled).
import { numberFormat } from "@/core/format/numbers";
import { languageOfLocale } from "@/core/i18n/languages";
import { pluginTranslator } from "@/core/i18n/translate";
import { sendMail } from "@/core/mail/send";
import { typedSettings } from "@/core/plugins/settings/schema";
import { afterCommit, type PluginManifest } from "@/core/plugins/types";
import { inngest } from "@/inngest/client";
import { lowStockDetected, pluginDisabled, pluginEnabled } from "./events";
import { initialImportRequested, jobsCancelled } from "./jobs/job-events";
import type { InventoryMessages } from "./messages";
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
        // The organization's address: its locale's language and number format (messages.ts `mail`).
        const t = pluginTranslator<InventoryMessages>(languageOfLocale(organization.locale), "inventory");
        const n = (v: number) => numberFormat(organization.locale)!.format(v);
        await sendMail({
          organizationId: organization.id,
          to,
          subject: t("mail.lowStockSubject", { label: payload.label, org: organization.name }),
          text: `${t("mail.lowStockText", { label: payload.label, quantity: n(payload.quantity), threshold: n(payload.threshold) })}\n\n${t("mail.lowStockReorder")}`,
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
