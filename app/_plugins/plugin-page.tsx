// Renders a plugin's page for /<plugin id>/<path...> (the generated shims call this). A plugin that is
// disabled for the organization answers 404, exactly like a page that does not exist; a page whose
// permission the member lacks answers 403.
import "./runtime";
import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { getOrgContext, requireOrgContext } from "@/core/auth/context";
import { memberLanguage } from "@/core/i18n/languages";
import { pluginLabel } from "@/core/i18n/messages";
import { enabledPluginIds } from "@/core/plugins/enabled";
import { hasPermission } from "@/core/plugins/permissions";
import { getPlugin } from "@/core/plugins/registry";
import { matchPath } from "@/core/plugins/routing";
import { widgetZoneFor } from "./widget-zone";

export type PluginPageProps = {
  params: Promise<{ path?: string[] }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/**
 * The page's <title>: the manifest's page title in the member's language (the plugin's labels table).
 * Nothing about a page the member may not see: the page itself answers 404 or 403 for those.
 */
export async function pluginPageMetadata(pluginId: string, props: Pick<PluginPageProps, "params">): Promise<Metadata> {
  const [ctx, manifest, { path = [] }] = await Promise.all([getOrgContext(), getPlugin(pluginId), props.params]);
  const title = manifest ? matchPath(manifest.pages ?? [], path)?.route.title : undefined;
  if (!ctx || !title) return {};
  return { title: pluginLabel(pluginId, memberLanguage(ctx), title) };
}

export async function renderPluginPage(pluginId: string, props: PluginPageProps) {
  const ctx = await requireOrgContext();
  const [manifest, enabled, { path = [] }, searchParams] = await Promise.all([
    getPlugin(pluginId),
    enabledPluginIds(ctx.organization.id),
    props.params,
    props.searchParams,
  ]);
  if (!manifest || !enabled.has(pluginId)) notFound();
  // Next has already decoded each segment; decoding again would turn "%25" into a URIError.
  const match = matchPath(manifest.pages ?? [], path);
  if (!match) notFound();
  if (match.route.permission && !(await hasPermission(ctx, match.route.permission))) forbidden();
  const { default: Page } = await match.route.component();
  return <Page ctx={ctx} path={path} params={match.params} searchParams={searchParams} WidgetZone={widgetZoneFor(ctx)} />;
}
