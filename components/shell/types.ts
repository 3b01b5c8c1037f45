/** Serializable props the admin layout passes to the shell. */

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

export type ShellOrganization = {
  id: string;
  name: string;
  /** The signed-in user's role in this organization, e.g. "ADMIN". */
  role: string;
};

export type ShellUser = {
  name: string;
  email: string;
};
