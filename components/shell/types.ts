/** Serializable props the admin layout passes to the shell. */

export type NavItem = {
  label: string;
  href: string;
  /** A lucide icon name, e.g. "LayoutDashboard"; see `nav-icon.tsx` for the supported set. */
  icon: string;
};

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
