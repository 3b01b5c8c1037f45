// The sidebar entries of the plugins enabled for the organization, as the member may see them: items
// they lack the permission for are gone (with their submenus), siblings are sorted, stray separators
// are trimmed, and badges are computed on the server for this request. A badge is decoration: one that
// throws or is slow is logged and left out, and never breaks or delays the page by more than its budget.
//
// Separators: `{ label: "Reports", separator: true, order: 50 }` (no href, no children) is a divider
// captioned "Reports" that opens the entries of order 50; `separator: true` on an entry with an href
// or children draws a plain divider above that entry.
import "server-only";
import type { NavItem, NavLinkItem } from "@/core/nav-items";
import type { OrgContext } from "@/core/auth/context";
import { memberLanguage } from "@/core/i18n/languages";
import { pluginLabel } from "@/core/i18n/messages";
import { log } from "@/core/log";
import { enabledPluginsForRequest } from "./enabled-for-request";
import { hasPermission } from "./permissions";
import type { Badge, MenuItem, PermissionKey } from "./types";

/** How long all badges of a request may take together (they run in parallel). */
export const BADGE_TIMEOUT_MS = 300;
/** Top-level plugin entries without an icon of their own. */
const DEFAULT_ICON = "Puzzle";

type Source = { item: MenuItem; pluginId: string; index: number };
type Pending = { entry: NavLinkItem; badge: NonNullable<MenuItem["badge"]>; pluginId: string; label: string };
type Sortable = { order: number; separator: boolean; label: string; pluginId: string; index: number };

// By order, then label. At equal order a separator comes first: `{ separator: true, order: 50 }`
// opens the section of the entries with order 50 (and a separator needs an order to be placed).
function compare(a: Sortable, b: Sortable): number {
  return (
    a.order - b.order ||
    Number(b.separator) - Number(a.separator) ||
    a.label.localeCompare(b.label, "en") ||
    a.pluginId.localeCompare(b.pluginId) ||
    a.index - b.index
  );
}

/**
 * Separators only between entries: never last or twice in a row (after filtering), and never first in
 * a submenu. The top level may start with one: it follows the core entries in the sidebar.
 */
function trimSeparators(items: NavItem[], topLevel: boolean): NavItem[] {
  const out: NavItem[] = [];
  for (const item of items) {
    if (item.separator && (out.length === 0 ? !topLevel : out.at(-1)!.separator)) continue;
    out.push(item);
  }
  while (out.at(-1)?.separator) out.pop();
  return out;
}

async function allowed(ctx: OrgContext, permission: PermissionKey | undefined, pluginId: string, label: string): Promise<boolean> {
  if (!permission) return true;
  try {
    return await hasPermission(ctx, permission);
  } catch (err) {
    // An undeclared key is a plugin bug: hide the entry (fail closed) and say why, but keep the page.
    log.error("menu.permission_invalid", { err, pluginId, label, permission, requestId: ctx.requestId });
    return false;
  }
}

async function resolve(ctx: OrgContext, sources: Source[], pending: Pending[], depth: number): Promise<NavItem[]> {
  const resolved = await Promise.all(
    sources.map(async ({ item, pluginId, index }): Promise<(Sortable & { nav: NavItem[] }) | null> => {
      const isEntry = Boolean(item.href || item.children?.length);
      const sortable = { order: item.order ?? 0, separator: item.separator === true && !isEntry, label: item.label, pluginId, index };
      // A bare separator: a divider, captioned with its label when it has one.
      // Shown in the member's language (the plugin's labels table, core/i18n); sorted by the English label
      // above, so the order is the same in every language.
      const shown = (label: string) => pluginLabel(pluginId, memberLanguage(ctx), label);
      if (item.separator && !isEntry) return { ...sortable, nav: [item.label ? { separator: true, label: shown(item.label) } : { separator: true }] };
      if (!(await allowed(ctx, item.permission, pluginId, item.label))) return null;
      const children = item.children?.length
        ? await resolve(ctx, item.children.map((child, i) => ({ item: child, pluginId, index: i })), pending, depth + 1)
        : [];
      // A submenu heading whose every child is hidden leads nowhere: drop it.
      if (!item.href && children.length === 0) return null;
      const entry: NavLinkItem = { label: shown(item.label) };
      if (item.href) entry.href = item.href;
      const icon = item.icon ?? (depth === 0 ? DEFAULT_ICON : undefined);
      if (icon) entry.icon = icon;
      if (children.length) entry.children = children;
      if (item.badge) pending.push({ entry, badge: item.badge, pluginId, label: item.label });
      // `separator: true` on a real entry draws the divider above it.
      return { ...sortable, nav: item.separator ? [{ separator: true }, entry] : [entry] };
    }),
  );
  return trimSeparators(
    resolved
      .filter((r) => r !== null)
      .sort(compare)
      .flatMap((r) => r.nav),
    depth === 0,
  );
}

const TIMED_OUT = Symbol("timed out");

/** A badge value worth showing: a positive whole number. Zero, like null, shows nothing. */
function normalizeBadge(value: unknown, meta: Record<string, unknown>): Badge {
  if (value === null || value === undefined || value === 0) return null;
  if (typeof value === "number" && Number.isInteger(value) && value > 0) return value;
  log.warn("menu.badge_invalid", { ...meta, value: String(value), hint: "A badge function returns a non-negative whole number or null." });
  return null;
}

async function computeBadges(ctx: OrgContext, pending: Pending[], timeoutMs: number): Promise<void> {
  if (pending.length === 0) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // One shared deadline: the whole sidebar waits at most `timeoutMs`, however many badges there are.
  const deadline = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), timeoutMs);
  });
  try {
    await Promise.all(
      pending.map(async ({ entry, badge, pluginId, label }) => {
        const meta = { pluginId, label, organizationId: ctx.organization.id, requestId: ctx.requestId };
        try {
          // `Promise.resolve().then` turns a synchronous throw into a rejection handled right here.
          const value = await Promise.race([Promise.resolve().then(() => badge(ctx)), deadline]);
          if (value === TIMED_OUT) {
            log.warn("menu.badge_timeout", { ...meta, timeoutMs, hint: "Badges must be one cheap query; this one was left out." });
            return;
          }
          const shown = normalizeBadge(value, meta);
          if (shown !== null) entry.badge = shown;
        } catch (err) {
          log.error("menu.badge_failed", { ...meta, err });
        }
      }),
    );
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The enabled plugins' menu entries the member may open, for the sidebar (plain data, ready to pass to
 * the client shell). Siblings are ordered by `order` (default 0), then label.
 */
export async function pluginNavigation(ctx: OrgContext, options: { badgeTimeoutMs?: number } = {}): Promise<NavItem[]> {
  const plugins = await enabledPluginsForRequest(ctx.organization.id);
  const sources = plugins.flatMap((plugin) => (plugin.menu ?? []).map((item, index) => ({ item, pluginId: plugin.id, index })));
  if (sources.length === 0) return [];
  const pending: Pending[] = [];
  const items = await resolve(ctx, sources, pending, 0);
  await computeBadges(ctx, pending, options.badgeTimeoutMs ?? BADGE_TIMEOUT_MS);
  return items;
}
