import "@/app/_plugins/runtime";
import { translatorFor } from "@/core/i18n/translate";
import { memberLanguage } from "@/core/i18n/languages";
import { pluginLabel } from "@/core/i18n/messages";
import { titleFrom } from "@/core/i18n/metadata";
import Link from "next/link";
import { Puzzle } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireOrgContext } from "@/core/auth/context";
import { pluginStatuses } from "@/core/plugins/status";
import { PluginToggle } from "./_components/plugin-toggle";
import { orgFormat } from "@/core/format/org-format";

export const generateMetadata = titleFrom("pluginsPage.title");

export default async function PluginsPage() {
  const ctx = await requireOrgContext();
  const plugins = await pluginStatuses(ctx.organization.id);
  const canManage = ctx.can("organization.manage");
  const fmt = orgFormat(ctx.organization);
  const t = translatorFor(ctx, "pluginsPage");
  const language = memberLanguage(ctx);
  return (
    <div className="grid gap-6">
      <PageHeader title={t("title")} description={t("description", { organization: ctx.organization.name })} />
      {plugins.length === 0 ? (
        <EmptyState icon={<Puzzle aria-hidden="true" />} title={t("noneTitle")} description={t("noneText")} />
      ) : (
        <ul className="grid gap-4 lg:grid-cols-2" aria-label={t("installed")}>
          {plugins.map((p) => (
            <li key={p.id}>
              <Card className="h-full">
                <CardHeader className="flex flex-row items-start justify-between gap-4">
                  <div className="grid gap-1">
                    <CardTitle className="flex items-center gap-2">
                      {p.name} <span className="text-sm font-normal text-muted-foreground">v{p.version}</span>
                    </CardTitle>
                    <CardDescription>{pluginLabel(p.id, language, p.description)}</CardDescription>
                  </div>
                  <Badge variant={p.enabled ? "success" : "neutral"}>{p.enabled ? t("enabled") : t("disabled")}</Badge>
                </CardHeader>
                <CardContent className="grid gap-3 text-sm">
                  <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
                    <dt className="text-muted-foreground">{t("author")}</dt>
                    <dd>{p.author}</dd>
                    <dt className="text-muted-foreground">{t("id")}</dt>
                    <dd className="font-mono text-[13px]">{p.id}</dd>
                    <dt className="text-muted-foreground">{t("needs")}</dt>
                    <dd>
                      {p.dependencies.length === 0
                        ? "—"
                        : p.dependencies.map((d) => (
                            <span key={d.id} className="mr-2 inline-flex items-center gap-1">
                              {d.name ?? d.id} {d.range}
                              <Badge variant={!d.satisfied ? "danger" : d.enabled ? "success" : "warning"}>
                                {!d.satisfied ? (d.installedVersion ? t("versionInstalled", { version: d.installedVersion }) : t("notInstalled")) : d.enabled ? t("dependencyEnabled") : t("dependencyNotEnabled")}
                              </Badge>
                            </span>
                          ))}
                    </dd>
                    {p.dependents.length ? (
                      <>
                        <dt className="text-muted-foreground">{t("neededBy")}</dt>
                        <dd>{p.dependents.join(", ")}</dd>
                      </>
                    ) : null}
                    {p.enabledAt && p.enabled ? (
                      <>
                        <dt className="text-muted-foreground">{t("enabledOn")}</dt>
                        <dd>{fmt.dateTime(p.enabledAt)}</dd>
                      </>
                    ) : null}
                  </dl>
                  {/* Hook errors can carry operational detail: only for those who manage plugins. */}
                  {canManage && p.lastRuns[0]?.status === "failed" ? (
                    <p role="status" className="rounded-md bg-danger-soft px-3 py-2 text-danger-text">
                      {t("lastFailed", { error: p.lastRuns[0].error ?? "" })}
                    </p>
                  ) : null}
                  {canManage ? (
                    <div className="flex flex-wrap gap-2 pt-1">
                      <PluginToggle pluginId={p.id} name={p.name} enabled={p.enabled} protectedWarning={p.protectedWarning} isOwner={ctx.role === "owner"} organizationName={ctx.organization.name} />
                      {p.enabled && p.hasSettings ? (
                        <Link href={`/plugins/${p.id}/settings`} className={buttonVariants({ variant: "ghost", size: "sm" })}>
                          {t("settings")}
                        </Link>
                      ) : null}
                    </div>
                  ) : (
                    <p className="text-muted-foreground">{t("onlyManagers")}</p>
                  )}
                </CardContent>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
