// The sidebar's core entries. Icons are lucide icon names resolved by the shell's client component.
// Plugin entries (core/plugins/menus.ts) go between the records and the administration section.
import type { NavItem } from "@/core/nav-items";
import type { OrgContext } from "@/core/auth/context";

export type { NavItem };

export function coreNavigation(ctx: Pick<OrgContext, "can">): NavItem[] {
  const items: NavItem[] = [{ label: "Dashboard", href: "/", icon: "LayoutDashboard" }];
  if (ctx.can("records.read")) {
    items.push({ label: "Patients", href: "/patients", icon: "Users" });
    items.push({ label: "Appointments", href: "/appointments", icon: "CalendarDays" });
  }
  // CSV import and export (core/imports). Imports are listed for members who can write records; each
  // resource re-checks its own permission (a plugin's, e.g. inventory.items) on the pages and actions.
  if (ctx.can("records.write")) items.push({ label: "Imports", href: "/imports", icon: "FileUp" });
  if (ctx.can("records.read")) items.push({ label: "Exports", href: "/exports", icon: "FileDown" });
  return items;
}

/** Organization administration, for owners and admins: who may do what, which plugins are on, its jobs and e-mail. */
export function adminNavigation(ctx: Pick<OrgContext, "can">): NavItem[] {
  if (!ctx.can("organization.manage")) return [];
  return [
    { separator: true, label: "Organization" },
    { label: "Members", href: "/settings/members", icon: "UserCog" },
    { label: "Plugins", href: "/plugins", icon: "Puzzle" },
    { label: "Jobs", href: "/jobs", icon: "ClipboardList" },
    { label: "Outbox", href: "/outbox", icon: "Mail" },
    { label: "Settings", href: "/settings/organization", icon: "Settings" },
  ];
}
