/** Serializable props the admin layout passes to the shell. */
import type { Language } from "@/core/i18n/languages";

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
  /** The UI language the user chose; null follows the organization's (`organizationLanguage`). */
  language: Language | null;
  /** The language of the active organization's locale, what "automatic" means. */
  organizationLanguage: Language;
};
