"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { Check, ChevronDown, KeyRound, Languages, LoaderCircle, LogOut, Monitor, Moon, Sun } from "lucide-react";
import { toast } from "sonner";
import { cn } from "@/components/ui/cn";
import { chooseLanguageAction } from "@/core/i18n/actions";
import { LANGUAGE_NAMES, LANGUAGES, type Language } from "@/core/i18n/languages";
import { initials } from "./format";
import { chooseTheme, currentTheme, THEMES, type Theme } from "./theme";
import type { ShellUser } from "./types";

function menuItems(menu: HTMLElement | null): HTMLElement[] {
  return Array.from(menu?.querySelectorAll<HTMLElement>('[role="menuitem"]:not(:disabled), [role="menuitemradio"]') ?? []);
}

const THEME_ICONS: Record<Theme, typeof Monitor> = { system: Monitor, light: Sun, dark: Moon };

export type UserMenuProps = {
  user: ShellUser;
  /** The user's role in the active organization. */
  role?: string | null;
  organizationName?: string | null;
};

/** Account menu following the WAI-ARIA menu button pattern, with the colour theme as a radio group. */
export function UserMenu({ user, role, organizationName }: UserMenuProps) {
  const [open, setOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  // Read from the page when the menu opens (the server rendered it from the cookie).
  const [theme, setTheme] = useState<Theme>("system");
  // null: the organization's language. Shown checked at once; the server's answer re-renders the page.
  const [language, setLanguage] = useState<Language | null>(user.language);
  const t = useTranslations("userMenu");
  const tLanguage = useTranslations("language");
  const tRoles = useTranslations("roles");
  const router = useRouter();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  // Which item to focus when the menu opens: first (click, Enter, ↓) or last (↑).
  const focusOnOpen = useRef<"first" | "last">("first");
  const buttonId = useId();
  const menuId = useId();
  const infoId = useId();

  useEffect(() => {
    if (!open) return;
    const list = menuItems(menuRef.current);
    (focusOnOpen.current === "last" ? list.at(-1) : list.at(0))?.focus();

    // Clicking anywhere else closes the menu without stealing focus back.
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && !rootRef.current?.contains(event.target)) setOpen(false);
    };
    // Escape works even if focus left the items (e.g. after clicking the header text).
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [open]);

  function openMenu(focus: "first" | "last") {
    focusOnOpen.current = focus;
    setTheme(currentTheme());
    setOpen(true);
  }

  function closeMenu({ restoreFocus }: { restoreFocus: boolean }) {
    setOpen(false);
    if (restoreFocus) buttonRef.current?.focus();
  }

  function onButtonKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      openMenu(event.key === "ArrowUp" ? "last" : "first");
    }
  }

  function onMenuKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const list = menuItems(menuRef.current);
    const index = list.indexOf(document.activeElement as HTMLElement);
    const focusAt = (next: number) => list.at((next + list.length) % list.length)?.focus();
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        focusAt(index + 1);
        break;
      case "ArrowUp":
        event.preventDefault();
        focusAt(index - 1);
        break;
      case "Home":
        event.preventDefault();
        focusAt(0);
        break;
      case "End":
        event.preventDefault();
        focusAt(list.length - 1);
        break;
      case "Tab":
        // Let focus move on naturally; a menu never traps Tab.
        closeMenu({ restoreFocus: false });
        break;
    }
  }

  function roleName(value: string): string {
    const key = value.toLowerCase();
    return key === "owner" || key === "admin" || key === "staff" || key === "viewer" ? tRoles(key) : value;
  }

  async function onChooseLanguage(option: Language | null) {
    const before = language;
    setLanguage(option);
    const res = await chooseLanguageAction({ language: option });
    if (!res.ok) {
      // Nothing changed on the server: the menu says so and shows the language still in effect.
      setLanguage(before);
      toast.error(res.error || tLanguage("failed"));
      return;
    }
    router.refresh();
  }

  async function onSignOut() {
    setSigningOut(true);
    try {
      await signOut({ callbackUrl: "/login" });
    } catch {
      setSigningOut(false);
    }
  }

  return (
    <div ref={rootRef} className="relative">
      <button
        ref={buttonRef}
        id={buttonId}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? closeMenu({ restoreFocus: false }) : openMenu("first"))}
        onKeyDown={onButtonKeyDown}
        className="flex items-center gap-2 rounded-full py-1 pr-2 pl-1 text-sm font-medium text-foreground transition-colors hover:bg-muted sm:rounded-lg"
      >
        <span
          aria-hidden="true"
          className="flex size-8 items-center justify-center rounded-full bg-primary-soft text-xs font-semibold text-primary ring-1 ring-primary/30"
        >
          {initials(user.name, user.email)}
        </span>
        <span className="sr-only max-w-40 truncate sm:not-sr-only">{user.name}</span>
        <ChevronDown className="size-4 text-muted-foreground" aria-hidden="true" />
      </button>

      {open ? (
        <div className="absolute right-0 z-50 mt-2 w-72 animate-fade-in overflow-hidden rounded-lg border border-border bg-surface shadow-lg">
          <div id={infoId} className="border-b border-border px-4 py-3">
            <p className="truncate text-sm font-semibold text-foreground">{user.name}</p>
            <p className="truncate text-sm text-muted-foreground">{user.email}</p>
            {role ? (
              <p className="mt-2 text-xs text-muted-foreground">
                {organizationName ? (
                  t.rich("roleAt", { role: roleName(role), organization: organizationName, strong: (chunks) => <span className="font-medium text-foreground">{chunks}</span> })
                ) : (
                  <span className="font-medium text-foreground">{roleName(role)}</span>
                )}
              </p>
            ) : null}
          </div>
          <div
            ref={menuRef}
            id={menuId}
            role="menu"
            aria-labelledby={buttonId}
            aria-describedby={infoId}
            onKeyDown={onMenuKeyDown}
            className="p-1"
          >
            <Link
              href="/settings/api-tokens"
              role="menuitem"
              tabIndex={-1}
              onClick={() => closeMenu({ restoreFocus: false })}
              className="flex w-full items-center gap-2 rounded-md px-3 py-2 text-left text-sm text-foreground hover:bg-muted focus:bg-muted focus-visible:-outline-offset-2"
            >
              <KeyRound className="size-4 text-muted-foreground" aria-hidden="true" />
              {t("apiTokens")}
            </Link>
            <div role="group" aria-label={t("theme")} className="my-1 border-y border-border py-1">
              <p aria-hidden="true" className="px-3 pt-1 pb-0.5 text-xs font-medium text-muted-foreground">
                {t("theme")}
              </p>
              {THEMES.map((option) => {
                const Icon = THEME_ICONS[option];
                return (
                  <button
                    key={option}
                    type="button"
                    role="menuitemradio"
                    aria-checked={theme === option}
                    tabIndex={-1}
                    onClick={() => {
                      chooseTheme(option);
                      setTheme(option);
                      // The root layout renders the cookie's theme (the toasts' too): fetch it again.
                      router.refresh();
                    }}
                    className="flex w-full items-center gap-2 rounded-md px-3 py-2 text-left text-sm text-foreground hover:bg-muted focus:bg-muted focus-visible:-outline-offset-2"
                  >
                    <Icon className="size-4 text-muted-foreground" aria-hidden="true" />
                    <span className="flex-1">{t(`themes.${option}`)}</span>
                    {theme === option ? <Check className="size-4 text-primary" aria-hidden="true" /> : null}
                  </button>
                );
              })}
            </div>
            <div role="group" aria-label={tLanguage("label")} className="mb-1 border-b border-border pb-1">
              <p aria-hidden="true" className="px-3 pt-1 pb-0.5 text-xs font-medium text-muted-foreground">
                {tLanguage("label")}
              </p>
              {[null, ...LANGUAGES].map((option) => (
                <button
                  key={option ?? "organization"}
                  type="button"
                  role="menuitemradio"
                  aria-checked={language === option}
                  tabIndex={-1}
                  // Each language's name is written in that language, so a member can find their own.
                  lang={option ?? undefined}
                  onClick={() => void onChooseLanguage(option)}
                  className="flex w-full items-center gap-2 rounded-md px-3 py-2 text-left text-sm text-foreground hover:bg-muted focus:bg-muted focus-visible:-outline-offset-2"
                >
                  <Languages className="size-4 text-muted-foreground" aria-hidden="true" />
                  <span className="flex-1">{option ? LANGUAGE_NAMES[option] : tLanguage("automatic", { language: LANGUAGE_NAMES[user.organizationLanguage] })}</span>
                  {language === option ? <Check className="size-4 text-primary" aria-hidden="true" /> : null}
                </button>
              ))}
            </div>
            <button
              type="button"
              role="menuitem"
              tabIndex={-1}
              disabled={signingOut}
              onClick={() => void onSignOut()}
              className={cn(
                "flex w-full items-center gap-2 rounded-md px-3 py-2 text-left text-sm text-foreground",
                "hover:bg-muted focus:bg-muted focus-visible:-outline-offset-2 disabled:opacity-60",
              )}
            >
              {signingOut ? (
                <LoaderCircle className="size-4 animate-spin text-muted-foreground" aria-hidden="true" />
              ) : (
                <LogOut className="size-4 text-muted-foreground" aria-hidden="true" />
              )}
              {signingOut ? t("signingOut") : t("signOut")}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
