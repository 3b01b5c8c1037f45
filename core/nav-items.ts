// The entries of the admin's sidebar, as core and the plugins' menus build them (core/navigation.ts,
// core/plugins/menus.ts) and the shell renders them (components/shell). Serializable data: the admin
// layout (a server component) hands them to the client shell.
import type { ReactElement } from "react";

/**
 * The icons a menu entry may name: lucide icons the shell bundles (components/shell/nav-icon.tsx maps
 * every one, and tsc fails there when this list and the map disagree). A name outside the list fails
 * tsc in the manifest instead of rendering a dot. A plugin that needs another icon gives an element.
 */
export const NAV_ICON_NAMES = [
  "Activity",
  "Bell",
  "Blocks",
  "Boxes",
  "Building2",
  "CalendarClock",
  "CalendarDays",
  "ChartColumn",
  "ClipboardList",
  "FileDown",
  "FileText",
  "FileUp",
  "HeartPulse",
  "House",
  "KeyRound",
  "LayoutDashboard",
  "Mail",
  "Package",
  "Pill",
  "Plug",
  "Puzzle",
  "Receipt",
  "ScrollText",
  "Settings",
  "ShieldCheck",
  "Sparkles",
  "Stethoscope",
  "UserCog",
  "UserRound",
  "Users",
  "Wallet",
] as const;
export type NavIconName = (typeof NAV_ICON_NAMES)[number];

/**
 * A menu entry's icon: a name from NAV_ICON_NAMES, or the plugin's own icon as an element — an inline
 * `<svg>` or a client component's element (`<MyIcon />`), both serializable; the shell sizes it.
 */
export type NavIcon = NavIconName | ReactElement;

/**
 * The largest badge shown as a number; above it the sidebar says "99+". A badge function may stop
 * counting at BADGE_LIMIT + 1 (core/lists/count.ts countUpTo): the exact number is never shown.
 */
export const BADGE_LIMIT = 99;

/** A link, or a submenu (with `children`) that may itself link somewhere. */
export type NavLinkItem = {
  label: string;
  /** Where the entry leads. A submenu without one only opens and closes. */
  href?: string;
  /** A lucide icon name from NAV_ICON_NAMES ("LayoutDashboard"), or the plugin's own icon element. */
  icon?: NavIcon;
  /** A count shown after the label (e.g. items needing attention); null or absent shows nothing. */
  badge?: number | null;
  children?: ReadonlyArray<NavItem>;
  separator?: false;
};

/** A divider between groups of entries, with an optional section caption. */
export type NavSeparatorItem = { separator: true; label?: string };

export type NavItem = NavLinkItem | NavSeparatorItem;
