import "@/app/_plugins/runtime";
import { translatorFor } from "@/core/i18n/translate";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SlidersHorizontal } from "lucide-react";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireCapability } from "@/core/auth/context";
import { rootDb } from "@/core/db/client";
import { getPlugin, installedPluginIds } from "@/core/plugins/registry";
import { findEnabledPlugin } from "@/core/plugins/settings/enabled-plugin";
import { describeSettingsFields, toFormValues, type SecretStatus } from "@/core/plugins/settings/fields";
import { getPublicSettings } from "@/core/plugins/settings/store";
import { SettingsForm } from "./_components/settings-form";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props) {
  const { id } = await params;
  // Installed plugins are listed to every member on the Plugins page: the name reveals nothing.
  const name = installedPluginIds().includes(id) ? (await getPlugin(id))?.name : undefined;
  return { title: name ? `${name} settings` : "Plugin settings" };
}

// The settings page of one plugin, generated from its settings schema. Only the serializable part of
// the schema and the public values (secrets as set / not set) reach the browser.
export default async function PluginSettingsPage({ params }: Props) {
  const { id } = await params;
  const ctx = await requireCapability("organization.manage");
  const t = translatorFor(ctx, "pluginsPage");
  const manifest = await findEnabledPlugin(id, ctx.organization.id);
  if (!manifest) notFound();
  const fields = describeSettingsFields(manifest.settings);
  const values = await getPublicSettings(rootDb(), manifest, ctx.organization.id);
  const secretsSet = Object.fromEntries(fields.filter((f) => f.type === "secret").map((f) => [f.key, (values[f.key] as SecretStatus).set]));
  const timeZone = ctx.organization.timezone;
  return (
    <div className="grid gap-6">
      <PageHeader
        eyebrow={<Link href="/plugins" className="hover:underline">{t("title")}</Link>}
        title={t("settingsTitle", { plugin: manifest.name })}
        description={t("settingsDescription", { plugin: manifest.name, organization: ctx.organization.name })}
      />
      {fields.length === 0 ? (
        <Card>
          <EmptyState icon={<SlidersHorizontal />} title="Nothing to configure" description={`${manifest.name} has no settings.`} />
        </Card>
      ) : (
        <SettingsForm
          // Saved values come back from the server after router.refresh(): remount with them.
          key={JSON.stringify(values)}
          pluginId={manifest.id}
          pluginName={manifest.name}
          fields={fields}
          values={toFormValues(fields, values, timeZone)}
          secretsSet={secretsSet}
          timeZone={timeZone}
        />
      )}
    </div>
  );
}
