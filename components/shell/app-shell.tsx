import Link from "next/link";
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Brand } from "./brand";
import { OrgSwitcher } from "./org-switcher";
import { MobileNav, SidebarNav } from "./sidebar-nav";
import type { NavItem, ShellOrganization, ShellUser } from "./types";
import { UserMenu } from "./user-menu";

export type { NavItem, ShellOrganization, ShellUser } from "./types";

export type AppShellProps = {
  nav: ReadonlyArray<NavItem>;
  organizations: ReadonlyArray<ShellOrganization>;
  activeOrganizationId: string | null;
  user: ShellUser;
  children: ReactNode;
};

/**
 * The signed-in admin layout: fixed sidebar (a drawer below `lg`), a sticky
 * header with the organization switcher and account menu, and the page in
 * `<main id="main">`. Printed, only the page is (print CSS hides the sidebar and header). Server component; it needs a `<SessionProvider>` above it
 * (the organization switcher uses `useSession().update`).
 */
export function AppShell({ nav, organizations, activeOrganizationId, user, children }: AppShellProps) {
  const activeOrganization = organizations.find((org) => org.id === activeOrganizationId) ?? null;
  const t = useTranslations("shell");

  return (
    <div className="min-h-dvh">
      <a
        href="#main"
        className="sr-only print:hidden focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-[60] focus:rounded-md focus:bg-surface focus:px-4 focus:py-2 focus:text-sm focus:font-medium focus:text-foreground focus:shadow-lg"
      >
        {t("skipToContent")}
      </a>

      <aside className="fixed inset-y-0 left-0 z-40 hidden w-64 flex-col border-r border-border bg-surface lg:flex print:hidden">
        <div className="flex h-16 shrink-0 items-center border-b border-border px-5">
          <Link href="/" className="rounded-md" aria-label={t("brandHome")}>
            <Brand />
          </Link>
        </div>
        <div className="flex-1 overflow-y-auto px-3 py-4">
          <SidebarNav items={nav} />
        </div>
      </aside>

      <div className="lg:pl-64 print:pl-0">
        <header className="sticky top-0 z-30 flex h-16 print:hidden items-center gap-2 border-b border-border bg-surface/90 px-4 backdrop-blur-sm sm:gap-3 sm:px-6 lg:px-8">
          <MobileNav items={nav} />
          <OrgSwitcher organizations={organizations} activeOrganizationId={activeOrganizationId} />
          <div className="ml-auto flex items-center">
            <UserMenu user={user} role={activeOrganization?.role} organizationName={activeOrganization?.name} />
          </div>
        </header>

        {/* tabIndex lets the skip link move keyboard focus here, not just scroll. */}
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-7xl px-4 py-6 focus:outline-none sm:px-6 lg:px-8 lg:py-8">
          {children}
        </main>
      </div>
    </div>
  );
}
