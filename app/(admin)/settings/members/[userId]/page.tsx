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
import { ROLE_LABELS } from "@/core/auth/roles";
import { getMemberGrants } from "@/core/plugins/member-grants";
import { PluginGrantsForm } from "./_components/plugin-grants-form";

export const metadata = { title: "Member permissions" };

export default async function MemberPermissionsPage({ params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await params;
  const ctx = await requireCapability("organization.manage");
  // Not a user id, or not a member here: the same 404 either way (another organization's users do not exist).
  const grants = z.uuid().safeParse(userId).success ? await getMemberGrants(ctx, userId) : null;
  if (!grants) notFound();
  const { member, plugins, totalPermissions } = grants;

  return (
    <div className="grid gap-6">
      <PageHeader
        eyebrow={<Link href="/settings/members" className="hover:underline">Members</Link>}
        title={member.name}
        description={
          <>
            {member.email} · <Badge>{ROLE_LABELS[member.role]}</Badge>
          </>
        }
      />
      {member.role === "owner" ? (
        <Card>
          <CardContent className="flex items-start gap-3 pt-5">
            <ShieldCheck className="mt-0.5 size-5 shrink-0 text-primary" aria-hidden="true" />
            <div className="grid gap-1 text-sm">
              <p className="font-medium">{member.name} has all permissions.</p>
              <p className="text-muted-foreground">
                Owners can do everything in every enabled plugin ({totalPermissions} permission{totalPermissions === 1 ? "" : "s"} today), so there is
                nothing to grant.
              </p>
            </div>
          </CardContent>
        </Card>
      ) : plugins.length === 0 ? (
        <Card>
          <EmptyState
            icon={<ShieldCheck />}
            title="No plugin permissions to grant"
            description="None of the plugins enabled for this organization declares permissions."
            action={
              <Link href="/plugins" className={buttonVariants({ variant: "outline" })}>
                Manage plugins
              </Link>
            }
          />
        </Card>
      ) : (
        <>
          <p className="max-w-3xl text-sm text-muted-foreground">
            Every {ROLE_LABELS[member.role]} has the groups marked as coming with the role. Give {member.name} another group to grant a
            ready-made set of permissions, or single permissions for anything more. Their role also decides what they may do with patients
            and appointments.
          </p>
          {plugins.map((plugin) => (
            // Keyed by the saved state, so the form starts over from the server's view after a save.
            <PluginGrantsForm
              key={`${plugin.pluginId}:${plugin.grantedGroups.join(",")}:${plugin.grantedPermissions.join(",")}`}
              userId={member.userId}
              memberName={member.name}
              roleLabel={ROLE_LABELS[member.role]}
              plugin={plugin}
            />
          ))}
        </>
      )}
    </div>
  );
}
