// Renders the plugin component that replaces a core page, or returns null when no enabled plugin
// overrides it (precedence: core/plugins/overrides.ts).
import "./runtime";
import type { OrgContext } from "@/core/auth/context";
import { enabledPluginsForRequest } from "@/core/plugins/enabled-for-request";
import { selectPageOverride } from "@/core/plugins/overrides";
import type { PageOverride, PageProps } from "@/core/plugins/types";
import { widgetZoneFor } from "./widget-zone";

export async function renderPageOverride(page: PageOverride["page"], ctx: OrgContext, searchParams: PageProps["searchParams"]) {
  const winner = selectPageOverride(await enabledPluginsForRequest(ctx.organization.id), page);
  if (!winner) return null;
  const { default: Page } = await winner.override.component();
  return <Page ctx={ctx} path={[]} searchParams={searchParams} WidgetZone={widgetZoneFor(ctx)} />;
}
