"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import { Menu, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Brand } from "./brand";
import { NavIcon } from "./nav-icon";
import type { NavItem } from "./types";

/** The most specific nav item containing the current path (so "/" only matches itself). */
function activeHref(items: ReadonlyArray<NavItem>, pathname: string): string | null {
  let best: string | null = null;
  for (const { href } of items) {
    const matches = href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
    if (matches && (best === null || href.length > best.length)) best = href;
  }
  return best;
}

export type SidebarNavProps = {
  items: ReadonlyArray<NavItem>;
  /** Called after a link is followed (the mobile drawer closes itself with it). */
  onNavigate?: () => void;
};

export function SidebarNav({ items, onNavigate }: SidebarNavProps) {
  const pathname = usePathname();
  const current = activeHref(items, pathname);

  return (
    <nav aria-label="Main">
      <ul className="grid gap-0.5">
        {items.map((item) => {
          const active = item.href === current;
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                onClick={onNavigate}
                // "page" on the exact page; "true" marks the section when viewing a child page.
                aria-current={active ? (pathname === item.href ? "page" : "true") : undefined}
                className={cn(
                  "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium transition-colors",
                  active
                    ? "bg-primary-soft text-primary"
                    : "text-muted-foreground hover:bg-muted hover:text-foreground",
                )}
              >
                <NavIcon name={item.icon} className="size-[18px] shrink-0" />
                <span className="truncate">{item.label}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/**
 * Below the `lg` breakpoint the sidebar collapses into this menu button, which
 * opens the same navigation in a modal drawer (native `<dialog>`: focus is
 * trapped, Escape closes, focus returns to the button).
 */
export function MobileNav({ items }: { items: ReadonlyArray<NavItem> }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const pathname = usePathname();

  const close = () => dialogRef.current?.close();

  // Close after navigation, and if the window grows to the desktop layout
  // (the drawer would otherwise be hidden but still modal).
  useEffect(() => {
    dialogRef.current?.close();
  }, [pathname]);
  useEffect(() => {
    const query = window.matchMedia("(min-width: 64rem)");
    const onChange = () => {
      if (query.matches) dialogRef.current?.close();
    };
    query.addEventListener("change", onChange);
    return () => query.removeEventListener("change", onChange);
  }, []);

  return (
    <div className="lg:hidden">
      <Button
        ref={buttonRef}
        type="button"
        variant="ghost"
        size="icon"
        aria-label="Open navigation"
        aria-haspopup="dialog"
        onClick={() => dialogRef.current?.showModal()}
        className="-ml-2"
      >
        <Menu aria-hidden="true" />
      </Button>
      <dialog
        ref={dialogRef}
        aria-label="Navigation"
        onClose={() => buttonRef.current?.focus()}
        // A click on the backdrop targets the dialog element itself.
        onClick={(event) => {
          if (event.target === event.currentTarget) close();
        }}
        className="m-0 h-dvh max-h-dvh w-72 max-w-[85vw] border-r border-border bg-surface p-0 shadow-xl open:animate-drawer-in backdrop:animate-fade-in"
      >
        <div className="flex h-full flex-col">
          <div className="flex h-16 shrink-0 items-center justify-between border-b border-border px-4">
            <Brand />
            <Button type="button" variant="ghost" size="icon" aria-label="Close navigation" onClick={close}>
              <X aria-hidden="true" />
            </Button>
          </div>
          <div className="flex-1 overflow-y-auto px-3 py-4">
            <SidebarNav items={items} onNavigate={close} />
          </div>
        </div>
      </dialog>
    </div>
  );
}
