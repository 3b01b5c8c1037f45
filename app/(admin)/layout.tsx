// The signed-in area: every page below renders inside the admin shell for the active organization.
import type { ReactNode } from "react";
import { OrgFormatProvider } from "@/components/format/org-format";
import { AppShell } from "@/components/shell/app-shell";
import { SessionProvider } from "@/components/shell/session-provider";
import { TextsProvider } from "@/components/ui/field-text";
import { getSession, requireOrgContext } from "@/core/auth/context";
import { isLanguage, languageOfLocale, memberLanguage } from "@/core/i18n/languages";
import { textsFor } from "@/core/i18n/texts/for-language";
import { adminNavigation, coreNavigation } from "@/core/navigation";
import { pluginNavigation } from "@/core/plugins/menus";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const ctx = await requireOrgContext();
  const [session, pluginNav] = await Promise.all([getSession(), pluginNavigation(ctx)]);
  const texts = textsFor(memberLanguage(ctx));
  return (
    <SessionProvider session={session}>
      <AppShell
        nav={[...coreNavigation(ctx), ...pluginNav, ...adminNavigation(ctx)]}
        organizations={ctx.memberships.map((m) => ({ id: m.organization.id, name: m.organization.name, role: m.role }))}
        activeOrganizationId={ctx.organization.id}
        user={{ name: ctx.user.name, email: ctx.user.email, language: isLanguage(ctx.user.language) ? ctx.user.language : null, organizationLanguage: languageOfLocale(ctx.organization.locale) }}
      >
        <OrgFormatProvider formatting={{ timezone: ctx.organization.timezone, currency: ctx.organization.currency, locale: ctx.organization.locale }}>
          {/* English members (texts null) get no provider at all: nothing added to their pages. */}
          {texts ? <TextsProvider texts={texts}>{children}</TextsProvider> : children}
        </OrgFormatProvider>
      </AppShell>
    </SessionProvider>
  );
}
