// The test kit's page renderer (issue 18.5): a plugin's page for /<plugin id>/<path...> rendered to
// HTML as a member would get it — the same checks as the app's renderer (app/_plugins/plugin-page.tsx):
// 404 when the plugin is disabled for the organization or no page matches, 403 without the page's
// permission — with no browser and no Next build.
//
//   const page = await renderPage(await org.as("staff"), "/hello");
//   expect(page.status).toBe(200);
//   expect(page.html).toContain("Greetings");
//
// Server components are async functions; react-dom/server renders only synchronous ones, so each async
// component of the tree is awaited first (as React Server Components would), then the tree is rendered
// to static markup. Client components render with their initial state, under a router that stays on
// the page (useRouter, usePathname and useSearchParams work; navigating does nothing).
import { createElement, isValidElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { AppRouterContext, type AppRouterInstance } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { PathnameContext, SearchParamsContext } from "next/dist/shared/lib/hooks-client-context.shared-runtime";
import { widgetZoneFor } from "@/app/_plugins/widget-zone";
import { NextIntlClientProvider } from "next-intl";
import { OrgFormatProvider } from "@/components/format/org-format";
import { DEFAULT_LANGUAGE, memberLanguage } from "@/core/i18n/languages";
import { messagesFor } from "@/core/i18n/messages";
import type { OrgContext } from "@/core/auth/context";
import { enabledPluginIds } from "@/core/plugins/enabled";
import { hasPermission } from "@/core/plugins/permissions";
import { getPlugin } from "@/core/plugins/registry";
import { matchPath } from "@/core/plugins/routing";
import type { PageProps } from "@/core/plugins/types";

export type RenderedPage = { status: 200 | 403 | 404; html: string };

export async function renderPage(ctx: OrgContext, url: string, extraSearchParams: Record<string, string> = {}): Promise<RenderedPage> {
  // "/inventory?stock=low" works as a browser address would; explicit searchParams win over the query.
  const [path = "", query = ""] = url.split("?", 2);
  const searchParams = { ...Object.fromEntries(new URLSearchParams(query)), ...extraSearchParams };
  const [pluginId = "", ...segments] = path.replace(/^\/+|\/+$/g, "").split("/").map(decodeURIComponent);
  const [manifest, enabled] = await Promise.all([getPlugin(pluginId), enabledPluginIds(ctx.organization.id)]);
  if (!manifest || !enabled.has(pluginId)) return { status: 404, html: "" };
  const match = matchPath(manifest.pages ?? [], segments);
  if (!match) return { status: 404, html: "" };
  if (match.route.permission && !(await hasPermission(ctx, match.route.permission))) return { status: 403, html: "" };
  const { default: Page } = await match.route.component();
  const tree = createElement(Page, { ctx, path: segments, params: match.params, searchParams, WidgetZone: resolvableZone(ctx) });
  return { status: 200, html: renderStatic(await resolveServerComponents(tree), path, searchParams, ctx) };
}

/**
 * The page's WidgetZone as an async component: the app's binding is a plain function returning the
 * (async) zone, which resolveServerComponents would not look into, and the zone would then suspend.
 */
function resolvableZone(ctx: OrgContext): PageProps["WidgetZone"] {
  const Bound = widgetZoneFor(ctx);
  return (async (props: Parameters<typeof Bound>[0]) => Bound(props)) as unknown as PageProps["WidgetZone"];
}

const stayingRouter: AppRouterInstance = { back: () => {}, forward: () => {}, refresh: () => {}, push: () => {}, replace: () => {}, prefetch: () => {}, bfcacheId: "test-kit" };

/**
 * As the layouts do: client components write dates, numbers and money the organization's way, and
 * their text in the member's language (the root layout's NextIntlClientProvider).
 */
function renderStatic(node: ReactNode, path: string, searchParams: Record<string, string> = {}, ctx?: OrgContext): string {
  const org = ctx?.organization;
  const formatting = org ? { timezone: org.timezone, currency: org.currency, locale: org.locale } : null;
  const formatted = formatting ? <OrgFormatProvider formatting={formatting}>{node}</OrgFormatProvider> : node;
  const language = ctx ? memberLanguage(ctx) : DEFAULT_LANGUAGE;
  const translated = (
    <NextIntlClientProvider locale={language} messages={messagesFor(language)} timeZone={org?.timezone ?? "UTC"}>
      {formatted}
    </NextIntlClientProvider>
  );
  const withSearch = createElement(SearchParamsContext.Provider, { value: new URLSearchParams(searchParams) }, translated);
  const withPath = createElement(PathnameContext.Provider, { value: path }, withSearch);
  return renderToStaticMarkup(createElement(AppRouterContext.Provider, { value: stayingRouter }, withPath));
}

/** A widget component rendered to HTML with the member's context (widgets are server components too). */
export async function renderWidget<P extends object>(component: (props: P) => ReactNode | Promise<ReactNode>, props: P): Promise<string> {
  const ctx = (props as { ctx?: OrgContext }).ctx;
  return renderStatic(await resolveServerComponents(createElement(component as (p: P) => ReactNode, props)), "/", {}, ctx);
}

const isAsync = (fn: unknown): fn is (props: unknown) => Promise<ReactNode> => typeof fn === "function" && fn.constructor.name === "AsyncFunction";

const holdsElements = (value: unknown): boolean => isValidElement(value) || (Array.isArray(value) && value.some(holdsElements));

/**
 * The tree with every async function component replaced by what it resolved to — in `children` and in
 * any other prop that holds elements (a page header's `actions={<DataTransferToolbar />}` is async too;
 * left unresolved, React would see a component suspend).
 */
export async function resolveServerComponents(node: ReactNode): Promise<ReactNode> {
  if (Array.isArray(node)) return Promise.all(node.map(resolveServerComponents));
  if (!isValidElement(node)) return node;
  const { type, props } = node as { type: unknown; props: Record<string, unknown> };
  if (isAsync(type)) return resolveServerComponents(await type(props));
  const slots = Object.entries(props).filter(([, value]) => holdsElements(value));
  if (slots.length === 0) return node;
  const resolved = await Promise.all(slots.map(async ([key, value]) => [key, await resolveServerComponents(value as ReactNode)] as const));
  return { ...node, props: { ...props, ...Object.fromEntries(resolved) } } as ReactNode;
}
