// The sidebar's core entries. Icons are lucide icon names resolved by the shell's client component.
// Plugin entries (core/plugins/menus.ts) go between the records and the administration section.
import type { NavItem } from "@/core/nav-items";
import type { OrgContext } from "@/core/auth/context";
import type { LanguageHolder } from "@/core/i18n/languages";
import { translatorFor } from "@/core/i18n/translate";

export type { NavItem };

type NavContext = Pick<OrgContext, "can"> & LanguageHolder;

export function coreNavigation(ctx: NavContext): NavItem[] {
  const t = translatorFor(ctx, "nav");
  const items: NavItem[] = [{ label: t("dashboard"), href: "/", icon: "LayoutDashboard" }];
  if (ctx.can("records.read")) {
    items.push({ label: t("patients"), href: "/patients", icon: "Users" });
    items.push({ label: t("appointments"), href: "/appointments", icon: "CalendarDays" });
  }
  // CSV import and export (core/imports). Imports are listed for members who can write records; each
  // resource re-checks its own permission (a plugin's, e.g. inventory.items) on the pages and actions.
  if (ctx.can("records.write")) items.push({ label: t("imports"), href: "/imports", icon: "FileUp" });
  if (ctx.can("records.read")) items.push({ label: t("exports"), href: "/exports", icon: "FileDown" });
  return items;
}

/** Organization administration, for owners and admins: who may do what, which plugins are on, its jobs and e-mail. */
export function adminNavigation(ctx: NavContext): NavItem[] {
  if (!ctx.can("organization.manage")) return [];
  const t = translatorFor(ctx, "nav");
  return [
    { separator: true, label: t("organization") },
    { label: t("members"), href: "/settings/members", icon: "UserCog" },
    { label: t("plugins"), href: "/plugins", icon: "Puzzle" },
    { label: t("jobs"), href: "/jobs", icon: "ClipboardList" },
    { label: t("outbox"), href: "/outbox", icon: "Mail" },
    { label: t("settings"), href: "/settings/organization", icon: "Settings" },
  ];
}
