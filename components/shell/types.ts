/** Serializable props the admin layout passes to the shell. */

// The sidebar's entries are core's (core/nav-items.ts): core and plugins build them, the shell draws them.
export type { NavItem, NavLinkItem, NavSeparatorItem } from "@/core/nav-items";

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
