// The sidebar's core entries. Icons are lucide icon names resolved by the shell's client component.
import type { OrgContext } from "@/core/auth/context";

export type NavItem = { label: string; href: string; icon: string };

export function coreNavigation(ctx: Pick<OrgContext, "can">): NavItem[] {
  const items: NavItem[] = [{ label: "Dashboard", href: "/", icon: "LayoutDashboard" }];
  if (ctx.can("records.read")) {
    items.push({ label: "Patients", href: "/patients", icon: "Users" });
    items.push({ label: "Appointments", href: "/appointments", icon: "CalendarDays" });
  }
  return items;
}
