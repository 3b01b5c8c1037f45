// Helpers for plugin jobs. A plugin contributes Inngest functions through the file-name contract
// `plugins/<id>/jobs.ts` exporting `functions` (collected by `npm run plugins:generate` into
// app/_plugins/jobs.generated.ts and served by /api/inngest with core's own functions). Rules, checked
// by tests/plugins/plugin-jobs.test.ts for every plugin:
//   - ids are "<plugin id>-<name>" (pluginJobId), so the CLI shows who owns a run, and every function has a
//     `name` for the Jobs page ("Inventory: nightly stock check");
//   - every event a plugin job is triggered by carries `organizationId` (core/jobs events do too);
//   - a run for an organization that does not have the plugin enabled does nothing (skipUnlessEnabled):
//     an event sent before the plugin was disabled must not act on the organization afterwards;
//   - where one organization's volume could starve the others, limit per organization (perOrganization).
import { enabledPluginIds } from "@/core/plugins/enabled";

/** The Inngest concurrency key of one organization's runs. */
export const ORGANIZATION_KEY = "event.data.organizationId";

/** `concurrency: perOrganization(2)`: at most `limit` steps of this function run at once per organization. */
export function perOrganization(limit: number) {
  return { limit, key: ORGANIZATION_KEY } as const;
}

export function pluginJobId(pluginId: string, name: string): string {
  return `${pluginId}-${name}`;
}

export type SkippedRun = { skipped: string };

/**
 * null when the plugin is enabled for the organization; otherwise the value the job should return at
 * once (recorded as the run's output, so the Jobs page says why nothing happened). Call it first, inside
 * a step so the answer is memoized with the run and a replay does not change its mind mid-run.
 */
export async function skipUnlessEnabled(pluginId: string, organizationId: string): Promise<SkippedRun | null> {
  const enabled = await enabledPluginIds(organizationId);
  return enabled.has(pluginId) ? null : { skipped: `The ${pluginId} plugin is not enabled for this organization.` };
}
