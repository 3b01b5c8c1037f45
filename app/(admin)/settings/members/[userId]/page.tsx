// One member's plugin permissions: per enabled plugin, the groups and single permissions granted to
// them, saved plugin by plugin. Owners have every permission and are only shown as such.
import Link from "next/link";
import { notFound } from "next/navigation";
import { ShieldCheck } from "lucide-react";
import { z } from "zod";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireCapability } from "@/core/auth/context";
import { titleFrom } from "@/core/i18n/metadata";
import { translatorFor } from "@/core/i18n/translate";
import { getMemberGrants } from "@/core/plugins/member-grants";
import { PluginGrantsForm } from "./_components/plugin-grants-form";

export const generateMetadata = titleFrom("members.memberTitle");

export default async function MemberPermissionsPage({ params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await params;
  const ctx = await requireCapability("organization.manage");
  // Not a user id, or not a member here: the same 404 either way (another organization's users do not exist).
  const grants = z.uuid().safeParse(userId).success ? await getMemberGrants(ctx, userId) : null;
  if (!grants) notFound();
  const { member, plugins, totalPermissions } = grants;
  const t = translatorFor(ctx, "members");
  const role = translatorFor(ctx, "roles")(member.role);

  return (
    <div className="grid gap-6">
      <PageHeader
        eyebrow={<Link href="/settings/members" className="hover:underline">{t("title")}</Link>}
        title={member.name}
        description={
          <>
            {member.email} · <Badge>{role}</Badge>
          </>
        }
      />
      {member.role === "owner" ? (
        <Card>
          <CardContent className="flex items-start gap-3 pt-5">
            <ShieldCheck className="mt-0.5 size-5 shrink-0 text-primary" aria-hidden="true" />
            <div className="grid gap-1 text-sm">
              <p className="font-medium">{t("hasAll", { name: member.name })}</p>
              <p className="text-muted-foreground">{t("ownersAll", { n: totalPermissions })}</p>
            </div>
          </CardContent>
        </Card>
      ) : plugins.length === 0 ? (
        <Card>
          <EmptyState
            icon={<ShieldCheck />}
            title={t("nothingTitle")}
            description={t("nothingText")}
            action={
              <Link href="/plugins" className={buttonVariants({ variant: "outline" })}>
                {t("managePlugins")}
              </Link>
            }
          />
        </Card>
      ) : (
        <>
          <p className="max-w-3xl text-sm text-muted-foreground">{t("explain", { role, name: member.name })}</p>
          {plugins.map((plugin) => (
            // Keyed by the saved state, so the form starts over from the server's view after a save.
            <PluginGrantsForm
              key={`${plugin.pluginId}:${plugin.grantedGroups.join(",")}:${plugin.grantedPermissions.join(",")}`}
              userId={member.userId}
              memberName={member.name}
              roleLabel={role}
              plugin={plugin}
            />
          ))}
        </>
      )}
    </div>
  );
}
