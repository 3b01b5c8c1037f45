// The organization's own settings (owners and admins): name, time zone, currency and locale. The
// locale decides how every page, chart and e-mail writes dates, numbers and money; CSV exports and
// the REST API keep machine formats.
import { translatorFor } from "@/core/i18n/translate";
import { titleFrom } from "@/core/i18n/metadata";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireCapability } from "@/core/auth/context";
import { LOCALES } from "@/core/format/locale";
import { orgFormat } from "@/core/format/org-format";
import { currencies, timeZones } from "@/core/organization/schema";
import { OrganizationForm } from "./_components/organization-form";

export const generateMetadata = titleFrom("organizationSettings.title");

/** A sample of each locale, written as it would be for this organization (its zone and currency). */
function localeChoices(org: { timezone: string; currency: string }) {
  const sampleDay = new Date(Date.UTC(2026, 2, 8, 14, 30));
  return LOCALES.map((l) => {
    const f = orgFormat({ ...org, locale: l.tag });
    return { value: l.tag, label: l.label, sample: `${f.dateTime(sampleDay)} · ${f.number(1234567.89)} · ${f.money("1234.5")}` };
  });
}

/** A stored value this server's list lacks (an alias such as "US/Eastern") stays selectable as it is. */
const withCurrent = (list: string[], current: string) => (list.includes(current) ? list : [current, ...list]);

export default async function OrganizationSettingsPage() {
  const ctx = await requireCapability("organization.manage");
  const t = translatorFor(ctx, "organizationSettings");
  const org = ctx.organization;
  return (
    <div className="grid gap-6">
      <PageHeader title={t("title")} description={t("description", { organization: org.name })} />
      <Card>
        <CardHeader>
          <CardTitle>{org.name}</CardTitle>
          <CardDescription>{t("cardDescription")}</CardDescription>
        </CardHeader>
        <CardContent>
          <OrganizationForm
            defaults={{ name: org.name, timezone: org.timezone, currency: org.currency.trim(), locale: org.locale }}
            locales={localeChoices(org)}
            timeZones={withCurrent(timeZones(), org.timezone)}
            currencies={withCurrent(currencies(), org.currency.trim())}
          />
        </CardContent>
      </Card>
    </div>
  );
}
