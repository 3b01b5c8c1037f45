import { createElement } from "react";
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
 * bundle small (importing all of lucide would ship every icon). Add entries
 * here when a new section needs one.
 */
const icons: Record<string, LucideIcon> = {
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

export const navIconNames = Object.keys(icons);

/** Decorative icon by name; unknown names fall back to a neutral dot. */
export function NavIcon({ name, className }: { name: string; className?: string }) {
  return createElement(icons[name] ?? Circle, { className, "aria-hidden": true });
}
