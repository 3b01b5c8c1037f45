import { createElement, isValidElement } from "react";
import type { NavIcon as NavIconValue, NavIconName } from "@/core/nav-items";
import {
  Activity,
  Bell,
  Blocks,
  Boxes,
  Building2,
  CalendarClock,
  CalendarDays,
  ChartColumn,
  Circle,
  ClipboardList,
  FileDown,
  FileText,
  FileUp,
  HeartPulse,
  House,
  KeyRound,
  LayoutDashboard,
  Mail,
  Package,
  Pill,
  Plug,
  Puzzle,
  Receipt,
  ScrollText,
  Settings,
  ShieldCheck,
  Sparkles,
  Stethoscope,
  UserCog,
  UserRound,
  Users,
  Wallet,
  type LucideIcon,
} from "lucide-react";

/**
 * Icons the server may name in `NavItem.icon`. An explicit map keeps the
 * bundle small (importing all of lucide would ship every icon). Add a name to
 * NAV_ICON_NAMES (core/nav-items.ts) and its icon here: the Record type makes
 * tsc fail until both agree.
 */
const icons: Record<NavIconName, LucideIcon> = {
  Activity,
  Bell,
  Blocks,
  Boxes,
  Building2,
  CalendarClock,
  CalendarDays,
  ChartColumn,
  ClipboardList,
  FileDown,
  FileText,
  FileUp,
  HeartPulse,
  House,
  KeyRound,
  LayoutDashboard,
  Mail,
  Package,
  Pill,
  Plug,
  Puzzle,
  Receipt,
  ScrollText,
  Settings,
  ShieldCheck,
  Sparkles,
  Stethoscope,
  UserCog,
  UserRound,
  Users,
  Wallet,
};

/**
 * Decorative icon: a name from the map, or a plugin's own icon element (sized by the wrapper). A name
 * the map lacks (only possible from untyped code) falls back to a neutral dot.
 */
export function NavIcon({ icon, className }: { icon: NavIconValue | undefined; className?: string }) {
  if (isValidElement(icon)) {
    return (
      <span className={`${className ?? ""} inline-flex items-center justify-center [&>svg]:size-full`} aria-hidden="true">
        {icon}
      </span>
    );
  }
  return createElement((typeof icon === "string" && icons[icon as NavIconName]) || Circle, { className, "aria-hidden": true });
}
