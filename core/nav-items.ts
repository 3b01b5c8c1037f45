// The entries of the admin's sidebar, as core and the plugins' menus build them (core/navigation.ts,
// core/plugins/menus.ts) and the shell renders them (components/shell). Plain serializable data: the
// admin layout (a server component) hands them to the client shell.

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
  /** A lucide icon name, e.g. "LayoutDashboard"; see `nav-icon.tsx` for the supported set. */
  icon?: string;
  /** A count shown after the label (e.g. items needing attention); null or absent shows nothing. */
  badge?: number | null;
  children?: ReadonlyArray<NavItem>;
  separator?: false;
};

/** A divider between groups of entries, with an optional section caption. */
export type NavSeparatorItem = { separator: true; label?: string };

export type NavItem = NavLinkItem | NavSeparatorItem;
