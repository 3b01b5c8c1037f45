// The test kit's menu reader (issue 18.5): the sidebar entries the plugins give a member of a test
// organization, as the shell shows them (enabled plugins only, entries the role may open, badges).
//
//   expect(await menuLabels(org, "staff")).toContain("Hello › Greetings");
import type { Role } from "@/core/auth/roles";
import type { NavItem } from "@/core/nav-items";
import { pluginNavigation } from "@/core/plugins/menus";
import type { TestOrganization } from "@/core/testing/plugin-test-kit";

export async function menuFor(org: TestOrganization, role: Role): Promise<NavItem[]> {
  return pluginNavigation(await org.as(role));
}

/** Every link of the menu as "Parent › Child" (a top-level entry by its own label), with "(badge)" when it has one. */
export async function menuLabels(org: TestOrganization, role: Role): Promise<string[]> {
  const out: string[] = [];
  const walk = (items: ReadonlyArray<NavItem>, prefix: string) => {
    for (const item of items) {
      if (item.separator) continue;
      const label = `${prefix}${item.label}${item.badge != null ? ` (${item.badge})` : ""}`;
      if (item.href) out.push(label);
      if (item.children) walk(item.children, `${prefix}${item.label} › `);
    }
  };
  walk(await menuFor(org, role), "");
  return out;
}
