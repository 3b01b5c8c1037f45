import "@/app/_plugins/runtime";
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

export const metadata = { title: "Plugins" };

export default async function PluginsPage() {
  const ctx = await requireOrgContext();
  const plugins = await pluginStatuses(ctx.organization.id);
  const canManage = ctx.can("organization.manage");
  const fmt = orgFormat(ctx.organization);
  return (
    <div className="grid gap-6">
      <PageHeader title="Plugins" description={`Features installed on this Ritiko server, and which are enabled for ${ctx.organization.name}.`} />
      {plugins.length === 0 ? (
        <EmptyState icon={<Puzzle aria-hidden="true" />} title="No plugins installed" description="Add a plugin folder under plugins/ and run npm run plugins:generate." />
      ) : (
        <ul className="grid gap-4 lg:grid-cols-2" aria-label="Installed plugins">
          {plugins.map((p) => (
            <li key={p.id}>
              <Card className="h-full">
                <CardHeader className="flex flex-row items-start justify-between gap-4">
                  <div className="grid gap-1">
                    <CardTitle className="flex items-center gap-2">
                      {p.name} <span className="text-sm font-normal text-muted-foreground">v{p.version}</span>
                    </CardTitle>
                    <CardDescription>{p.description}</CardDescription>
                  </div>
                  <Badge variant={p.enabled ? "success" : "neutral"}>{p.enabled ? "Enabled" : "Disabled"}</Badge>
                </CardHeader>
                <CardContent className="grid gap-3 text-sm">
                  <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
                    <dt className="text-muted-foreground">Author</dt>
                    <dd>{p.author}</dd>
                    <dt className="text-muted-foreground">Id</dt>
                    <dd className="font-mono text-[13px]">{p.id}</dd>
                    <dt className="text-muted-foreground">Needs</dt>
                    <dd>
                      {p.dependencies.length === 0
                        ? "—"
                        : p.dependencies.map((d) => (
                            <span key={d.id} className="mr-2 inline-flex items-center gap-1">
                              {d.name ?? d.id} {d.range}
                              <Badge variant={!d.satisfied ? "danger" : d.enabled ? "success" : "warning"}>
                                {!d.satisfied ? (d.installedVersion ? `v${d.installedVersion} installed` : "not installed") : d.enabled ? "enabled" : "not enabled"}
                              </Badge>
                            </span>
                          ))}
                    </dd>
                    {p.dependents.length ? (
                      <>
                        <dt className="text-muted-foreground">Needed by</dt>
                        <dd>{p.dependents.join(", ")}</dd>
                      </>
                    ) : null}
                    {p.enabledAt && p.enabled ? (
                      <>
                        <dt className="text-muted-foreground">Enabled on</dt>
                        <dd>{fmt.dateTime(p.enabledAt)}</dd>
                      </>
                    ) : null}
                  </dl>
                  {/* Hook errors can carry operational detail: only for those who manage plugins. */}
                  {canManage && p.lastRuns[0]?.status === "failed" ? (
                    <p role="status" className="rounded-md bg-danger-soft px-3 py-2 text-danger-text">
                      Last attempt failed: {p.lastRuns[0].error}
                    </p>
                  ) : null}
                  {canManage ? (
                    <div className="flex flex-wrap gap-2 pt-1">
                      <PluginToggle pluginId={p.id} name={p.name} enabled={p.enabled} protectedWarning={p.protectedWarning} isOwner={ctx.role === "owner"} organizationName={ctx.organization.name} />
                      {p.enabled && p.hasSettings ? (
                        <Link href={`/plugins/${p.id}/settings`} className={buttonVariants({ variant: "ghost", size: "sm" })}>
                          Settings
                        </Link>
                      ) : null}
                    </div>
                  ) : (
                    <p className="text-muted-foreground">Only owners and admins can enable or disable plugins.</p>
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
