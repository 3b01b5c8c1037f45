"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { ChevronRight, Menu, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Brand } from "./brand";
import { NavIcon } from "./nav-icon";
import { BADGE_LIMIT } from "@/core/nav-items";
import type { NavItem, NavLinkItem } from "./types";

function hrefsOf(items: ReadonlyArray<NavItem>): string[] {
  return items.flatMap((item) => (item.separator ? [] : [...(item.href ? [item.href] : []), ...hrefsOf(item.children ?? [])]));
}

/** The most specific nav href containing the current path (so "/" only matches itself). */
function activeHref(items: ReadonlyArray<NavItem>, pathname: string): string | null {
  let best: string | null = null;
  for (const href of hrefsOf(items)) {
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

type Place = { pathname: string; current: string | null; onNavigate?: () => void };

export function SidebarNav({ items, onNavigate }: SidebarNavProps) {
  const pathname = usePathname();
  const place: Place = { pathname, current: activeHref(items, pathname), onNavigate };
  const t = useTranslations("shell");
  return (
    <nav aria-label={t("mainNavigation")}>
      <NavList items={items} place={place} depth={0} />
    </nav>
  );
}

function NavList({ items, place, depth, id }: { items: ReadonlyArray<NavItem>; place: Place; depth: number; id?: string }) {
  return (
    <ul id={id} className={cn("grid gap-0.5", depth > 0 && "mt-0.5 ml-[1.3rem] border-l border-border pl-2")}>
      {items.map((item, index) =>
        item.separator ? (
          <li key={`separator-${index}`} className="py-2">
            <hr className="mx-3 border-border" />
            {item.label ? (
              <p className="px-3 pt-3 text-xs font-semibold tracking-wide text-muted-foreground uppercase">{item.label}</p>
            ) : null}
          </li>
        ) : (
          <li key={item.href ?? `${item.label}-${index}`}>
            {item.children?.length ? <NavGroup item={item} place={place} depth={depth} /> : <NavLink item={item} place={place} depth={depth} />}
          </li>
        ),
      )}
    </ul>
  );
}

const rowClass = "flex min-w-0 items-center gap-3 rounded-md px-3 py-2 text-sm font-medium transition-colors";
const idleClass = "text-muted-foreground hover:bg-muted hover:text-foreground";

/** Icon (top level always has one; nested entries only when given), label and badge of an entry. */
function EntryContent({ item, depth }: { item: NavLinkItem; depth: number }) {
  return (
    <>
      {item.icon || depth === 0 ? <NavIcon icon={item.icon} className="size-[18px] shrink-0" /> : null}
      <span className="min-w-0 flex-1 truncate">{item.label}</span>
      <NavBadge count={item.badge} />
    </>
  );
}

/** The count is read out as part of the link name ("Low stock, 3 items"); the pill itself is visual. */
function NavBadge({ count }: { count: number | null | undefined }) {
  const t = useTranslations("shell");
  if (!count) return null;
  return (
    <>
      <span
        aria-hidden="true"
        className="ml-auto min-w-5 shrink-0 rounded-full bg-primary px-1.5 text-center text-xs leading-5 font-semibold text-primary-foreground tabular-nums"
      >
        {count > BADGE_LIMIT ? `${BADGE_LIMIT}+` : count}
      </span>
      <span className="sr-only">, {count > BADGE_LIMIT ? t("badgeMore", { limit: BADGE_LIMIT }) : t("badgeItems", { count })}</span>
    </>
  );
}

function NavLink({ item, place, depth }: { item: NavLinkItem; place: Place; depth: number }) {
  const active = item.href !== undefined && item.href === place.current;
  if (!item.href) return null;
  return (
    <Link
      href={item.href}
      onClick={place.onNavigate}
      // "page" on the exact page; "true" marks the section when viewing a child page.
      aria-current={active ? (place.pathname === item.href ? "page" : "true") : undefined}
      className={cn(rowClass, active ? "bg-primary-soft text-primary" : idleClass)}
    >
      <EntryContent item={item} depth={depth} />
    </Link>
  );
}

/**
 * A submenu: a disclosure button (aria-expanded) shows or hides the children. When the entry links
 * somewhere too, the link and the toggle are separate controls. Opens by itself when the current
 * page is inside it.
 */
function NavGroup({ item, place, depth }: { item: NavLinkItem; place: Place; depth: number }) {
  const listId = useId();
  const children = item.children ?? [];
  const containsCurrent = place.current !== null && hrefsOf(children).includes(place.current);
  const [open, setOpen] = useState(containsCurrent);
  const [seenPath, setSeenPath] = useState(place.pathname);
  // Navigating into the submenu (e.g. from a link on a page) reveals where the user now is.
  if (seenPath !== place.pathname) {
    setSeenPath(place.pathname);
    if (containsCurrent) setOpen(true);
  }
  const chevron = (
    <ChevronRight aria-hidden="true" className={cn("size-4 shrink-0 transition-transform motion-reduce:transition-none", open && "rotate-90")} />
  );

  return (
    <>
      {item.href ? (
        <div className="flex items-center gap-0.5">
          <div className="min-w-0 flex-1">
            <NavLink item={item} place={place} depth={depth} />
          </div>
          <button
            type="button"
            aria-expanded={open}
            aria-controls={listId}
            aria-label={`${item.label} submenu`}
            onClick={() => setOpen((o) => !o)}
            className={cn("flex size-9 shrink-0 items-center justify-center rounded-md", idleClass)}
          >
            {chevron}
          </button>
        </div>
      ) : (
        <button
          type="button"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen((o) => !o)}
          className={cn(rowClass, "w-full text-left", containsCurrent && !open ? "text-foreground" : idleClass)}
        >
          <EntryContent item={item} depth={depth} />
          {chevron}
        </button>
      )}
      {/* Kept mounted while closed so aria-controls always points at an element. */}
      <div hidden={!open}>
        <NavList id={listId} items={children} place={place} depth={depth + 1} />
      </div>
    </>
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
  const t = useTranslations("shell");

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
        aria-label={t("openNavigation")}
        aria-haspopup="dialog"
        onClick={() => dialogRef.current?.showModal()}
        className="-ml-2"
      >
        <Menu aria-hidden="true" />
      </Button>
      <dialog
        ref={dialogRef}
        aria-label={t("navigation")}
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
            <Button type="button" variant="ghost" size="icon" aria-label={t("closeNavigation")} onClick={close}>
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
