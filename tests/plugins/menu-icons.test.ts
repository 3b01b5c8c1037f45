// Menu icons for plugin authors: a name outside NAV_ICON_NAMES fails tsc in the manifest (the two
// expected-error directives below are checked by `npm run typecheck`: if `icon` ever became a plain
// string again they would be unused and fail it), every listed name renders its own icon rather
// than the fallback dot, and a plugin's own icon element renders as given, sized by the shell.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { NavIcon } from "@/components/shell/nav-icon";
import { NAV_ICON_NAMES, type NavLinkItem } from "@/core/nav-items";
import type { MenuItem } from "@/core/plugins/types";

describe("menu icons", () => {
  it("are typed: a listed name or an element passes, a typo does not", () => {
    const named: MenuItem = { label: "Stock", href: "/inventory", icon: "Package" };
    const own: MenuItem = { label: "Lab", href: "/lab", icon: createElement("svg", { viewBox: "0 0 24 24" }, createElement("path", { d: "M4 4h16v16H4z" })) };
    // @ts-expect-error "Pakage" is not one of NAV_ICON_NAMES
    const typo: MenuItem = { label: "Stock", icon: "Pakage" };
    // @ts-expect-error the shell's entries take the same names
    const entry: NavLinkItem = { label: "Stock", icon: "package" };
    expect([named.icon, typeof own.icon, typo.icon, entry.icon]).toEqual(["Package", "object", "Pakage", "package"]);
  });

  it("render every listed name as its own lucide icon, never the fallback dot", () => {
    for (const name of NAV_ICON_NAMES) {
      const html = renderToStaticMarkup(createElement(NavIcon, { icon: name, className: "size-4" }));
      expect(html, name).toMatch(/^<svg [^>]*class="lucide( lucide-[a-z0-9-]+)+ size-4"/);
      expect(html, name).not.toContain("lucide-circle ");
    }
  });

  it("render a plugin's own element inside a sized, hidden wrapper", () => {
    const html = renderToStaticMarkup(createElement(NavIcon, { icon: createElement("svg", { "data-own": "lab" }), className: "size-[18px]" }));
    expect(html).toBe('<span class="size-[18px] inline-flex items-center justify-center [&amp;&gt;svg]:size-full" aria-hidden="true"><svg data-own="lab"></svg></span>');
  });
});
